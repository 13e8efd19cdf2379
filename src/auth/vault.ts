/**
 * Where the CLI keeps logins: the OS keychain, and a private file only when the user asked for
 * it with `--insecure-storage`. The rules:
 *
 * - reading never fails just because the keychain is unreachable: a headless machine that logged
 *   in with `--insecure-storage` must keep working;
 * - saving without `--insecure-storage` while the keychain is unreachable fails and writes
 *   nothing, so a token never lands on disk unless the user chose it;
 * - a login saved to a working keychain is removed from the file, so it is in one place only.
 */
import type { EspaceError } from '../errors.js';
import type { CredentialSource, CredentialStore, StoredCredentials } from './credential-store.js';
import { FileStore } from './file-store.js';
import { isKeychainUnavailable, KEYCHAIN_PROBE_ACCOUNT, KeychainStore } from './keychain-store.js';

/** Options of {@link CredentialVault}. */
export interface CredentialVaultOptions {
  /** espace's configuration directory; the file store lives there (`credentials.json`). */
  configDir: string;
  /** Defaults to the OS keychain. */
  keychain?: CredentialStore;
  /** Defaults to a {@link FileStore} in `configDir`. */
  file?: CredentialStore;
}

/** Credentials found by {@link CredentialVault.load}, with where they came from. */
export interface LoadedCredentials {
  credentials: StoredCredentials;
  source: CredentialSource;
}

/** Options of {@link CredentialVault.save}. */
export interface SaveOptions {
  /** The user allowed a 0600 file when the keychain cannot be reached (`--insecure-storage`). */
  insecureStorage: boolean;
}

/** The keychain-first credential policy of the CLI. */
export class CredentialVault {
  /**
   * Why the keychain could not be reached during the last call, if it could not (an
   * `auth.keychainUnavailable` error). Lets `auth status` explain an absent login.
   */
  lastKeychainError: EspaceError | undefined;

  private readonly keychain: CredentialStore;
  private readonly file: CredentialStore;

  constructor(options: CredentialVaultOptions) {
    this.keychain = options.keychain ?? new KeychainStore();
    this.file = options.file ?? new FileStore(options.configDir);
  }

  /** The account's login from the keychain, else from the file; undefined when neither has it. */
  async load(account: string): Promise<LoadedCredentials | undefined> {
    this.lastKeychainError = undefined;
    const fromKeychain = await this.tryKeychain(() => this.keychain.get(account));
    if (fromKeychain) return { credentials: fromKeychain, source: this.keychain.source };
    const fromFile = await this.file.get(account);
    return fromFile ? { credentials: fromFile, source: this.file.source } : undefined;
  }

  /**
   * Saves the login and resolves where it went; `file` means the user should be warned that the
   * token is on disk. Throws `auth.keychainUnavailable`, having written nothing, when the keychain
   * cannot be reached and `insecureStorage` is false.
   */
  async save(account: string, credentials: StoredCredentials, options: SaveOptions): Promise<CredentialSource> {
    this.lastKeychainError = undefined;
    try {
      await this.keychain.set(account, credentials);
    } catch (error) {
      if (!isKeychainUnavailable(error) || !options.insecureStorage) throw error;
      this.lastKeychainError = error;
      await this.file.set(account, credentials);
      return this.file.source;
    }
    // An older --insecure-storage login of this context would otherwise linger on disk.
    await this.file.delete(account);
    return this.keychain.source;
  }

  /**
   * Throws `auth.keychainUnavailable` when the keychain cannot be reached, so that login can stop
   * before asking for a password whose token it could not keep. Reads an entry that does not
   * exist: cheap and prompt-free (a locked Secret Service may still pass, and fail at save).
   */
  async assertSecureStorage(): Promise<void> {
    this.lastKeychainError = undefined;
    try {
      await this.keychain.get(KEYCHAIN_PROBE_ACCOUNT);
    } catch (error) {
      // Any other answer, even an error about that entry, shows the keychain is there.
      if (!isKeychainUnavailable(error)) return;
      this.lastKeychainError = error;
      throw error;
    }
  }

  /**
   * Removes the login from the keychain and from the file; resolves whether either had it. An
   * unreachable keychain does not stop the file from being cleaned (see `lastKeychainError`).
   */
  async remove(account: string): Promise<boolean> {
    this.lastKeychainError = undefined;
    const fromKeychain = (await this.tryKeychain(() => this.keychain.delete(account))) ?? false;
    const fromFile = await this.file.delete(account);
    return fromKeychain || fromFile;
  }

  /** Runs a keychain call, turning "unreachable" into undefined and remembering why. */
  private async tryKeychain<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (!isKeychainUnavailable(error)) throw error;
      this.lastKeychainError = error;
      return undefined;
    }
  }
}
