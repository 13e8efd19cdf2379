/**
 * Bounds the work of password hashing. One scrypt check at the production cost takes 128 MiB and
 * a few hundred milliseconds of a core; without a bound, a burst of bogus logins takes the server's
 * memory and makes the real user's login wait behind all of them. At most `maxConcurrent` hashes
 * run at once, at most `maxQueued` wait for a slot, and anything beyond is refused at once
 * ({@link HashBusyError}, answered 503 with Retry-After) instead of queued without bound.
 */
import { randomBytes } from 'node:crypto';
import { DUMMY_PASSWORD_HASH, hashPassword, PRODUCTION_LOG_N, verifyPassword } from './password.js';

export interface HashLimits {
  maxConcurrent: number;
  maxQueued: number;
}

/** Two at a time: 256 MiB at most, and a queue that drains in a few seconds. */
export const DEFAULT_HASH_LIMITS: HashLimits = { maxConcurrent: 2, maxQueued: 32 };

/** How long a refused caller is told to wait: about the time a queue of hashes takes to drain. */
export const HASH_BUSY_RETRY_AFTER_SECONDS = 2;

/** Every slot and queue place is taken. */
export class HashBusyError extends Error {
  readonly retryAfterSeconds = HASH_BUSY_RETRY_AFTER_SECONDS;

  constructor() {
    super('Too many password checks in progress');
  }
}

/** What a {@link PasswordHasher} is doing, reported on every change (for monitoring and tests). */
export interface HashLoad {
  active: number;
  queued: number;
}

export interface HasherOptions {
  limits?: Partial<HashLimits>;
  /**
   * scrypt cost (log2 N) of new hashes and of the check against an unknown username. Production
   * keeps the default; tests lower it (with seeded hashes rewritten at the same cost).
   */
  logN?: number;
  /** Called with the load whenever it changes. */
  observe?: (load: HashLoad) => void;
  /** For tests: awaited by each hash once it holds a slot, so that a test can keep slots taken. */
  hold?: () => Promise<void>;
}

export class PasswordHasher {
  readonly #limits: HashLimits;
  readonly #observe: (load: HashLoad) => void;
  readonly #hold: (() => Promise<void>) | undefined;
  readonly #waiting: (() => void)[] = [];
  readonly #logN: number;
  #dummy: Promise<string> | null = null;
  #active = 0;

  constructor(options: HasherOptions = {}) {
    this.#limits = { ...DEFAULT_HASH_LIMITS, ...options.limits };
    if (!(this.#limits.maxConcurrent >= 1) || !(this.#limits.maxQueued >= 0)) throw new Error('invalid password hashing limits');
    this.#observe = options.observe ?? (() => {});
    this.#hold = options.hold;
    this.#logN = options.logN ?? PRODUCTION_LOG_N;
  }

  /** Verifies a password against a stored hash; rejects with {@link HashBusyError} when saturated. */
  verify(password: string, stored: string): Promise<boolean> {
    return this.#run(() => verifyPassword(password, stored));
  }

  /**
   * The same work as {@link verify} for a username that does not exist (always false), so that
   * answer times do not reveal which usernames exist.
   */
  verifyUnknown(password: string): Promise<boolean> {
    return this.#run(async () => {
      await verifyPassword(password, await this.#dummyHash());
      return false;
    });
  }

  /** Hashes a new password; rejects with {@link HashBusyError} when saturated. */
  hash(password: string): Promise<string> {
    return this.#run(() => hashPassword(password, undefined, this.#logN));
  }

  /** A hash of a random, never-disclosed password at this hasher's cost. */
  #dummyHash(): Promise<string> {
    if (this.#logN === PRODUCTION_LOG_N) return Promise.resolve(DUMMY_PASSWORD_HASH);
    return (this.#dummy ??= hashPassword(randomBytes(16).toString('base64'), undefined, this.#logN));
  }

  async #run<T>(work: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      if (this.#hold) await this.#hold();
      return await work();
    } finally {
      this.#releaseSlot();
    }
  }

  #acquire(): Promise<void> {
    if (this.#active < this.#limits.maxConcurrent) {
      this.#active++;
      this.#report();
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.#limits.maxQueued) return Promise.reject(new HashBusyError());
    const granted = new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#report();
    return granted;
  }

  /** Hands the slot to the next waiter, or frees it. */
  #releaseSlot(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
    this.#report();
  }

  #report(): void {
    this.#observe({ active: this.#active, queued: this.#waiting.length });
  }
}
