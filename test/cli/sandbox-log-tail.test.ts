/**
 * When the sandbox does not start, espace quotes the last line of its log. The log grows with
 * every start and is never rotated: only its end is read, however large it has become.
 */
import { appendFile, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastLogLine, logFile } from '../../src/cli/commands/sandbox/control.js';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the last line of the sandbox log', () => {
  it('is found at the end of a log too large to read whole (4 GiB, sparse)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'espace-log-'));
    const log = logFile(dir);
    await writeFile(log, 'first start\n');
    await truncate(log, 4 * 1024 ** 3);
    await appendFile(log, '\nlisten EADDRINUSE: address already in use 127.0.0.1:8642\n');
    expect(lastLogLine(dir)).toBe('listen EADDRINUSE: address already in use 127.0.0.1:8642');
  });

  it('is the whole line of a short log, and empty when there is no log', async () => {
    dir = await mkdtemp(join(tmpdir(), 'espace-log-'));
    expect(lastLogLine(dir)).toBe('');
    await writeFile(logFile(dir), 'starting\nport 8642 taken\n');
    expect(lastLogLine(dir)).toBe('port 8642 taken');
  });
});
