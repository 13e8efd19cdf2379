/**
 * The bundle of the single executable (see scripts/build-sea.mjs; sea/launcher.cjs runs it and
 * answers --version itself): the CLI, or the sandbox program when the CLI spawns this same
 * executable with the sandbox's entry path as first argument.
 */
import { sandboxEntry } from '../../src/config/paths.js';

const argv = process.argv.slice(2);
if (argv[0] === sandboxEntry()) {
  process.argv.splice(2, 1);
  void import('../../src/sandbox/main.js');
} else {
  void import('../../src/cli/main.js').then(({ main }) =>
    main({ argv, env: process.env, stdin: () => process.stdin, stdinIsTTY: process.stdin.isTTY === true, stdout: process.stdout, stderr: process.stderr }).then(
      (code) => {
        process.exitCode = code;
      },
    ),
  );
}
