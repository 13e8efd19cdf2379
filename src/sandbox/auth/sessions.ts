/**
 * A user's active sessions (logins), as `auth sessions` lists and revokes them. A session is active
 * while it is not revoked and still holds a live token.
 */
import type { SandboxDatabase, Statement } from '../db.js';

export interface ActiveSession {
  id: string;
  clientId: string;
  grantType: string;
  createdAt: number;
  lastUsedAt: number;
  userAgent: string | null;
  ip: string | null;
}

const LIVE_TOKEN = 'EXISTS (SELECT 1 FROM oauth_token t WHERE t.session_id = s.id AND t.revoked_at IS NULL AND t.expires_at > @now)';

export class SessionStore {
  readonly #db: SandboxDatabase;
  readonly #list: Statement<{ userId: string; now: number }, ActiveSession>;
  readonly #revokeOne: Statement<{ userId: string; id: string; now: number }>;
  readonly #revokeOthers: Statement<{ userId: string; keep: string; now: number }, { id: string }>;
  readonly #revokeTokens: Statement<{ id: string; now: number }>;

  constructor(db: SandboxDatabase) {
    this.#db = db;
    this.#list = db.prepare(
      `SELECT s.id, s.client_id AS clientId, s.grant_type AS grantType, s.created_at AS createdAt,
         s.last_used_at AS lastUsedAt, s.user_agent AS userAgent, s.ip
       FROM oauth_session s WHERE s.user_id = @userId AND s.revoked_at IS NULL AND ${LIVE_TOKEN}
       ORDER BY s.last_used_at DESC, s.id`,
    );
    this.#revokeOne = db.prepare(
      `UPDATE oauth_session AS s SET revoked_at = @now WHERE s.id = @id AND s.user_id = @userId AND s.revoked_at IS NULL AND ${LIVE_TOKEN}`,
    );
    this.#revokeOthers = db.prepare(
      `UPDATE oauth_session AS s SET revoked_at = @now
        WHERE s.user_id = @userId AND s.id <> @keep AND s.revoked_at IS NULL AND ${LIVE_TOKEN} RETURNING id`,
    );
    this.#revokeTokens = db.prepare('UPDATE oauth_token SET revoked_at = @now WHERE session_id = @id AND revoked_at IS NULL');
  }

  listActive(userId: string, now: number): ActiveSession[] {
    return this.#list.all({ userId, now });
  }

  /** Ends one of the user's active sessions; false if there is no such active session of theirs. */
  revoke(userId: string, id: string, now: number): boolean {
    return this.#db.transaction(() => {
      if (this.#revokeOne.run({ userId, id, now }).changes !== 1) return false;
      this.#revokeTokens.run({ id, now });
      return true;
    })();
  }

  /** Ends every active session of the user but `keep`; returns how many. */
  revokeOthers(userId: string, keep: string, now: number): number {
    return this.#db.transaction(() => {
      const ended = this.#revokeOthers.all({ userId, keep, now });
      for (const { id } of ended) this.#revokeTokens.run({ id, now });
      return ended.length;
    })();
  }
}
