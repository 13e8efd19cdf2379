/**
 * vitest's global setup: every temporary file of a test run goes under one directory, removed when
 * the run ends. TMPDIR is set before the workers start, so `os.tmpdir()` in every test file and in
 * every process a test spawns (the CLI, the sandbox, shells) lands there: a test file that dies
 * before its own clean-up, or a helper whose exit hook never runs in a worker, leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'espace-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
