/**
 * The spawn helper itself: a command that exits without reading its input must not turn the
 * input it was given into an uncaught EPIPE (vitest reports it against whichever test runs then,
 * and fails the run). Four MiB of input outlast any pipe's buffer, so the write always meets a
 * closed pipe here, where a few bytes on a loaded machine only sometimes did.
 */
import { expect, it } from 'vitest';
import { espace } from './spawn.js';

it('gives a command that never reads its input the exit code and output it had, input unread', async () => {
  const result = await espace(['--version'], { input: 'x'.repeat(4 << 20) });
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
});
