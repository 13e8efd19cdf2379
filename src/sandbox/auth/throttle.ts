/**
 * Throttling of password and one-time-code checks, so that guessing is slow but the real user is
 * never locked out. Failures are counted per (user, source), per user and per source over a
 * window, and kept in the database so that a restart does not reset them:
 *
 * - (user, source): a few failures are free, then each further attempt from that source for that
 *   user waits an exponentially growing delay after its last failure (back-off, never a lockout).
 * - user, all sources: past a looser bound (a distributed guess), every source that has failed for
 *   that user within the window waits the same back-off; a source with no recent failure for the
 *   user is still let in, so the owner with the right password (and code) still gets in.
 * - source, all users: past a much looser bound (one address spraying many accounts), that source
 *   waits a short, capped delay: an address shared by many people is slowed, never shut.
 *
 * An attempt is reserved (recorded as a failure) before its password hash is computed, and
 * released on success: concurrent attempts all see each other, so sending many at once does not
 * get more guesses than sending them one after the other.
 */
import type { SandboxDatabase, Statement } from '../db.js';

export interface ThrottleLimits {
  /** How long a failure counts. */
  windowMs: number;
  /** Failures of one user from one source before back-off starts. */
  perUserSource: number;
  /** Failures of one user from all sources before every failing source backs off. */
  perUser: number;
  /** Failures from one source, all users, before that source is slowed down. */
  perSource: number;
  /** First back-off delay; it doubles with each further failure. */
  backoffBaseMs: number;
  /** Longest back-off for a (user, source). */
  backoffMaxMs: number;
  /** Longest delay for a source past its bound (short: an address may hide many people). */
  sourceDelayMaxMs: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  windowMs: 15 * 60_000,
  perUserSource: 5,
  perUser: 50,
  // Many people can share an address (a NAT, an office): only spraying at scale slows it down.
  perSource: 100,
  backoffBaseMs: 15_000,
  backoffMaxMs: 15 * 60_000,
  sourceDelayMaxMs: 60_000,
};

/** The outcome of asking to check a password or code. */
export type Admission = { admitted: false; retryAfterSeconds: number } | { admitted: true; attempt: ThrottledAttempt };

/** An admitted attempt, already counted as a failure until it is settled. */
export interface ThrottledAttempt {
  /** The check failed: the reservation stays as a failure. */
  fail(): void;
  /** The check succeeded: the reservation is removed and the (user, source) failures forgotten. */
  succeed(): void;
  /** The check did not take place (e.g. the server was busy): the reservation is removed. */
  release(): void;
}

interface KeyStats {
  n: number;
  last: number | null;
}

export class LoginThrottle {
  readonly #db: SandboxDatabase;
  readonly #now: () => number;
  readonly #limits: ThrottleLimits;
  readonly #stats: Statement<[string, number], KeyStats>;
  readonly #insert: Statement<[string, number]>;
  readonly #delete: Statement<[number | bigint]>;
  readonly #clear: Statement<[string]>;
  readonly #prune: Statement<[number]>;

  constructor(db: SandboxDatabase, now: () => number, limits: Partial<ThrottleLimits> = {}) {
    this.#db = db;
    this.#now = now;
    this.#limits = { ...DEFAULT_THROTTLE_LIMITS, ...limits };
    this.#stats = db.prepare('SELECT count(*) AS n, max(at) AS last FROM login_failure WHERE key = ? AND at > ?');
    this.#insert = db.prepare('INSERT INTO login_failure (key, at) VALUES (?, ?)');
    this.#delete = db.prepare('DELETE FROM login_failure WHERE rowid = ?');
    this.#clear = db.prepare('DELETE FROM login_failure WHERE key = ?');
    this.#prune = db.prepare('DELETE FROM login_failure WHERE at <= ?');
  }

  /**
   * Admits an attempt (and reserves it) or says how long to wait. Synchronous, so that the check
   * and the reservation cannot interleave with another request's.
   */
  admit(username: string, source: string): Admission {
    return this.#db
      .transaction((): Admission => {
        const now = this.#now();
        const since = now - this.#limits.windowMs;
        this.#prune.run(since);
        const keys = keysOf(username, source);
        const pair = this.#stats.get(keys.pair, since) ?? { n: 0, last: null };
        const user = this.#stats.get(keys.user, since) ?? { n: 0, last: null };
        const src = this.#stats.get(keys.source, since) ?? { n: 0, last: null };
        const retryAt = Math.max(this.#pairRetryAt(pair, user), this.#sourceRetryAt(src));
        if (retryAt > now) return { admitted: false, retryAfterSeconds: Math.ceil((retryAt - now) / 1000) };
        const rows = [keys.pair, keys.user, keys.source].map((key) => this.#insert.run(key, now).lastInsertRowid);
        let settled = false;
        const settle = (action: () => void) => {
          if (settled) return;
          settled = true;
          action();
        };
        const remove = () => this.#db.transaction(() => rows.forEach((row) => this.#delete.run(row)))();
        return {
          admitted: true,
          attempt: {
            fail: () => settle(() => {}),
            release: () => settle(remove),
            succeed: () =>
              settle(() =>
                this.#db.transaction(() => {
                  remove();
                  this.#clear.run(keys.pair);
                })(),
              ),
          },
        };
      })
      .immediate();
  }

  /** Back-off of a (user, source): after its free failures, or after any once the user is under attack. */
  #pairRetryAt(pair: KeyStats, user: KeyStats): number {
    if (pair.last === null) return 0;
    const free = user.n >= this.#limits.perUser ? 0 : this.#limits.perUserSource;
    if (pair.n < free) return 0;
    return pair.last + backoff(this.#limits.backoffBaseMs, pair.n - free, this.#limits.backoffMaxMs);
  }

  /** Delay of a source past its bound: doubling from one second, capped short. */
  #sourceRetryAt(src: KeyStats): number {
    if (src.last === null || src.n < this.#limits.perSource) return 0;
    return src.last + backoff(1000, src.n - this.#limits.perSource, this.#limits.sourceDelayMaxMs);
  }
}

/** base·2^excess, capped (computed without overflowing for large excesses). */
function backoff(baseMs: number, excess: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.min(excess, 30), maxMs);
}

function keysOf(username: string, source: string): { pair: string; user: string; source: string } {
  const user = username.toLowerCase();
  return { pair: `pair:${source} ${user}`, user: `user:${user}`, source: `ip:${source}` };
}
