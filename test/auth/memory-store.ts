/**
 * Credentials kept in memory, for the vault's tests. Values
 * are copied in and out so that a caller mutating what it got cannot change what is stored.
 */
import type { CredentialSource, CredentialStore, StoredCredentials } from '../../src/auth/credential-store.js';

/** A {@link CredentialStore} over a Map; optionally seeded with `{ account: credentials }`. */
export class MemoryStore implements CredentialStore {
  readonly source: CredentialSource;
  private readonly entries = new Map<string, StoredCredentials>();

  /** `source` lets a test stand this store in for the keychain or the file and still be told apart. */
  constructor(seed: Record<string, StoredCredentials> = {}, source: CredentialSource = 'memory') {
    this.source = source;
    for (const [account, value] of Object.entries(seed)) this.entries.set(account, structuredClone(value));
  }

  async get(account: string): Promise<StoredCredentials | undefined> {
    const value = this.entries.get(account);
    return value === undefined ? undefined : structuredClone(value);
  }

  async set(account: string, value: StoredCredentials): Promise<void> {
    this.entries.set(account, structuredClone(value));
  }

  async delete(account: string): Promise<boolean> {
    return this.entries.delete(account);
  }

  /** The accounts stored, for assertions. */
  accounts(): string[] {
    return [...this.entries.keys()];
  }
}
