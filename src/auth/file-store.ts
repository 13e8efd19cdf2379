/**
 * The `--insecure-storage` fallback: logins in one JSON file, `credentials.json`, readable only by
 * its owner (file 0600 in a 0700 directory), for machines where no keychain works.
 *
 * A credential file must never be half-written nor readable by others: writes go to a private
 * temporary file that replaces the old one in one rename, and reads refuse a file or directory
 * that other users can access, the way ssh refuses an unprotected private key.
 */
import { chmod, mkdir, open, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../atomic-file.js';
import { AuthError, GeneralError } from '../errors.js';
import { parseStoredCredentials, type CredentialStore, type StoredCredentials } from './credential-store.js';

/** The file's name inside the directory given to {@link FileStore}. */
export const CREDENTIAL_FILE_NAME = 'credentials.json';

const FILE_VERSION = 1;

// Mode bits are not enforced on Windows (a file there always reads as 0666 or 0444).
const checksModes = process.platform !== 'win32';

/** Logins kept in `<directory>/credentials.json`, keyed by context name. */
export class FileStore implements CredentialStore {
  readonly source = 'file' as const;
  /** Absolute or relative path of the credential file. */
  readonly path: string;

  constructor(readonly directory: string) {
    this.path = join(directory, CREDENTIAL_FILE_NAME);
  }

  async get(account: string): Promise<StoredCredentials | undefined> {
    const entries = await this.read({ checkModes: true });
    if (!entries?.has(account)) return undefined;
    const parsed = parseStoredCredentials(entries.get(account));
    if (parsed.ok) return parsed.credentials;
    throw new AuthError('auth.credentialFileEntryCorrupt', {
      params: { path: this.path, account, problem: parsed.problem },
      hint: 'auth.corruptEntryHint',
      hintParams: { account },
    });
  }

  async set(account: string, value: StoredCredentials): Promise<void> {
    await this.prepareDirectory();
    // Permissions are not checked here: the rewrite below replaces the file with a 0600 one.
    const entries = (await this.read({ checkModes: false })) ?? new Map<string, unknown>();
    entries.set(account, value);
    await this.write(entries);
  }

  async delete(account: string): Promise<boolean> {
    // Removing a login from a too-open file must stay possible: it reduces what is exposed.
    const entries = await this.read({ checkModes: false });
    if (!entries?.delete(account)) return false;
    if (entries.size === 0) {
      await unlink(this.path).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') throw this.writeFailed(error);
      });
    } else {
      await this.write(entries);
    }
    return true;
  }

  /** The file's entries, unvalidated (one bad entry must not hide the others); undefined when absent. */
  private async read(options: { checkModes: boolean }): Promise<Map<string, unknown> | undefined> {
    let text: string;
    try {
      const handle = await open(this.path, 'r');
      try {
        if (options.checkModes && checksModes) {
          await this.checkDirectoryMode();
          // The mode of what was opened, not of whatever the path names a moment later.
          refuseOpenMode((await handle.stat()).mode, this.path, 'auth.credentialFilePermissions');
        }
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      if (error instanceof AuthError) throw error;
      throw new GeneralError('auth.credentialFileReadFailed', {
        params: { path: this.path, reason: reasonOf(error) },
        cause: error,
      });
    }
    return this.parse(text);
  }

  private parse(text: string): Map<string, unknown> {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      // SyntaxError messages quote the input, which holds tokens: say only what is wrong.
      throw this.corrupt('not valid JSON');
    }
    if (!isPlainObject(document)) throw this.corrupt('not a JSON object');
    if (document.version !== FILE_VERSION) throw this.corrupt(`unknown format version ${String(document.version)}`);
    const credentials = document.credentials;
    if (!isPlainObject(credentials)) throw this.corrupt('no "credentials" object');
    // A Map, because a context named "__proto__" must not become an object's prototype.
    return new Map(Object.entries(credentials));
  }

  private async checkDirectoryMode(): Promise<void> {
    refuseOpenMode((await stat(this.directory)).mode, this.directory, 'auth.credentialDirPermissions');
  }

  /** Creates the directory private, or makes an existing one private (it may predate us). */
  private async prepareDirectory(): Promise<void> {
    try {
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
      if (checksModes && ((await stat(this.directory)).mode & 0o077) !== 0) {
        await chmod(this.directory, 0o700);
      }
    } catch (error) {
      throw this.writeFailed(error);
    }
  }

  /**
   * Replaces the file atomically with a new private one (0600). Whatever fails, the old file stays.
   */
  private async write(entries: Map<string, unknown>): Promise<void> {
    const text = `${JSON.stringify({ version: FILE_VERSION, credentials: Object.fromEntries(entries) }, null, 2)}\n`;
    try {
      await writeFileAtomically(this.path, text, { overwrite: true, mode: 0o600 });
    } catch (error) {
      throw this.writeFailed(error);
    }
  }

  private corrupt(problem: string): AuthError {
    return new AuthError('auth.credentialFileCorrupt', {
      params: { path: this.path, problem },
      hint: 'auth.credentialFileCorruptHint',
      hintParams: { path: this.path },
    });
  }

  private writeFailed(error: unknown): GeneralError {
    return new GeneralError('auth.credentialFileWriteFailed', {
      params: { path: this.path, reason: reasonOf(error) },
      cause: error,
    });
  }
}

function refuseOpenMode(mode: number, path: string, key: 'auth.credentialFilePermissions' | 'auth.credentialDirPermissions'): void {
  if ((mode & 0o077) === 0) return;
  throw new AuthError(key, {
    params: { path, mode: `0${(mode & 0o777).toString(8).padStart(3, '0')}` },
    hint: 'auth.credentialPermissionsHint',
    hintParams: {},
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** A short, stable reason: the errno code when there is one (EACCES, ENOSPC…). */
function reasonOf(error: unknown): string {
  const code = errorCode(error);
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}
