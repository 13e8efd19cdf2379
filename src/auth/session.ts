/**
 * Where the bearer token comes from, by precedence: `ESPACE_TOKEN`, then client credentials
 * from the environment (`ESPACE_CLIENT_ID` + `ESPACE_CLIENT_SECRET`, for CI), then what
 * `auth login` stored for the context. Environment credentials are never stored.
 *
 * Stored tokens are refreshed before they expire or after a 401, once, even when several
 * requests need a new token at the same moment: they all wait for the same refresh. Across
 * processes too: a refresh holds a lock file beside the stored credentials (refresh-lock.ts) and
 * re-reads them first, so a token another process has just rotated is used, not rotated again.
 */
import { ApiError } from '../api/errors.js';
import type { HttpClient, TokenProvider } from '../api/http.js';
import type { TokenSet } from '../api/oauth.js';
import { sameApi, type Target } from '../config/target.js';
import { AuthError, type EspaceError, GeneralError } from '../errors.js';
import type { CredentialSource, StoredCredentials } from './credential-store.js';
import { KEYCHAIN_FIX, keychainReason, keychainStateOf } from './keychain-story.js';
import type { RefreshLockOptions } from './refresh-lock.js';

export type TokenOrigin = 'environment' | 'clientCredentials' | CredentialSource;

/** What the session needs of the credential vault. */
export interface VaultLike {
  load(account: string): Promise<{ credentials: StoredCredentials; source: CredentialSource } | undefined>;
  save(account: string, credentials: StoredCredentials, options: { insecureStorage: boolean }): Promise<CredentialSource>;
  remove(account: string): Promise<boolean>;
  /** Throws the keychain-unavailable error when tokens could only be kept in a file. */
  assertSecureStorage?(): Promise<void>;
  /** Why the keychain could not be read in the last call, if it could not. */
  readonly lastKeychainError?: EspaceError | undefined;
}

export interface SessionDeps {
  target: Target;
  env: Record<string, string | undefined>;
  vault: () => Promise<VaultLike>;
  /** An unauthenticated client for the token endpoint. */
  oauthClient: () => Promise<HttpClient>;
  clock: () => Date;
  /** Where the cross-process refresh lock lives (the configuration directory); none without it. */
  lockDir?: string;
  lockOptions?: RefreshLockOptions;
}

/** Keychain failures that mean "it did not answer", as opposed to "it is not there". */

/** Refresh this long before the server's expiry, so a request does not leave with a dying token. */
const EXPIRY_MARGIN_MS = 30_000;

export class Session implements TokenProvider {
  private current: { credentials: StoredCredentials; origin: TokenOrigin } | undefined;
  private loading: Promise<void> | undefined;
  private refreshing: Promise<string | undefined> | undefined;

  constructor(private readonly deps: SessionDeps) {}

  /** Where the token comes from, after the first `token()`; undefined when not logged in. */
  get origin(): TokenOrigin | undefined {
    return this.current?.origin;
  }

  get credentials(): StoredCredentials | undefined {
    return this.current?.credentials;
  }

  /** Why the last load found no login, as every command would say it (for `auth status`). */
  lastLoadError: EspaceError | undefined;

  /** Loads without failing: for `auth status`, which reports the absence of a session. */
  async peek(): Promise<{ credentials: StoredCredentials; origin: TokenOrigin } | undefined> {
    try {
      await this.ensureLoaded();
    } catch (error) {
      if (error instanceof AuthError) {
        this.lastLoadError = error;
        return undefined;
      }
      throw error;
    }
    return this.current;
  }

  async token(): Promise<string> {
    await this.ensureLoaded();
    const current = this.current!;
    if (this.expiresSoon(current.credentials)) {
      const fresh = await this.refresh(current.credentials.accessToken);
      if (fresh !== undefined) return fresh;
    }
    return current.credentials.accessToken;
  }

  async refreshAfterRejection(rejected: string): Promise<string | undefined> {
    return this.refresh(rejected);
  }

  private expiresSoon(credentials: StoredCredentials): boolean {
    if (credentials.expiresAt === undefined) return false;
    return Date.parse(credentials.expiresAt) - this.deps.clock().getTime() < EXPIRY_MARGIN_MS;
  }

  private ensureLoaded(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const { env, target } = this.deps;
    if (env.ESPACE_TOKEN) {
      this.current = { credentials: this.transient({ accessToken: env.ESPACE_TOKEN, tokenType: 'Bearer' }), origin: 'environment' };
      return;
    }
    if (env.ESPACE_CLIENT_ID || env.ESPACE_CLIENT_SECRET) {
      if (!env.ESPACE_CLIENT_ID || !env.ESPACE_CLIENT_SECRET) throw new AuthError('auth.clientCredentialsIncomplete');
      this.current = { credentials: this.transient(await this.clientCredentials()), origin: 'clientCredentials' };
      return;
    }
    const vault = await this.deps.vault();
    const stored = await vault.load(target.contextName);
    if (!stored) {
      this.lastLoadError = missingLoginError(target.contextName, vault.lastKeychainError);
      throw this.lastLoadError;
    }
    if (!sameApi(stored.credentials.apiUrl, target.apiUrl)) {
      // Never send a token to an API other than the one that issued it.
      throw new AuthError('auth.otherApi', {
        params: { context: target.contextName, stored: stored.credentials.apiUrl, target: target.apiUrl },
        hint: 'auth.hintLogin',
      });
    }
    this.current = { credentials: stored.credentials, origin: stored.source };
  }

