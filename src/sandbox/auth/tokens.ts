/**
 * OAuth sessions and tokens. Tokens are opaque random strings with a recognizable prefix (so a
 * leaked one is easy to spot in logs and secret scanners); only their SHA-256 is stored. A session
 * is one login (one authorization grant): its refresh token rotates on every use, and revoking the
 * refresh token ends the session with every access token issued in it.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SandboxDatabase, Statement } from '../db.js';

export const ACCESS_TOKEN_PREFIX = 'esp_at_';
export const REFRESH_TOKEN_PREFIX = 'esp_rt_';

/** A session's last-used time is written at most this often, so reads do not all become writes. */
const TOUCH_INTERVAL_MS = 60_000;

export function generateToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export interface TokenLifetimes {
  accessSeconds: number;
  refreshSeconds: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
  scope: string;
}

export interface NewSession {
  userId: string | null;
  clientId: string;
  grantType: string;
  userAgent: string | null;
  ip: string | null;
}

/** What an access token grants, as found by {@link TokenStore.findAccess}. */
export interface AccessGrant {
  sessionId: string;
  userId: string | null;
  clientId: string;
  scope: string;
  userRole: 'customer' | 'agent' | null;
  clientRole: 'ci' | null;
}

interface TokenRow {
  kind: 'access' | 'refresh';
  scope: string;
  expiresAt: number;
  revokedAt: number | null;
  sessionId: string;
  userId: string | null;
  clientId: string;
  sessionRevokedAt: number | null;
  lastUsedAt: number;
  userRole: 'customer' | 'agent' | null;
  clientRole: 'ci' | null;
}

export class TokenStore {
  readonly #db: SandboxDatabase;
  readonly #now: () => number;
  readonly #lifetimes: TokenLifetimes;
  readonly #insertSession: Statement<[string, string | null, string, string, number, number, string | null, string | null]>;
  readonly #insertToken: Statement<[Buffer, string, string, string, number, number]>;
  readonly #findToken: Statement<[Buffer], TokenRow>;
  readonly #touchSession: Statement<[number, string]>;
  readonly #revokeToken: Statement<[number, Buffer]>;
  readonly #revokeSession: Statement<[number, string]>;
  readonly #revokeSessionTokens: Statement<[number, string]>;

