/**
 * vitest's global setup: every temporary file of a test run goes under one directory, removed when
 * the run ends. TMPDIR is set before the workers start, so `os.tmpdir()` in every test file and in
 * every process a test spawns (the CLI, the sandbox, shells) lands there: a test file that dies
 * before its own clean-up, or a helper whose exit hook never runs in a worker, leaves nothing behind.
 *
 * Each vitest project runs the global setup (vitest.config.ts has two): they share one directory,
 * made by the first and removed by the last teardown. A directory made inside another would make
 * paths longer than a Unix socket's name may be (dbus-daemon's, under TMPDIR).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Run {
  root: string;
  previous: string | undefined;
  users: number;
}

// On globalThis: vitest loads this module once per project, each a module instance of its own.
const RUN = Symbol.for('espace.test-run');
const shared = globalThis as { [RUN]?: Run };

export default function setup(): () => void {
  if (!shared[RUN]) {
    const previous = process.env.TMPDIR;
    shared[RUN] = { root: mkdtempSync(join(tmpdir(), 'espace-test-run-')), previous, users: 0 };
    process.env.TMPDIR = shared[RUN].root;
  }
  const run = shared[RUN];
  run.users += 1;
  return () => {
    if (--run.users > 0) return;
    if (run.previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = run.previous;
    rmSync(run.root, { recursive: true, force: true });
    delete shared[RUN];
  };
}
