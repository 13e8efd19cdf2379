/**
 * A lock file beside the stored credentials, so that one process at a time refreshes a context's
 * session. Refresh tokens rotate: two processes refreshing with the same one means one of them is
 * refused (and a server with reuse detection may end the whole session). The holder of the lock
 * re-reads the stored credentials first, since another process may have refreshed meanwhile.
 *
 * The lock is a file created exclusively (`wx`) holding the owner's pid, host and a random id. A
 * lock whose owner is dead (same host, no such pid) or that is older than `staleMs` is taken
 * over; waiting for a live one gives up after `waitMs` with an error naming the file.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { GeneralError } from '../errors.js';
import { processAlive } from '../process-alive.js';

export interface RefreshLockOptions {
  /** How long to wait for another process's refresh (default 30 s). */
  waitMs?: number;
  /** A lock older than this is abandoned, whatever its owner (default 60 s: a refresh is one request). */
  staleMs?: number;
  /** Between two looks at a held lock (default 25 ms, with jitter). */
  pollMs?: number;
}

/** Releases the lock (only if it is still this process's). */
export type ReleaseLock = () => Promise<void>;

interface Owner {
  pid: number;
  host: string;
  id: string;
}

/** The lock file of a context's session in `directory` (the configuration directory). */
export function refreshLockPath(directory: string, context: string): string {
  return join(directory, `refresh-${context}.lock`);
}

export async function acquireRefreshLock(directory: string, context: string, options: RefreshLockOptions = {}): Promise<ReleaseLock> {
  const waitMs = options.waitMs ?? 30_000;
  const staleMs = options.staleMs ?? 60_000;
  const pollMs = options.pollMs ?? 25;
  const path = refreshLockPath(directory, context);
  const me: Owner = { pid: process.pid, host: hostname(), id: randomBytes(8).toString('hex') };
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const started = Date.now();
  for (;;) {
    if (await tryCreate(path, me)) return () => release(path, me);
    const holder = await readOwner(path);
    if (holder !== 'gone' && (await isStale(path, holder, staleMs))) await takeOver(path, holder);
    else if (holder !== 'gone') {
      if (Date.now() - started >= waitMs) {
        throw new GeneralError('auth.refreshLockTimeout', {
          params: { context, path, seconds: Math.round(waitMs / 1000) },
          hint: 'auth.refreshLockTimeoutHint',
          hintParams: { path },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs + Math.random() * pollMs));
    }
  }
}

async function tryCreate(path: string, me: Owner): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(me));
  } finally {
    await handle.close();
  }
  return true;
}

/** The lock's owner; undefined when it cannot be read yet (being written), 'gone' when it was released. */
async function readOwner(path: string): Promise<Owner | undefined | 'gone'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const owner = JSON.parse(text) as Partial<Owner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.id === 'string') return owner as Owner;
  } catch {
    // Half-written, or not ours: judged by its age alone.
  }
  return undefined;
}

async function isStale(path: string, owner: Owner | undefined, staleMs: number): Promise<boolean> {
  if (owner !== undefined && owner.host === hostname() && !processAlive(owner.pid)) return true;
  try {
    return Date.now() - (await stat(path)).mtimeMs > staleMs;
  } catch {
    return false; // gone meanwhile: the next attempt to create it will tell
  }
}

/**
 * Removes an abandoned lock. It is first moved aside, then checked: if what was moved is not the
 * lock judged abandoned (another process took over and locked in between), it is put back.
 */
async function takeOver(path: string, judged: Owner | undefined): Promise<void> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readOwner(aside);
  if (judged !== undefined && moved !== 'gone' && moved?.id !== judged.id) {
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

async function release(path: string, me: Owner): Promise<void> {
  const owner = await readOwner(path).catch(() => undefined);
  if (owner === undefined || owner === 'gone' || owner.id !== me.id) return;
  await unlink(path).catch(() => undefined);
}
