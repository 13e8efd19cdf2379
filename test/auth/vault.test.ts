/**
 * The vault's policy, with the keychain played by memory stores (one that works, one that is
 * unreachable) and the real file store: which store is read, written, cleaned, and when nothing
 * may be written. The real keychain is exercised in keychain-real.test.ts.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CredentialStore, StoredCredentials } from '../../src/auth/credential-store.js';
import { FileStore } from '../../src/auth/file-store.js';
import { KEYCHAIN_PROBE_ACCOUNT, KeychainUnavailableError } from '../../src/auth/keychain-store.js';
import { MemoryStore } from './memory-store.js';
import { CredentialVault } from '../../src/auth/vault.js';
import { AuthError, GeneralError } from '../../src/errors.js';
import { makeTempDir, sampleCredentials } from './helpers.js';

/** A keychain that cannot be reached, counting the calls it refused. */
class UnreachableKeychain implements CredentialStore {
  readonly source = 'keychain' as const;
  calls = 0;
  private refuse(): never {
    this.calls += 1;
    throw new KeychainUnavailableError('auth.keychainReason.noSession');
  }
  async get(): Promise<StoredCredentials | undefined> {
    return this.refuse();
  }
  async set(): Promise<void> {
    this.refuse();
  }
  async delete(): Promise<boolean> {
    return this.refuse();
  }
}

let root: string;
let configDir: string;
let file: FileStore;

