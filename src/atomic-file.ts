/**
 * Writing a file so that readers see either nothing or the whole of it: the bytes go to a
 * temporary file in the same directory (same file system, so the final step is atomic), are
 * flushed to disk, and only then take the final name. Without `overwrite`, the final step is a
 * hard link, which fails if the name exists (no window between a check and the write); with it,
 * a rename, which replaces the old file in one step. Whatever fails, the temporary file goes and
 * an old file under the final name stays as it was.
 *
 * The one place espace writes a file that must never be seen half-written: bill PDFs, the
 * credential file, the payment journal. (The launcher's code cache, bin/v8-code-cache.js, runs
 * before this module's bundle is loaded, and writes its own best-effort cache entry.)
 */
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
  }
}

export interface AtomicWriteOptions {
  /** Replace a file of that name (rename) rather than refuse it with {@link FileExistsError} (link). */
  overwrite: boolean;
  /** The new file's mode; 0600 for a file only its owner may read. Default 0644. */
  mode?: number;
}

/**
 * Twelve random hex digits for a temporary name nobody can guess ahead. node:crypto is loaded
 * here, at the first write, not with the module: every command that reads a login loads this
 * module (through the credential file's store), and loading node:crypto costs each ≈ 2 ms.
 */
function randomPart(): string {
  const { randomBytes } = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  return randomBytes(6).toString('hex');
}

/** Writes `contents` (UTF-8 when a string) to `path` all at once, durably, or not at all. */
export async function writeFileAtomically(path: string, contents: Uint8Array | string, options: AtomicWriteOptions): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${randomPart()}.part`);
  // 'wx' fails rather than follow a planted symlink or reuse someone else's file.
  const handle = await open(temporary, 'wx', options.mode ?? 0o644);
  try {
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      await rename(temporary, path);
    } else {
      try {
        await link(temporary, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
        throw error;
      }
    }
    await syncDirectory(directory);
  } finally {
    // After a rename the temporary name is already gone; after a link it is a second name to drop.
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * Makes a directory's new or removed entry durable. Best effort: some file systems (and Windows)
 * refuse to open a directory, and the file itself is already complete.
 */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
