/**
 * Throttling of failed logins, per username (against guessing one account's password) and per
 * client IP (against trying one password on many accounts). Failures are kept in the database so
 * a restart does not reset them.
 */
import type { SandboxDatabase, Statement } from '../db.js';

export interface ThrottleLimits {
  windowMs: number;
  perUsername: number;
  perIp: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  windowMs: 15 * 60_000,
  perUsername: 5,
  // Higher than per username: many people can share an address, and tests all come from 127.0.0.1.
  perIp: 20,
};

export class LoginThrottle {
  readonly #now: () => number;
  readonly #limits: ThrottleLimits;
  readonly #count: Statement<[string, number], { n: number }>;
  readonly #nth: Statement<[string, number, number], { at: number }>;
  readonly #insert: Statement<[string, number]>;
  readonly #clear: Statement<[string]>;
  readonly #prune: Statement<[number]>;

  constructor(db: SandboxDatabase, now: () => number, limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS) {
    this.#now = now;
    this.#limits = limits;
    this.#count = db.prepare('SELECT count(*) AS n FROM login_failure WHERE key = ? AND at > ?');
    this.#nth = db.prepare('SELECT at FROM login_failure WHERE key = ? AND at > ? ORDER BY at LIMIT 1 OFFSET ?');
    this.#insert = db.prepare('INSERT INTO login_failure (key, at) VALUES (?, ?)');
    this.#clear = db.prepare('DELETE FROM login_failure WHERE key = ?');
    this.#prune = db.prepare('DELETE FROM login_failure WHERE at <= ?');
  }

  /** Seconds until another attempt is allowed, or 0 if one is allowed now. */
  retryAfterSeconds(username: string, ip: string): number {
    const now = this.#now();
    const since = now - this.#limits.windowMs;
    let retryAt = 0;
    for (const [key, limit] of [
      [userKey(username), this.#limits.perUsername],
      [ipKey(ip), this.#limits.perIp],
    ] as const) {
      const { n } = this.#count.get(key, since) ?? { n: 0 };
      if (n < limit) continue;
      // Attempts resume when enough failures have left the window to drop below the limit.
      const oldest = this.#nth.get(key, since, n - limit);
      if (oldest) retryAt = Math.max(retryAt, oldest.at + this.#limits.windowMs);
    }
    return retryAt > now ? Math.ceil((retryAt - now) / 1000) : 0;
  }

  recordFailure(username: string, ip: string): void {
    const now = this.#now();
    this.#prune.run(now - this.#limits.windowMs);
    this.#insert.run(userKey(username), now);
    this.#insert.run(ipKey(ip), now);
  }

  /** A successful login clears the username's failures (not the IP's: one good account must not unlock guessing others). */
  recordSuccess(username: string): void {
    this.#clear.run(userKey(username));
  }
}

function userKey(username: string): string {
  return `user:${username.toLowerCase()}`;
}

function ipKey(ip: string): string {
  return `ip:${ip}`;
}
