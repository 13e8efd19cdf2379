/**
 * Writing a file so that readers see either nothing or the whole of it: the bytes go to a
 * temporary file in the same directory (same file system, so the final step is atomic), are
 * flushed to disk, and only then take the final name. Without `overwrite`, the final step is a
 * hard link, which fails if the name exists (no window between a check and the write); with it,
 * a rename, which replaces the old file in one step.
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
  }
}

export async function writeFileAtomically(path: string, bytes: Uint8Array, options: { overwrite: boolean }): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  const handle = await open(temporary, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(bytes);
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

/** Makes the new directory entry durable; some file systems refuse to open a directory, which is fine. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
