/**
 * The built CLI with a 32 MB heap, fed a stream on stdin: for showing that an input is refused at
 * its bound instead of being read whole (the heap could not hold what the stream brings).
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { ESPACE_BIN } from './spawn.js';
import { processEnv } from './env.js';

/** Runs `espace args` with `source` piped to its stdin; resolves with its exit code and stderr. */
export function runWithSmallHeap(
  args: string[],
  childEnv: Record<string, string | undefined>,
  source: Readable,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=32', ESPACE_BIN, ...args], {
      env: processEnv(childEnv),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    // The CLI stops reading at the bound and exits: the rest cannot be written.
    child.stdin.on('error', () => source.destroy());
    source.pipe(child.stdin);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
