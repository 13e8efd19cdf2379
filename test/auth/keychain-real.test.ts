/**
 * The real OS keychain: gnome-keyring's Secret Service on a throwaway D-Bus session started by
 * scripts/with-keyring.sh. What espace stores is checked with secret-tool, another client of the
 * same service, so the test does not only trust espace's own reading of it.
 */
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/auth/file-store.js';
import { KeychainStore, probeKeychain } from '../../src/auth/keychain-store.js';
import { CredentialVault } from '../../src/auth/vault.js';
import { AuthError, EspaceError } from '../../src/errors.js';
import { makeTempDir, requireTestKeyring, sampleCredentials, secretTool, uniqueAccount } from './helpers.js';

let root: string;

beforeAll(async () => {
  requireTestKeyring();
  root = await makeTempDir();
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** The items secret-tool finds for an account (it prints attributes on stderr, the rest on stdout). */
async function itemsFor(account: string): Promise<string> {
  const found = await secretTool(['search', '--all', 'service', 'espace', 'username', account]);
  return found.stdout + found.stderr;
}

describe('the real keychain', () => {
  it('save stores the login in the keychain, where secret-tool finds it, and nowhere on disk', async () => {
    const configDir = join(root, 'save');
    const vault = new CredentialVault({ configDir });
    const account = uniqueAccount('save');
    const credentials = sampleCredentials();

    expect(await vault.save(account, credentials, { insecureStorage: false })).toBe('keychain');

    const items = await itemsFor(account);
    expect(items).toContain('attribute.service = espace');
    expect(items).toContain(`attribute.username = ${account}`);
    const lookup = await secretTool(['lookup', 'service', 'espace', 'username', account]);
    expect(lookup.code).toBe(0);
    expect(JSON.parse(lookup.stdout)).toEqual(credentials);
    await expect(stat(configDir)).rejects.toMatchObject({ code: 'ENOENT' });

    expect(await vault.load(account)).toEqual({ credentials, source: 'keychain' });

    expect(await vault.remove(account)).toBe(true);
    expect(await itemsFor(account)).not.toContain(account);
    expect((await secretTool(['lookup', 'service', 'espace', 'username', account])).code).not.toBe(0);
    expect(await vault.load(account)).toBeUndefined();
    expect(await vault.remove(account)).toBe(false);
  });

  it('replaces a login rather than adding a second entry', async () => {
    const store = new KeychainStore();
    const account = uniqueAccount('replace');
    await store.set(account, sampleCredentials());
    const newer = sampleCredentials({ savedAt: '2030-06-01T12:00:00.000Z' });
    await store.set(account, newer);

    expect(await store.get(account)).toEqual(newer);
    expect((await itemsFor(account)).match(/attribute\.username = /g)).toHaveLength(1);
    expect(await store.delete(account)).toBe(true);
  });

  it('moves a login saved earlier with --insecure-storage into the keychain', async () => {
    const configDir = join(root, 'stale');
    const file = new FileStore(configDir);
    const account = uniqueAccount('stale');
    await file.set(account, sampleCredentials());

    const vault = new CredentialVault({ configDir });
    const credentials = sampleCredentials();
    expect(await vault.save(account, credentials, { insecureStorage: false })).toBe('keychain');
    await expect(stat(file.path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await vault.load(account)).toEqual({ credentials, source: 'keychain' });
    await vault.remove(account);
  });

  it('says where a corrupt entry is, without quoting it, and lets it be removed', async () => {
    const account = uniqueAccount('corrupt');
    const stored = await secretTool(['store', '--label=not espace', 'service', 'espace', 'username', account], '{"accessToken":"at-SECRET-garbled');
    expect(stored.code).toBe(0);

    const error = await new KeychainStore().get(account).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as EspaceError).key).toBe('auth.keychainEntryCorrupt');
    expect((error as EspaceError).params).toEqual({ account, problem: 'not valid JSON' });
    expect((error as EspaceError).hintParams).toEqual({ account });

    const vault = new CredentialVault({ configDir: join(root, 'corrupt') });
    expect(await vault.remove(account)).toBe(true);
    expect(await vault.load(account)).toBeUndefined();
  });

  it('reads an absent login as nothing, and the probe says the keychain works', async () => {
    expect(await new KeychainStore().get(uniqueAccount('absent'))).toBeUndefined();
    expect(await probeKeychain()).toEqual({ ok: true });
    await new CredentialVault({ configDir: join(root, 'probe') }).assertSecureStorage();
  });
});
