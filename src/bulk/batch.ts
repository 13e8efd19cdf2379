/**
 * Batched lookups: a command that can read many accounts in a few requests (TMF630 multi-value
 * filters) gets a batch of accounts at once. What the batch does not return (an unknown account,
 * one the caller may not read, one without a recent bill) is then looked up on its own, which
 * gives the exact per-account answer: batching changes how many requests a run makes, never a
 * record.
 *
 * A server that turns out not to support the batch's filters (it refuses them with a 4xx, or
 * answers as if it ignored them) is not asked again: the rest of the run goes one account at a
 * time. A batch that fails for the server's own reasons (5xx, rate limits that outlast the
 * retries, the network) counts as one failed lookup, and its accounts are then looked up one by
 * one, each with its own outcome, so that one bad moment does not fail a hundred accounts. Once
 * the run is stopping (the circuit breaker opened, Ctrl-C), the accounts not yet looked up are
 * skipped: not written, not journaled, left for `--resume`.
 */
import { ApiError, IgnoredFilterError } from '../api/errors.js';

/** 4xx answers that mean "not like that", whatever the accounts: the batch is not supported. */
const UNSUPPORTED_STATUSES: ReadonlySet<number> = new Set([400, 403, 404, 405, 414, 422, 431, 501]);

export interface BatchedLookupParts<R> {
  /** The data of the accounts the batch could read, by account. */
  batch(accounts: readonly string[]): Promise<Map<string, unknown>>;
  /** One account on its own, with its exact outcome. */
  one(account: string): Promise<R>;
  /** The outcome of an account the batch read. */
  succeeded(account: string, data: unknown): R;
  /**
   * A batch failed for a reason that is not the batch's form: counted by the circuit breaker, or
   * the end of the run (a refused session). Its accounts are then looked up one by one, unless
   * the run is stopping.
   */
  batchFailed(error: unknown): void;
  /** The outcome of an account left for later because the run is stopping. */
  skipped(account: string): R;
  stopping(): boolean;
}

function isUnsupportedBatch(error: unknown): boolean {
  return error instanceof IgnoredFilterError || (error instanceof ApiError && UNSUPPORTED_STATUSES.has(error.status));
}

/** A lookup of several accounts at once; one outcome per account, in their order. */
export function batchedLookup<R>(parts: BatchedLookupParts<R>): (accounts: readonly string[]) => Promise<R[]> {
  let supported = true;

  // One at a time within a worker, so a batch's leftovers do not exceed the run's concurrency.
  const oneByOne = async (accounts: readonly string[], found?: ReadonlyMap<string, unknown>): Promise<R[]> => {
    const outcomes: R[] = [];
    for (const account of accounts) {
      if (found?.has(account)) outcomes.push(parts.succeeded(account, found.get(account)));
      // Checked before each lookup: the one before may have stopped the run (a refused session).
      else outcomes.push(parts.stopping() ? parts.skipped(account) : await parts.one(account));
    }
    return outcomes;
  };

  return async (accounts) => {
    if (!supported || accounts.length === 1) return oneByOne(accounts);
    let found: Map<string, unknown>;
    try {
      found = await parts.batch(accounts);
    } catch (error) {
      if (isUnsupportedBatch(error)) supported = false;
      else parts.batchFailed(error);
      return oneByOne(accounts);
    }
    return oneByOne(accounts, found);
  };
}
