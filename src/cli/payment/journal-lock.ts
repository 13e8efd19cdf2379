/**
 * The lock of the payment journal: a file beside the journal's directory, created exclusively,
 * holding who has it (process id, host, time). One `espace pay` or `payment reconcile` at a time
 * per journal, so that two payments of one bill started together are made one after the other:
 * the second sees what the first did (the bill settled, or its entry) instead of racing it.
 *
 * A lock left by a process that no longer runs on this host is taken over; a lock of another
 * host (a shared home directory) is waited for, then reported with the file to remove.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { abortableSleep } from '../../abortable-sleep.js';
import { CancelledError, GeneralError } from '../../errors.js';
import { processAlive } from '../../process-alive.js';

/** Who holds a lock, as written in its file. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export interface JournalLock {
  readonly path: string;
  /** Gives the lock up (once; later calls do nothing). */
  release(): void;
}

export interface LockOptions {
  /** Aborting it stops the wait with a CancelledError. */
  signal?: AbortSignal;
  /** Called once, when the lock is found held by a live process and the wait begins. */
  onWait?: (holder: LockHolder | undefined) => void;
  /** How long to wait for a live holder (default 3 minutes: a payment's attempts and waits). */
  timeoutMs?: number;
  pollMs?: number;
}

/** A lock file that stays unreadable this long was left by a process that died while writing it. */
const UNREADABLE_GRACE_MS = 5000;

/** The lock file of a journal directory: beside it, not in it (the journal lists its own files). */
export function journalLockPath(journalDir: string): string {
  return `${journalDir}.lock`;
}

/** Whether a process that still runs (or one of another host) holds the journal's lock at this moment. */
export function journalLocked(journalDir: string): boolean {
  const path = journalLockPath(journalDir);
  const seen = readLock(path);
  return seen !== undefined && !isStale(path, seen.holder);
}

/** Takes the journal's lock, waiting while another live process holds it. */
export async function lockJournal(journalDir: string, options: LockOptions = {}): Promise<JournalLock> {
  const path = journalLockPath(journalDir);
  const timeoutMs = options.timeoutMs ?? 180_000;
  const pollMs = options.pollMs ?? 100;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomUUID() })}\n`;
  const started = Date.now();
  let waiting = false;
  for (;;) {
    if (options.signal?.aborted) throw new CancelledError();
    if (tryCreate(path, mine)) return held(path, mine);
    const seen = readLock(path);
    if (seen === undefined) continue; // released meanwhile: try again at once
    if (isStale(path, seen.holder)) {
      breakStale(path, seen.text);
      continue;
    }
    if (!waiting) {
      waiting = true;
      options.onWait?.(seen.holder);
    }
    if (Date.now() - started > timeoutMs) {
      throw new GeneralError('payment.lockTimeout', { params: { pid: seen.holder?.pid ?? '?', host: seen.holder?.host ?? '?', path } });
    }
    await abortableSleep(pollMs, options.signal);
  }
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function held(path: string, content: string): JournalLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: a file that says otherwise is someone else's.
    if (readLock(path)?.text === content) rmSync(path, { force: true });
  };
  // A process that ends without unwinding (process.exit) gives its lock up too.
  process.on('exit', release);
  return { path, release };
}

function readLock(path: string): { text: string; holder: LockHolder | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string')
      return { text, holder: { pid: parsed.pid, host: parsed.host, since: String(parsed.since) } };
  } catch {
    // unreadable: see isStale
  }
  return { text, holder: undefined };
}

function isStale(path: string, holder: LockHolder | undefined): boolean {
  if (holder === undefined) {
    // Being written this very moment, or left half-written by a crash: only age tells them apart.
    try {
      return Date.now() - statSync(path).mtimeMs > UNREADABLE_GRACE_MS;
    } catch {
      return false;
    }
  }
  return holder.host === hostname() && !processAlive(holder.pid);
}

/**
 * Removes a stale lock without removing a fresh one that replaced it meanwhile: the file is moved
 * aside (atomic), and put back if what was moved is not what was judged stale.
 */
function breakStale(path: string, staleText: string): void {
  const aside = `${path}.${process.pid}.${randomUUID()}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let moved: string | undefined;
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    moved = undefined;
  }
  if (moved !== staleText) {
    try {
      linkSync(aside, path);
    } catch {
      // another process locked meanwhile; the moved lock's holder will find its file gone
    }
  }
  rmSync(aside, { force: true });
}
