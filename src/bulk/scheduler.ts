/**
 * The scheduler of a bulk run: N workers take accounts in input order, `batchSize` at a time,
 * and hand each outcome to `emit` as soon as it can be written — in completion order, or
 * (`ordered`) in input order through a reorder buffer. In-flight lookups are bounded by the
 * concurrency and the buffer by a window, so memory does not grow with the size of the list.
 * When `stop()` turns true the workers take no new account, and the run ends once the lookups
 * in flight are emitted.
 */

import type { AccountSequence } from './account-ids.js';

export interface SchedulerOptions<R> {
  accounts: AccountSequence;
  concurrency: number;
  /** Accounts a worker takes at once (default 1). */
  batchSize?: number;
  ordered: boolean;
  /** One outcome per account, in the order given. */
  lookup(accounts: readonly string[]): Promise<R[]>;
  /** Called synchronously, one outcome at a time, in the chosen order. */
  emit(account: string, outcome: R): void;
  /** Called after the outcomes of one lookup have been emitted: the time to write them out. */
  flush?(): void;
  /** Awaited after emitting: back-pressure from the output. */
  ready(): Promise<void>;
  stop(): boolean;
}

export interface SchedulerResult {
  /** Accounts emitted. */
  emitted: number;
  /** Whether the run ended before the end of the list. */
  stopped: boolean;
}

/** How far ahead of the oldest unwritten account an ordered run may look up, per worker. */
const REORDER_WINDOW_PER_WORKER = 8;

export async function runScheduler<R>(options: SchedulerOptions<R>): Promise<SchedulerResult> {
  const { accounts, ordered } = options;
  const batchSize = Math.max(1, options.batchSize ?? 1);
  // Room for each worker's batch in flight and the next one, whatever the batch size.
  const window = ordered ? options.concurrency * Math.max(REORDER_WINDOW_PER_WORKER, 2 * batchSize) : Number.POSITIVE_INFINITY;
  const buffer = new Map<number, R>();
  let nextToTake = 0;
  let nextToEmit = 0;
  let emitted = 0;
  let windowWaiters: (() => void)[] = [];

  const wakeWindow = () => {
    const waiters = windowWaiters;
    windowWaiters = [];
    for (const wake of waiters) wake();
  };

  const flushInOrder = () => {
    while (buffer.has(nextToEmit)) {
      const outcome = buffer.get(nextToEmit)!;
      buffer.delete(nextToEmit);
      options.emit(accounts.at(nextToEmit)!, outcome);
      emitted++;
      nextToEmit++;
    }
    wakeWindow();
  };

  const worker = async () => {
    while (nextToTake < accounts.length && !options.stop()) {
      if (nextToTake - nextToEmit >= window) {
        await new Promise<void>((resolve) => windowWaiters.push(resolve));
        continue;
      }
      const first = nextToTake;
      const taken = accounts.slice(first, Math.min(first + batchSize, accounts.length));
      nextToTake += taken.length;
      const outcomes = await options.lookup(taken);
      if (outcomes.length !== taken.length) throw new Error(`lookup gave ${outcomes.length} outcomes for ${taken.length} accounts`);
      if (ordered) {
        outcomes.forEach((outcome, i) => buffer.set(first + i, outcome));
        flushInOrder();
      } else {
        outcomes.forEach((outcome, i) => options.emit(taken[i]!, outcome));
        emitted += outcomes.length;
      }
      options.flush?.();
      await options.ready();
    }
    // A stopping run still writes what the others fetch: release anyone waiting for the window.
    wakeWindow();
  };

  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, accounts.length)) }, worker));
  return { emitted, stopped: emitted < accounts.length };
}