  constructor(db: SandboxDatabase, now: () => number, lifetimes: TokenLifetimes) {
    this.#db = db;
    this.#now = now;
    this.#lifetimes = lifetimes;
    this.#insertSession = db.prepare(
      `INSERT INTO oauth_session (id, user_id, client_id, grant_type, created_at, last_used_at, user_agent, ip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertToken = db.prepare('INSERT INTO oauth_token (token_hash, kind, session_id, scope, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.#findToken = db.prepare(
      `SELECT t.kind, t.scope, t.expires_at AS expiresAt, t.revoked_at AS revokedAt, s.id AS sessionId,
              s.user_id AS userId, s.client_id AS clientId, s.revoked_at AS sessionRevokedAt,
              s.last_used_at AS lastUsedAt, u.role AS userRole, c.role AS clientRole
         FROM oauth_token t
         JOIN oauth_session s ON s.id = t.session_id
         JOIN oauth_client c ON c.id = s.client_id
         LEFT JOIN app_user u ON u.id = s.user_id
        WHERE t.token_hash = ?`,
    );
    this.#touchSession = db.prepare('UPDATE oauth_session SET last_used_at = ? WHERE id = ?');
    this.#revokeToken = db.prepare('UPDATE oauth_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
    this.#revokeSession = db.prepare('UPDATE oauth_session SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.#revokeSessionTokens = db.prepare('UPDATE oauth_token SET revoked_at = ? WHERE session_id = ? AND revoked_at IS NULL');
  }

  /** Records a new login and issues its first tokens. */
  startSession(session: NewSession, scope: string, withRefreshToken: boolean): IssuedTokens {
    return this.#db.transaction(() => {
      const id = randomUUID();
      const now = this.#now();
      this.#insertSession.run(id, session.userId, session.clientId, session.grantType, now, now, session.userAgent, session.ip);
      return this.#issue(id, scope, withRefreshToken, now);
    })();
  }

  /**
   * Issues an access token with an explicit lifetime in an existing or new session, without a
   * grant. For test fixtures and tools that need a token without paying for a password hash.
   */
  mintAccessToken(session: NewSession, scope: string, lifetimeSeconds: number): string {
    const token = generateToken(ACCESS_TOKEN_PREFIX);
    this.#db.transaction(() => {
      const id = randomUUID();
      const now = this.#now();
      this.#insertSession.run(id, session.userId, session.clientId, session.grantType, now, now, session.userAgent, session.ip);
      this.#insertToken.run(hashToken(token), 'access', id, scope, now, now + lifetimeSeconds * 1000);
    })();
    return token;
  }

  #issue(sessionId: string, scope: string, withRefreshToken: boolean, now: number): IssuedTokens {
    const accessToken = generateToken(ACCESS_TOKEN_PREFIX);
    this.#insertToken.run(hashToken(accessToken), 'access', sessionId, scope, now, now + this.#lifetimes.accessSeconds * 1000);
    const issued: IssuedTokens = { accessToken, expiresIn: this.#lifetimes.accessSeconds, scope };
    if (withRefreshToken) {
      const refreshToken = generateToken(REFRESH_TOKEN_PREFIX);
      this.#insertToken.run(hashToken(refreshToken), 'refresh', sessionId, scope, now, now + this.#lifetimes.refreshSeconds * 1000);
      issued.refreshToken = refreshToken;
    }
    return issued;
  }

  #find(token: string, kind: 'access' | 'refresh', now: number): TokenRow | null {
    const prefix = kind === 'access' ? ACCESS_TOKEN_PREFIX : REFRESH_TOKEN_PREFIX;
    if (!token.startsWith(prefix) || token.length > 200) return null;
    const row = this.#findToken.get(hashToken(token));
    if (!row || row.kind !== kind || row.revokedAt !== null || row.sessionRevokedAt !== null || row.expiresAt <= now) {
      return null;
    }
    return row;
  }

  /** The grant behind a valid access token, or null if it is unknown, expired or revoked. */
  findAccess(token: string): AccessGrant | null {
    const now = this.#now();
    const row = this.#find(token, 'access', now);
    if (!row) return null;
    if (now - row.lastUsedAt >= TOUCH_INTERVAL_MS) this.#touchSession.run(now, row.sessionId);
    return {
      sessionId: row.sessionId,
      userId: row.userId,
      clientId: row.clientId,
      scope: row.scope,
      userRole: row.userRole,
      clientRole: row.clientRole,
    };
  }

  /**
   * Exchanges a refresh token for new tokens in the same session; the presented refresh token is
   * revoked, so it works once. Null if it is not a live refresh token of this client.
   */
  rotateRefreshToken(refreshToken: string, clientId: string): (IssuedTokens & { userId: string | null }) | null {
    return this.#db.transaction(() => {
      const now = this.#now();
      const row = this.#find(refreshToken, 'refresh', now);
      if (!row || row.clientId !== clientId) return null;
      this.#revokeToken.run(now, hashToken(refreshToken));
      this.#touchSession.run(now, row.sessionId);
      return { ...this.#issue(row.sessionId, row.scope, true, now), userId: row.userId };
    })();
  }

  /**
   * RFC 7009 revocation. An access token is revoked alone; a refresh token ends its session, and
   * with it every token issued in that session. Unknown tokens are ignored.
   */
  revoke(token: string): void {
    if (token.length > 200) return;
    const row = this.#findToken.get(hashToken(token));
    if (!row) return;
    const now = this.#now();
    this.#db.transaction(() => {
      if (row.kind === 'refresh') {
        this.#revokeSession.run(now, row.sessionId);
        this.#revokeSessionTokens.run(now, row.sessionId);
      } else {
        this.#revokeToken.run(now, hashToken(token));
      }
    })();
  }
}
