/**
 * The one write-and-rename of the code base (bill PDFs, the credential file, the payment journal):
 * a reader sees the old file or the whole new one, never a part, and nothing is left beside it.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError, writeFileAtomically } from '../src/atomic-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'espace-atomic-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const posix = process.platform !== 'win32';

describe('writeFileAtomically', () => {
  it('writes the whole file under its name, with the mode asked for, and leaves no temporary file', async () => {
    const path = join(dir, 'credentials.json');
    await writeFileAtomically(path, '{"a":1}\n', { overwrite: true, mode: 0o600 });
    expect(await readFile(path, 'utf8')).toBe('{"a":1}\n');
    if (posix) expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['credentials.json']);
  });

  it('writes bytes as given, readable by others by default', async () => {
    const path = join(dir, 'bill.pdf');
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    await writeFileAtomically(path, bytes, { overwrite: false });
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
    if (posix) expect((await stat(path)).mode & 0o044).toBe(0o044 & ~process.umask());
  });

  it('replaces a file of that name with overwrite', async () => {
    const path = join(dir, 'entry.json');
    await writeFile(path, 'old');
    await writeFileAtomically(path, 'new', { overwrite: true });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['entry.json']);
  });

  it('refuses a file of that name without overwrite, and keeps it as it was', async () => {
    const path = join(dir, 'bill.pdf');
    await writeFile(path, 'mine');
    await expect(writeFileAtomically(path, 'theirs', { overwrite: false })).rejects.toBeInstanceOf(FileExistsError);
    expect(await readFile(path, 'utf8')).toBe('mine');
    expect(await readdir(dir)).toEqual(['bill.pdf']);
  });

  it('does not write through a symbolic link planted under the final name without overwrite', async () => {
    if (!posix) return;
    const elsewhere = join(dir, 'elsewhere');
    await writeFile(elsewhere, 'untouched');
    await symlink(elsewhere, join(dir, 'bill.pdf'));
    await expect(writeFileAtomically(join(dir, 'bill.pdf'), 'x', { overwrite: false })).rejects.toBeInstanceOf(FileExistsError);
    expect(await readFile(elsewhere, 'utf8')).toBe('untouched');
  });

  it('leaves no temporary file and the old entry in place when the final step fails', async () => {
    // A directory under the final name: the rename over it fails after the bytes were written.
    const path = join(dir, 'taken');
    await mkdir(path);
    await writeFile(join(path, 'inside'), 'kept');
    await expect(writeFileAtomically(path, 'new', { overwrite: true })).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readFile(join(path, 'inside'), 'utf8')).toBe('kept');
  });

  it('fails with the reason when the directory does not exist, creating nothing', async () => {
    await expect(writeFileAtomically(join(dir, 'missing', 'file'), 'x', { overwrite: true })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});
