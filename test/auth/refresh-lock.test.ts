/** The cross-process refresh lock: mutual exclusion, stale locks taken over, a bounded wait. */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireRefreshLock, refreshLockPath } from '../../src/auth/refresh-lock.js';
import { EspaceError } from '../../src/errors.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'espace-lock-'));
  dirs.push(dir);
  return dir;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the refresh lock', () => {
  it('lets one holder in at a time, and removes its file on release', async () => {
    const dir = await tempDir();
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const release = await acquireRefreshLock(dir, 'sandbox', { pollMs: 5 });
        inside++;
        most = Math.max(most, inside);
        await new Promise((resolve) => setImmediate(resolve));
        inside--;
        await release();
      }),
    );
    expect(most).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock whose owner is dead', async () => {
    const dir = await tempDir();
    await writeFile(refreshLockPath(dir, 'sandbox'), JSON.stringify({ pid: await deadPid(), host: hostname(), id: 'old' }));
    const release = await acquireRefreshLock(dir, 'sandbox', { waitMs: 5000 });
    await release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock older than the stale age, even from a live owner', async () => {
    const dir = await tempDir();
    const path = refreshLockPath(dir, 'sandbox');
    await writeFile(path, JSON.stringify({ pid: process.pid, host: hostname(), id: 'stuck' }));
    const old = new Date(Date.now() - 120_000);
    await utimes(path, old, old);
    const release = await acquireRefreshLock(dir, 'sandbox', { waitMs: 5000, staleMs: 60_000 });
    await release();
  });

  it('gives up waiting for a live lock with an error naming the lock file', async () => {
    const dir = await tempDir();
    const path = refreshLockPath(dir, 'sandbox');
    await writeFile(path, JSON.stringify({ pid: process.pid, host: hostname(), id: 'busy' }));
    const error = await acquireRefreshLock(dir, 'sandbox', { waitMs: 300 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EspaceError);
    expect((error as EspaceError).key).toBe('auth.refreshLockTimeout');
    expect((error as EspaceError).params).toMatchObject({ path, context: 'sandbox' });
  });
});
