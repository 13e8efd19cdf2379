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
  quick.exports.complete({ argv, env: process.env, stdout: process.stdout }).then((code) => {
    if (code === undefined) return runMain();
    process.exitCode = code;
    quick.afterRun();
  });
} else if ((argv.at(-1) === '--help' || argv.at(-1) === '-h') && showHelpPage()) {
  // Printed from a page rendered at build time (src/cli/help-pages/): exit code 0.
} else {
  runMain();
}

/** `espace bill show --help` without building commander's tree, when a page answers it. */
function showHelpPage() {
  try {
    const path = require('node:path');
    return require('../dist/cli/help.js').showHelpPage({ argv, env: process.env, pagesDir: path.join(__dirname, '..', 'dist', 'help') });
  } catch {
    // A build without the pages (the single file): the CLI's main renders help as always.
    return false;
  }
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
