import { basename, join } from 'node:path';
import { chmod, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileStore } from '../../src/auth/file-store.js';
import { AuthError, EspaceError, GeneralError } from '../../src/errors.js';
import { translate } from '../../src/i18n/catalog.js';
import { makeTempDir, sampleCredentials } from './helpers.js';

/**
 * Faults a real disk cannot produce on demand (a full disk in the middle of a write, a rename
 * that fails), injected only into the store's temporary file; everything else is the real fs.
 */
const faults = vi.hoisted(() => ({
  partialWriteThen: undefined as NodeJS.ErrnoException | undefined,
  renameError: undefined as NodeJS.ErrnoException | undefined,
  opens: [] as { path: string; flags: unknown; mode: unknown }[],
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const isTemporary = (path: unknown) => typeof path === 'string' && basename(path).startsWith('.credentials.json.');
  const open = async (...args: Parameters<typeof actual.open>) => {
    const [path, flags, mode] = args;
    faults.opens.push({ path: String(path), flags, mode });
    const handle = await actual.open(...args);
    const failure = faults.partialWriteThen;
    if (!failure || !isTemporary(path)) return handle;
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'writeFile') {
          return async (data: string) => {
            await target.write(data.slice(0, Math.floor(data.length / 2)));
            throw failure;
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  const rename = async (...args: Parameters<typeof actual.rename>) => {
    if (faults.renameError && isTemporary(args[0])) throw faults.renameError;
    return actual.rename(...args);
  };
  return { ...actual, open, rename, default: { ...actual, open, rename } };
});

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: injected`), { code });
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

let root: string;
let directory: string;
let store: FileStore;

beforeEach(async () => {
  root = await makeTempDir();
  // A directory that does not exist yet, two levels down, as on a first login.
  directory = join(root, 'config', 'espace');
  store = new FileStore(directory);
  faults.partialWriteThen = undefined;
  faults.renameError = undefined;
  faults.opens.length = 0;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function catchError(promise: Promise<unknown>): Promise<EspaceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EspaceError);
  return error as EspaceError;
}

describe('FileStore', () => {
  it('keeps several contexts in one 0600 file inside a 0700 directory', async () => {
    const sandbox = sampleCredentials();
    const staging = sampleCredentials({ apiUrl: 'https://staging.example.ca' });
    await store.set('sandbox', sandbox);
    await store.set('staging', staging);

    expect(await store.get('sandbox')).toEqual(sandbox);
    expect(await store.get('staging')).toEqual(staging);
    expect(await store.get('production')).toBeUndefined();
    expect(store.path).toBe(join(directory, 'credentials.json'));
    expect(await modeOf(store.path)).toBe(0o600);
    expect(await modeOf(directory)).toBe(0o700);
    expect(await readdir(directory)).toEqual(['credentials.json']);
  });

  it('creates its temporary file exclusively and private', async () => {
    await store.set('sandbox', sampleCredentials());
    const temporary = faults.opens.find((opened) => basename(opened.path).startsWith('.credentials.json.'));
    expect(temporary).toMatchObject({ flags: 'wx', mode: 0o600 });
  });

  it('stays private under a permissive umask', async () => {
    const previous = process.umask(0);
    try {
      await store.set('sandbox', sampleCredentials());
    } finally {
      process.umask(previous);
    }
    expect(await modeOf(store.path)).toBe(0o600);
    expect(await modeOf(directory)).toBe(0o700);
  });

  it('reads nothing, and creates nothing, when there is no file', async () => {
    expect(await store.get('sandbox')).toBeUndefined();
    expect(await store.delete('sandbox')).toBe(false);
    await expect(stat(directory)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('removes the file with its last entry', async () => {
    await store.set('sandbox', sampleCredentials());
    await store.set('staging', sampleCredentials());
    expect(await store.delete('sandbox')).toBe(true);
    expect(await store.get('staging')).toBeDefined();
    expect(await store.delete('sandbox')).toBe(false);
    expect(await store.delete('staging')).toBe(true);
    expect(await readdir(directory)).toEqual([]);
  });

  it('refuses a credential file other users can read, naming it, its mode and the fix', async () => {
    await store.set('sandbox', sampleCredentials());
    await chmod(store.path, 0o644);

    const error = await catchError(store.get('sandbox'));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.key).toBe('auth.credentialFilePermissions');
    expect(error.params).toEqual({ path: store.path, mode: '0644' });
    const message = translate('en', error.key, error.params);
    expect(message).toContain(store.path);
    expect(message).toContain('0644');
    expect(message).toContain(`chmod 600 ${store.path}`);
    expect(translate('fr', error.key, error.params)).toContain(`chmod 600 ${store.path}`);
  });

  it('refuses a credential directory other users can enter', async () => {
    await store.set('sandbox', sampleCredentials());
    await chmod(directory, 0o755);

    const error = await catchError(store.get('sandbox'));
    expect(error.key).toBe('auth.credentialDirPermissions');
    expect(error.params).toEqual({ path: directory, mode: '0755' });
    expect(translate('en', error.key, error.params)).toContain(`chmod 700 ${directory}`);
  });

  it('makes an existing shared directory private when it saves', async () => {
    await mkdir(directory, { recursive: true, mode: 0o755 });
    await chmod(directory, 0o755);
    await store.set('sandbox', sampleCredentials());
    expect(await modeOf(directory)).toBe(0o700);
    expect(await store.get('sandbox')).toBeDefined();
  });

  it('can still remove a login from a too-open file, leaving a private one', async () => {
    await store.set('sandbox', sampleCredentials());
    await store.set('staging', sampleCredentials());
    await chmod(store.path, 0o644);
    expect(await store.delete('sandbox')).toBe(true);
    expect(await modeOf(store.path)).toBe(0o600);
    expect(await store.get('staging')).toBeDefined();
  });

  it('reports a corrupt file by its path, without quoting its content', async () => {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    await writeFile(store.path, '{"version":1,"credentials":{"sandbox":{"accessToken":"at-SECRET-123"', { mode: 0o600 });

    const error = await catchError(store.get('sandbox'));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.key).toBe('auth.credentialFileCorrupt');
    expect(error.params).toEqual({ path: store.path, problem: 'not valid JSON' });
    expect(error.hint).toBe('auth.credentialFileCorruptHint');
    expect(translate('en', error.hint!, error.hintParams)).toContain(store.path);
    expect(JSON.stringify(error.params)).not.toContain('SECRET');
  });

  it('reports an invalid entry by context and path, and keeps the others readable', async () => {
    const staging = sampleCredentials();
    await mkdir(directory, { recursive: true, mode: 0o700 });
    await writeFile(store.path, JSON.stringify({ version: 1, credentials: { sandbox: { apiUrl: 'x', refreshToken: 'rt-SECRET-1' }, staging } }), {
      mode: 0o600,
    });

    const error = await catchError(store.get('sandbox'));
    expect(error.key).toBe('auth.credentialFileEntryCorrupt');
    expect(error.params).toMatchObject({ path: store.path, account: 'sandbox' });
    expect(String(error.params.problem)).toContain('accessToken');
    expect(JSON.stringify(error.params)).not.toContain('SECRET');
    expect(error.hintParams).toEqual({ account: 'sandbox' });
    expect(await store.get('staging')).toEqual(staging);
    // What the hint says to do works: the bad entry can be removed.
    expect(await store.delete('sandbox')).toBe(true);
    expect(await store.get('staging')).toEqual(staging);
  });

  it('keeps the old file whole when the disk fills up in the middle of a write', async () => {
    await store.set('sandbox', sampleCredentials());
    const before = await readFile(store.path, 'utf8');

    faults.partialWriteThen = errno('ENOSPC');
    const error = await catchError(store.set('staging', sampleCredentials()));
    expect(error).toBeInstanceOf(GeneralError);
    expect(error.key).toBe('auth.credentialFileWriteFailed');
    expect(error.params).toEqual({ path: store.path, reason: 'ENOSPC' });

    expect(await readFile(store.path, 'utf8')).toBe(before);
    expect(await readdir(directory)).toEqual(['credentials.json']);
  });

  it('keeps the old file whole when the final rename fails', async () => {
    await store.set('sandbox', sampleCredentials());
    const before = await readFile(store.path, 'utf8');

    faults.renameError = errno('EIO');
    const error = await catchError(store.set('staging', sampleCredentials()));
    expect(error.key).toBe('auth.credentialFileWriteFailed');
    expect(error.params).toEqual({ path: store.path, reason: 'EIO' });

    expect(await readFile(store.path, 'utf8')).toBe(before);
    expect(await readdir(directory)).toEqual(['credentials.json']);
  });

  // Root writes into read-only directories anyway, so this real failure only exists for users.
  it.skipIf(process.getuid?.() === 0)('keeps the old file when the directory is read-only', async () => {
    await store.set('sandbox', sampleCredentials());
    const before = await readFile(store.path, 'utf8');
    await chmod(directory, 0o500);
    try {
      const error = await catchError(store.set('staging', sampleCredentials()));
      expect(error.key).toBe('auth.credentialFileWriteFailed');
      expect(error.params.reason).toBe('EACCES');
    } finally {
      await chmod(directory, 0o700);
    }
    expect(await readFile(store.path, 'utf8')).toBe(before);
    expect(await readdir(directory)).toEqual(['credentials.json']);
  });
});
