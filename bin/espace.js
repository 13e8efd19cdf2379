#!/usr/bin/env node
// The launcher, and the only code that sets process.exitCode. It is CommonJS (see
// bin/package.json), like the bundle in dist/ (see scripts/build.mjs): `espace --version` answers
// without loading the bundle, and no command starts the ES module loader just to begin.
'use strict';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (argv.includes('__complete')) {
  // Every TAB completing an id runs this: answered without the rest of the CLI when it can be.
  const quick = require('./load-cli.js').loadCli('complete');
  quick.exports.complete({ argv, env: process.env }).then((code) => {
    if (code === undefined) {
      forgetBundledModules();
      return runMain();
    }
    process.exitCode = code;
    quick.afterRun();
  });
} else if (argv.length > 0 && mayBePrebuilt(argv[argv.length - 1]) && answerPrebuilt()) {
  // `espace bill show --help`, or an option the command does not take: answered from what the
  // build prepared (src/cli/prebuilt/), without the CLI's main.
} else {
  runMain();
}

/**
 * Whether the build's answers may cover a command line ending in `last`: help, or a long option no
 * command takes. One that some command takes (`--json`) goes straight to the main, which knows
 * whether this command does: loading the answers to learn that cost every such command ≈ 1 ms.
 * The list is written by the build (KNOWN_OPTIONS_FILE in src/cli/prebuilt/pages.ts).
 */
function mayBePrebuilt(last) {
  if (!last.startsWith('-')) return false;
  if (last === '--help' || last === '-h') return true;
  try {
    const file = require('node:path').join(__dirname, '..', 'dist', 'prebuilt', 'options.json');
    return !JSON.parse(require('node:fs').readFileSync(file, 'utf8')).includes(last);
  } catch {
    // No list (an older build, the single file): ask the answers, as before.
    return true;
  }
}

/** Sets the exit code and returns true when the build's answers cover this command line. */
function answerPrebuilt() {
  let prebuilt;
  try {
    prebuilt = require('../dist/cli/prebuilt.js');
  } catch {
    // A build without them (the single file): the CLI's main answers as always.
    return false;
  }
  const code = prebuilt.answerPrebuilt({
    argv,
    env: process.env,
    dir: require('node:path').join(__dirname, '..', 'dist', 'prebuilt'),
    stdout: () => process.stdout,
    stderr: () => process.stderr,
  });
  if (code === undefined) return false;
  process.exitCode = code;
  return true;
}

/**
 * Drops the modules of dist/ that complete.js registered (the chunks embedded in it) before the
 * CLI's main takes a command line it left: main.js registers its own copies of some of them, and
 * every chunk loaded after must get main's instances (errors are told apart with instanceof).
 */
function forgetBundledModules() {
  const path = require('node:path');
  const dist = path.join(__dirname, '..', 'dist') + path.sep;
  for (const file of Object.keys(require.cache)) if (file.startsWith(dist)) delete require.cache[file];
}

function runMain() {
  const stdinIsTTY = require('node:tty').isatty(0);
  const cli = require('./load-cli.js').loadCli();
  cli.exports
    .main({
      argv,
      env: process.env,
      // Opened only by commands that read it: creating process.stdin costs milliseconds.
      stdin: () => process.stdin,
      stdinIsTTY,
      stdout: process.stdout,
      stderr: process.stderr,
    })
    .then((code) => {
      process.exitCode = code;
      cli.afterRun();
      // 5: a payment's outcome is unknown, and Ctrl-C may still be pressed again and again. While
      // Node winds down on its own it puts Ctrl-C's default back, and one more press would end the
      // process by the signal, losing the 5 scripts rely on. Leave at once, once the output is out.
      if (code === 5) process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
    });
}
