/**
 * The journal of a bulk run: the accounts whose record has been written, one id per line,
 * appended once the records have left the process for the output (the output stream's write
 * callback; `flush()`, a write at a time) and fsync'd in small batches
 * (off the event loop: a slow disk must not stall the lookups) and at the end. `--resume` reads
 * it and looks up only the accounts it does not hold, so an interrupted run skips no account and
 * repeats none after Ctrl-C; after a crash or a kill, only the accounts whose records had not
 * left the process (in flight, or queued behind a slow reader) are looked up again — and, if the
 * kill falls in the instant between a write and its journal line, that one write's records.
 *
 * A failed account's line starts with {@link FAILED_PREFIX} (a tab: no account id starts with
 * one, they are trimmed), so `--retry-failed` can look them up again; a later line for the same
 * account (its retry) replaces what an earlier one said.
 */
import { closeSync, fsync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { AccountIds } from './account-ids.js';

/** The first line of every journal: what tells a journal from any other file of lines. */
export const JOURNAL_HEADER = '# espace bulk journal 1\n';

/** Starts the line of an account whose record was a failure. */
export const FAILED_PREFIX = '\tfailed\t';

/** fsync at most this often while records flow; always at close. */
const SYNC_INTERVAL_MS = 200;

export class Journal {
  private readonly fd: number;
  /** Accounts whose last record failed, kept up to date as records are journaled. */
  readonly #failed: Set<string>;
  /** Lines appended since the last flush. */
  private queued = '';
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  /** The fsync running in the thread pool, if one is. */
  private syncing: Promise<void> | undefined;

  private constructor(
    readonly path: string,
    /** Accounts already done (succeeded or failed) when the journal was opened. */
    readonly done: Pick<AccountIds, 'length' | 'has' | typeof Symbol.iterator>,
    failed: Set<string>,
  ) {
    this.#failed = failed;
    this.fd = openSync(path, 'a', 0o600);
  }

  /**
   * Opens the journal of a run: kept (resume) or emptied (a new run). A line cut short by a
   * crash is dropped, so that the next append starts on a line of its own. A file the user named
   * (`mustBeJournal`) is opened only if it is empty or a journal (it starts with JOURNAL_HEADER):
   * anything else — the list of accounts itself, say — is refused untouched (UsageError).
   */
  static open(path: string, resume: boolean, options: { mustBeJournal?: boolean } = {}): Journal {
    if (options.mustBeJournal && !isJournalOrAbsent(path)) throw new UsageError('bulk.notAJournal', { params: { file: path } });
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    let text = '';
    if (resume) {
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    // Journals written before the header was added have none; their lines are read the same.
    if (text.startsWith(JOURNAL_HEADER)) text = text.slice(JOURNAL_HEADER.length);
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const fd = openSync(path, 'w+', 0o600);
    try {
      writeSync(fd, JOURNAL_HEADER + complete);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const done = new AccountIds();
    const failed = new Set<string>();
    for (const line of complete.split('\n')) {
      if (line === '') continue;
      if (line.startsWith(FAILED_PREFIX)) {
        const account = line.slice(FAILED_PREFIX.length);
        done.add(account);
        failed.add(account);
      } else {
        done.add(line);
        failed.delete(line);
      }
    }
    return new Journal(path, done, failed);
  }

  /** Accounts whose last journaled record was a failure (those `--retry-failed` looks up again). */
  get failed(): ReadonlySet<string> {
    return this.#failed;
  }

  /** Queues an account whose record was written (`ok`: a success); `flush()` writes what is queued. */
  append(account: string, ok = true): void {
    if (ok) {
      this.queued += `${account}\n`;
      this.#failed.delete(account);
    } else {
      this.queued += `${FAILED_PREFIX}${account}\n`;
      this.#failed.add(account);
    }
  }

  flush(): void {
    if (this.queued === '') return;
    writeSync(this.fd, this.queued);
    this.queued = '';
    this.dirty = true;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.syncInBackground();
    }, SYNC_INTERVAL_MS);
  }

  private syncInBackground(): void {
    if (!this.dirty || this.syncing) return;
    this.dirty = false;
    this.syncing = new Promise<void>((resolve) => {
      fsync(this.fd, () => {
        // A failed fsync is retried by the next batch or at close, which reports it.
        this.syncing = undefined;
        resolve();
      });
    });
  }

  /** Waits for a background fsync, then syncs what is left and closes the file. */
  async close(): Promise<void> {
    this.flush();
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.syncing;
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

/** Whether `path` does not exist, is empty, or starts like a journal: the files a run may write. */
function isJournalOrAbsent(path: string): boolean {
  // Only a regular file is opened: a named pipe would block the open until someone writes to it,
  // and a device or a directory is no journal either.
  try {
    if (!statSync(path).isFile()) return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  try {
    const start = Buffer.alloc(JOURNAL_HEADER.length);
    const read = readSync(fd, start, 0, start.length, 0);
    return read === 0 || start.subarray(0, read).toString('utf8') === JOURNAL_HEADER;
  } catch {
    return false; // a directory, or unreadable
  } finally {
    closeSync(fd);
  }
}
