/**
 * The circuit breaker of a bulk run: when the server keeps failing (5xx, timeouts, refused
 * connections, rate limits that outlast the retries), account after account, the run stops
 * rather than hammering it. A failure that is the account's own (not found, forbidden) or any
 * success closes the circuit again.
 */
import { ApiError, NetworkError, TimeoutError } from '../api/errors.js';
import { DeadlineError } from '../api/request-limits.js';

export const DEFAULT_BREAKER_THRESHOLD = 25;

export class CircuitBreaker {
  private consecutive = 0;
  private last: unknown;

  constructor(private readonly threshold = DEFAULT_BREAKER_THRESHOLD) {}

  /** Whether the run must stop. */
  get open(): boolean {
    return this.consecutive >= this.threshold;
  }

  get failuresInARow(): number {
    return this.consecutive;
  }

  get lastFailure(): unknown {
    return this.last;
  }

  succeeded(): void {
    this.consecutive = 0;
  }

  failed(error: unknown): void {
    if (isServerFault(error)) {
      this.consecutive++;
      this.last = error;
    } else this.consecutive = 0;
  }
}

/** The server's fault (or the network's), as opposed to an answer about this account. */
export function isServerFault(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429;
  return error instanceof NetworkError || error instanceof TimeoutError || error instanceof DeadlineError;
}
