#!/usr/bin/env node
// The launcher, and the only code that sets process.exitCode. It is CommonJS (see
// bin/package.json) so that `espace --version` answers without starting the ES module loader;
// every other command enables Node's compile cache (Node 22.1+) and loads the bundle in dist/.
'use strict';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('node:module').enableCompileCache?.();
  import('../dist/cli/main.js').then(async ({ main }) => {
    process.exitCode = await main({
      argv,
      env: process.env,
      // Opened only by commands that read it: creating process.stdin costs milliseconds.
      stdin: () => process.stdin,
      stdinIsTTY: require('node:tty').isatty(0),
      stdout: process.stdout,
      stderr: process.stderr,
    });
  });
}
