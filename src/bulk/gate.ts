/**
 * What every worker of a bulk run shares before sending: a rate limit (`--rps`) and the server's
 * "not before" — a 429 or 503 with Retry-After holds back all workers until then, not only the one
 * that received it, so the server is not asked again before it said it may be.
 */
import { retryAfterMs, type RequestGate } from '../api/http.js';

export interface GateOptions {
  /** Requests per second across all workers; undefined for no limit. */
  rps?: number;
  /**
   * The longest pause honoured (the HTTP client's `maxRetryAfterMs`): a longer Retry-After fails
   * the request that got it ("try again at …") instead of holding every worker that long.
   */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A 429 without Retry-After still pauses everyone this long. */
const DEFAULT_PAUSE_MS = 1000;

export class SharedGate implements RequestGate {
  private notBefore = 0;
  private nextSlot = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly interval: number;
  private readonly maxWaitMs: number;

  constructor(options: GateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.interval = options.rps ? 1000 / options.rps : 0;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
  }

  async beforeAttempt(): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.notBefore) {
        await this.sleep(this.notBefore - now);
        continue;
      }
      if (this.interval === 0) return;
      // Reserve the next slot now (synchronously), so that concurrent workers get distinct slots.
      const slot = Math.max(now, this.nextSlot);
      this.nextSlot = slot + this.interval;
      if (slot > now) await this.sleep(slot - now);
      // A 429 may have arrived while this worker waited for its slot.
      if (this.now() >= this.notBefore) return;
    }
  }

  afterResponse(status: number, headers: Record<string, string | undefined>): void {
    if (status !== 429 && status !== 503) return;
    const wait = retryAfterMs(headers['retry-after'], this.now()) ?? (status === 429 ? DEFAULT_PAUSE_MS : undefined);
    if (wait === undefined || wait > this.maxWaitMs) return;
    this.notBefore = Math.max(this.notBefore, this.now() + wait);
  }
}