beforeEach(async () => {
  root = await makeTempDir();
  configDir = join(root, 'espace');
  file = new FileStore(configDir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('CredentialVault.load', () => {
  it('prefers the keychain, then the file', async () => {
    const inKeychain = sampleCredentials();
    const inFile = sampleCredentials();
    await file.set('sandbox', inFile);
    await file.set('staging', inFile);
    const keychain = new MemoryStore({ sandbox: inKeychain }, 'keychain');
    const vault = new CredentialVault({ configDir, keychain, file });

    expect(await vault.load('sandbox')).toEqual({ credentials: inKeychain, source: 'keychain' });
    expect(await vault.load('staging')).toEqual({ credentials: inFile, source: 'file' });
    expect(await vault.load('production')).toBeUndefined();
    expect(vault.lastKeychainError).toBeUndefined();
  });

  it('reads the file when the keychain is unreachable, and says the keychain was', async () => {
    const inFile = sampleCredentials();
    await file.set('sandbox', inFile);
    const vault = new CredentialVault({ configDir, keychain: new UnreachableKeychain(), file });

    expect(await vault.load('sandbox')).toEqual({ credentials: inFile, source: 'file' });
    expect(vault.lastKeychainError?.key).toBe('auth.keychainUnavailable');
  });

  it('finds nothing, without failing, when the keychain is unreachable and there is no file', async () => {
    const vault = new CredentialVault({ configDir, keychain: new UnreachableKeychain(), file });
    expect(await vault.load('sandbox')).toBeUndefined();
    expect(vault.lastKeychainError).toBeInstanceOf(KeychainUnavailableError);
    expect(vault.lastKeychainError?.params.reason).toMatch(/D-Bus/);
  });

  it('fails on a keychain that answered with a problem, rather than hide it behind the file', async () => {
    const broken: CredentialStore = {
      source: 'keychain',
      get: async () => {
        throw new AuthError('auth.keychainEntryCorrupt', { params: { account: 'sandbox', problem: 'x' } });
      },
      set: async () => undefined,
      delete: async () => false,
    };
    await file.set('sandbox', sampleCredentials());
    const vault = new CredentialVault({ configDir, keychain: broken, file });
    await expect(vault.load('sandbox')).rejects.toMatchObject({ key: 'auth.keychainEntryCorrupt' });
  });
});

describe('CredentialVault.save', () => {
  it('uses a working keychain and leaves nothing on disk', async () => {
    const keychain = new MemoryStore({}, 'keychain');
    const vault = new CredentialVault({ configDir, keychain, file });
    const credentials = sampleCredentials();

    expect(await vault.save('sandbox', credentials, { insecureStorage: false })).toBe('keychain');
    expect(await keychain.get('sandbox')).toEqual(credentials);
    await expect(stat(configDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('prefers a working keychain even when a file is allowed, and removes a stale file login', async () => {
    await file.set('sandbox', sampleCredentials());
    await file.set('staging', sampleCredentials());
    const keychain = new MemoryStore({}, 'keychain');
    const vault = new CredentialVault({ configDir, keychain, file });

    expect(await vault.save('sandbox', sampleCredentials(), { insecureStorage: true })).toBe('keychain');
    expect(await file.get('sandbox')).toBeUndefined();
    expect(await file.get('staging')).toBeDefined();

    await vault.save('staging', sampleCredentials(), { insecureStorage: false });
    expect(await readdir(configDir)).toEqual([]);
  });

  it('writes nothing anywhere when the keychain is unreachable and no file was allowed', async () => {
    const keychain = new UnreachableKeychain();
    const vault = new CredentialVault({ configDir, keychain, file });

    const error = await vault.save('sandbox', sampleCredentials(), { insecureStorage: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GeneralError);
    expect((error as GeneralError).key).toBe('auth.keychainUnavailable');
    expect((error as GeneralError).hint).toBe('auth.keychainUnavailableHint');
    await expect(stat(configDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('falls back to a private file when the keychain is unreachable and the user allowed it', async () => {
    const vault = new CredentialVault({ configDir, keychain: new UnreachableKeychain(), file });
    const credentials = sampleCredentials();

    expect(await vault.save('sandbox', credentials, { insecureStorage: true })).toBe('file');
    expect(vault.lastKeychainError?.key).toBe('auth.keychainUnavailable');
    expect((await stat(join(configDir, 'credentials.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(configDir)).mode & 0o777).toBe(0o700);
    expect(await vault.load('sandbox')).toEqual({ credentials, source: 'file' });
  });

  it('does not fall back on keychain errors that are not about reaching it', async () => {
    const refusing: CredentialStore = {
      source: 'keychain',
      get: async () => undefined,
      set: async () => {
        throw new GeneralError('auth.keychainFailed', { params: { account: 'sandbox', detail: 'ambiguous' } });
      },
      delete: async () => false,
    };
    const vault = new CredentialVault({ configDir, keychain: refusing, file });
    await expect(vault.save('sandbox', sampleCredentials(), { insecureStorage: true })).rejects.toMatchObject({
      key: 'auth.keychainFailed',
    });
    await expect(stat(configDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('CredentialVault.remove', () => {
  it('removes the login from both stores and says whether there was one', async () => {
    const keychain = new MemoryStore({ sandbox: sampleCredentials() }, 'keychain');
    await file.set('sandbox', sampleCredentials());
    const vault = new CredentialVault({ configDir, keychain, file });

    expect(await vault.remove('sandbox')).toBe(true);
    expect(keychain.accounts()).toEqual([]);
    expect(await readdir(configDir)).toEqual([]);
    expect(await vault.remove('sandbox')).toBe(false);
  });

  it('still cleans the file when the keychain is unreachable', async () => {
    await file.set('sandbox', sampleCredentials());
    const vault = new CredentialVault({ configDir, keychain: new UnreachableKeychain(), file });
    expect(await vault.remove('sandbox')).toBe(true);
    expect(vault.lastKeychainError?.key).toBe('auth.keychainUnavailable');
    expect(await file.get('sandbox')).toBeUndefined();
  });
});

describe('CredentialVault.assertSecureStorage', () => {
  it('passes with a working keychain, reading only the probe entry', async () => {
    const reads: string[] = [];
    const keychain = new MemoryStore({}, 'keychain');
    const get = keychain.get.bind(keychain);
    keychain.get = async (account) => {
      reads.push(account);
      return get(account);
    };
    await new CredentialVault({ configDir, keychain, file }).assertSecureStorage();
    expect(reads).toEqual([KEYCHAIN_PROBE_ACCOUNT]);
  });

  it('throws the keychain-unavailable error when the keychain is unreachable', async () => {
    const vault = new CredentialVault({ configDir, keychain: new UnreachableKeychain(), file });
    await expect(vault.assertSecureStorage()).rejects.toMatchObject({ key: 'auth.keychainUnavailable' });
    expect(vault.lastKeychainError).toBeDefined();
  });
});
