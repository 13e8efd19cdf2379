/**
 * `--journal FILE` where FILE is not a regular file: a named pipe (FIFO) would block the run's
 * very first read until some other process writes to it — a hang with nothing said. It is refused
 * at once like any other file that is not a journal: exit 2, nothing sent. Run in a process of
 * its own, since a blocked open stops the whole thread.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ESPACE_BIN } from '../helpers/spawn.js';
import { cliEnv, processEnv } from '../helpers/env.js';

let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('a named pipe as --journal is refused at once (exit 2), not opened', async () => {
  dir = await mkdtemp(join(tmpdir(), 'espace-journal-fifo-'));
  const fifo = join(dir, 'journal');
  execFileSync('mkfifo', [fifo]);
  const list = join(dir, 'accounts.txt');
  await writeFile(list, 'BA-1001\n');
  // Nothing listens there: a request would fail, but none must be sent.
  const env = processEnv(cliEnv({ url: 'http://127.0.0.1:9', token: 'token', home: dir }));
  child = spawn(process.execPath, [ESPACE_BIN, 'bill', 'list', '--accounts-from', list, '--journal', fifo], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child!.on('close', resolve));
  expect(code, stderr).toBe(2);
  expect(stderr).toContain(`--journal ${fifo} exists and is not a journal`);
}, 300_000);
