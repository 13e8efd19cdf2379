/**
 * The sandbox clock: the real clock plus an offset stored in the database, so that time moved
 * forward stays moved across restarts, and real time keeps running from the new date. Everything
 * in the sandbox that reads "now" for business facts (bills, payments, orders, outages) reads it
 * here; security timing (token expiry, login throttling, TOTP) stays on the real clock, since
 * authenticator apps and tokens already issued live in real time.
 */
import type { SandboxDatabase, Statement } from '../db.js';

interface ClockRow {
  offsetMs: number;
  origin: string;
}

export class SandboxClock {
  readonly #real: () => Date;
  readonly #read: Statement<[], ClockRow>;
  readonly #setOffset: Statement<[number]>;
  #offsetMs: number;
  readonly #origin: string;

  /** Creates the clock row on first use (origin = the real time then). */
  constructor(db: SandboxDatabase, real: () => Date) {
    this.#real = real;
    db.prepare('INSERT OR IGNORE INTO sandbox_clock (id, offset_ms, origin) VALUES (1, 0, ?)').run(real().toISOString());
    this.#read = db.prepare('SELECT offset_ms AS offsetMs, origin FROM sandbox_clock WHERE id = 1');
    this.#setOffset = db.prepare('UPDATE sandbox_clock SET offset_ms = max(offset_ms, ?) WHERE id = 1');
    const row = this.#read.get()!;
    this.#offsetMs = row.offsetMs;
    this.#origin = row.origin;
  }

  /** The sandbox's current time. */
  readonly now = (): Date => new Date(this.#real().getTime() + this.#offsetMs);

  /** The real clock, for security timing. */
  readonly realNow = (): Date => this.#real();

  /** Sandbox time when the clock was created: the seed's world ends here. */
  get origin(): string {
    return this.#origin;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  /**
   * Moves the clock forward so that now is at least `at` (never backward). Call it inside the
   * transaction of the event that happens at `at`, so the stored offset and the event commit
   * together; the in-memory offset follows once the stored one is written.
   */
  moveTo(at: string): void {
    const offset = Date.parse(at) - this.#real().getTime();
    if (offset <= this.#offsetMs) return;
    this.#setOffset.run(offset);
    this.#offsetMs = offset;
  }

  /** Re-reads the stored offset (after a transaction that moved it was rolled back). */
  reload(): void {
    this.#offsetMs = this.#read.get()!.offsetMs;
  }
}