  private transient(tokens: TokenSet): StoredCredentials {
    return { ...tokens, apiUrl: this.deps.target.apiUrl, savedAt: this.deps.clock().toISOString() };
  }

  private async clientCredentials(): Promise<TokenSet> {
    const { env } = this.deps;
    // The token endpoint's adapter (and zod with it) loads only when a token is asked for.
    const { clientCredentialsGrant } = await import('../api/oauth.js');
    return clientCredentialsGrant(await this.deps.oauthClient(), env.ESPACE_CLIENT_ID!, env.ESPACE_CLIENT_SECRET!, this.deps.clock());
  }

  /** One refresh at a time; callers holding an already-replaced token get the new one. */
  private refresh(stale: string): Promise<string | undefined> {
    const current = this.current;
    if (!current) return Promise.resolve(undefined);
    if (current.credentials.accessToken !== stale) return Promise.resolve(current.credentials.accessToken);
    this.refreshing ??= this.doRefresh(current).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(current: { credentials: StoredCredentials; origin: TokenOrigin }): Promise<string | undefined> {
    if (current.origin === 'environment') return undefined;
    if (current.origin === 'clientCredentials') {
      this.current = { credentials: this.transient(await this.clientCredentials()), origin: 'clientCredentials' };
      return this.current.credentials.accessToken;
    }
    // Loaded only to refresh: the lock's file and crypto modules cost every command their start-up.
    const release =
      this.deps.lockDir === undefined
        ? undefined
        : await (await import('./refresh-lock.js')).acquireRefreshLock(this.deps.lockDir, this.deps.target.contextName, this.deps.lockOptions);
    try {
      return await this.refreshStored(current);
    } finally {
      await release?.();
    }
  }

  /** Refreshes a stored login; called holding the refresh lock when there is one. */
  private async refreshStored(held: { credentials: StoredCredentials; origin: TokenOrigin }): Promise<string | undefined> {
    let current = held;
    if (this.deps.lockDir !== undefined) {
      // Another process may have refreshed while this one waited for the lock: take its tokens.
      const stored = await (await this.deps.vault()).load(this.deps.target.contextName);
      if (stored && sameApi(stored.credentials.apiUrl, this.deps.target.apiUrl)) {
        if (stored.credentials.accessToken !== held.credentials.accessToken && !this.expiresSoon(stored.credentials)) {
          this.current = { credentials: stored.credentials, origin: stored.source };
          return stored.credentials.accessToken;
        }
        // Its refresh token is the newest one (rotation), even if its access token is as old as ours.
        current = { credentials: stored.credentials, origin: stored.source };
      }
    }
    const refreshToken = current.credentials.refreshToken;
    if (refreshToken === undefined) throw this.expired();
    let tokens: TokenSet;
    try {
      const { refreshGrant } = await import('../api/oauth.js');
      tokens = await refreshGrant(await this.deps.oauthClient(), refreshToken, this.deps.clock());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      // Another espace process may have refreshed first (refresh tokens rotate): use its token.
      const reloaded = await (await this.deps.vault()).load(this.deps.target.contextName);
      if (reloaded && reloaded.credentials.accessToken !== current.credentials.accessToken && !this.expiresSoon(reloaded.credentials)) {
        this.current = { credentials: reloaded.credentials, origin: reloaded.source };
        return reloaded.credentials.accessToken;
      }
      throw this.expired(error);
    }
    const credentials: StoredCredentials = {
      ...current.credentials,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? refreshToken,
      expiresAt: tokens.expiresAt,
      scope: tokens.scope ?? current.credentials.scope,
      savedAt: this.deps.clock().toISOString(),
    };
    const source = await (
      await this.deps.vault()
    ).save(this.deps.target.contextName, credentials, {
      insecureStorage: current.origin === 'file',
    });
    this.current = { credentials, origin: source };
    return credentials.accessToken;
  }

  private expired(cause?: unknown): AuthError {
    return new AuthError('auth.sessionExpired', { params: { context: this.deps.target.contextName }, hint: 'auth.hintLogin', cause });
  }
}

/**
 * No login was found for `context`. When the keychain could not be read, that is said with its
 * one fix (see keychain-story.ts): a stalled or locked keychain may well hold the login, so
 * "log in" would be the wrong advice; with no keychain at all, a plain login would fail too.
 */
export function missingLoginError(context: string, keychainError: EspaceError | undefined): EspaceError {
  const reason = keychainReason(keychainError);
  const state = keychainStateOf(reason?.key);
  const options = { params: { context }, ...(reason ? { messageParams: { reason } } : {}), hintParams: {}, cause: keychainError };
  if (state === 'stalled') return new GeneralError('auth.keychainStalled', { ...options, hint: KEYCHAIN_FIX.stalled });
  if (state === 'locked') return new AuthError('auth.keychainLocked', { ...options, hint: KEYCHAIN_FIX.locked });
  if (state === 'missing') return new AuthError('auth.notLoggedInNoKeychain', { ...options, hint: KEYCHAIN_FIX.missing });
  return new AuthError('auth.notLoggedIn', { params: { context }, hint: 'auth.hintLogin' });
}
