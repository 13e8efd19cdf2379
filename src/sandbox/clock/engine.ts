/**
 * Runs the sandbox's time-driven events. Moving the clock to a date runs every event due up to it,
 * in order; each event's effects, its log row (unique key) and the clock's new position commit in
 * one transaction, so a process killed in the middle of an advance has done each event entirely
 * or not at all, and the next advance picks up exactly where it stopped. A timer does the same as
 * real time passes. Advances are serialized: one runs at a time.
 */
import type { SandboxDatabase, Statement } from '../db.js';
import { InventoryStore } from '../plan/inventory.js';
import { OrderStore } from '../plan/orders.js';
import { issueCycleBill } from './bill-run.js';
import { debitAutopay } from './autopay-debit.js';
import { finishOrder, startOrder, type OrderProgress } from './order-progress.js';
import type { SandboxClock } from './clock.js';
import { EventLog, type ClockEvent, type NewClockEvent } from './event-log.js';
import { dueEvents, WINDOW_MS, type DueEvent } from './schedule.js';

export interface ClockEngineOptions {
  /** Told of every event once it is committed (the sandbox program prints a line). */
  onEvent?: (event: ClockEvent) => void;
  /** Real milliseconds to wait after each event (a test knob: makes an advance slow enough to interrupt). */
  pauseMs?: number;
  /** How often real time's events are looked for; default 5 s; 0 disables the timer. */
  tickMs?: number;
  /** Product orders progress over time (clock/order-progress.ts); without it they complete when placed. */
  orderProgress?: OrderProgress;
}

export interface AdvanceResult {
  from: string;
  to: string;
  events: ClockEvent[];
}

const DEFAULT_TICK_MS = 5000;

export class ClockEngine {
  readonly #db: SandboxDatabase;
  readonly #clock: SandboxClock;
  readonly #log: EventLog;
  readonly #deps: { db: SandboxDatabase; inventory: InventoryStore; orders: OrderStore };
  readonly #options: ClockEngineOptions;
  readonly #processed: Statement<[], { until: string | null }>;
  readonly #setProcessed: Statement<[string]>;
  #queue: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(db: SandboxDatabase, clock: SandboxClock, options: ClockEngineOptions = {}) {
    this.#db = db;
    this.#clock = clock;
    this.#log = new EventLog(db);
    this.#deps = { db, inventory: new InventoryStore(db), orders: new OrderStore(db) };
    this.#options = options;
    this.#processed = db.prepare("SELECT value AS until FROM meta WHERE key = 'clock_processed_until'");
    this.#setProcessed = db.prepare("INSERT INTO meta (key, value) VALUES ('clock_processed_until', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  }

  get log(): EventLog {
    return this.#log;
  }

  /** Up to where events have been run (sandbox time). */
  processedUntil(): string {
    return this.#processed.get()?.until ?? this.#clock.origin;
  }

  /** Starts the timer that runs events as real time reaches them. */
  start(): void {
    const tick = this.#options.tickMs ?? DEFAULT_TICK_MS;
    if (tick <= 0 || this.#timer) return;
    this.#timer = setInterval(() => {
      void this.advanceTo(this.#clock.now().toISOString()).catch(() => {
        // A failed tick is retried on the next one; an advance asked for over HTTP reports its error.
      });
    }, tick);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a running advance to end (before the database closes). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#queue.catch(() => undefined);
  }

  /** Moves the clock to `target` (never backward), running every event due up to it. */
  advanceTo(target: string): Promise<AdvanceResult> {
    const run = this.#queue.then(() => this.#run(target));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #run(target: string): Promise<AdvanceResult> {
    const from = this.#clock.now().toISOString();
    const events: ClockEvent[] = [];
    let cursor = this.processedUntil();
    while (cursor < target && !this.#closed) {
      const limit = new Date(Math.min(Date.parse(target), Date.parse(cursor) + WINDOW_MS)).toISOString();
      for (const due of dueEvents(this.#db, this.#clock.origin, cursor, limit, this.#options.orderProgress)) {
        if (this.#closed) break;
        const done = this.#runEvent(due);
        if (done) {
          events.push(done);
          this.#options.onEvent?.(done);
          await pause(this.#options.pauseMs ?? 0);
        }
      }
      if (this.#closed) break;
      this.#db
        .transaction(() => {
          this.#setProcessed.run(limit);
          this.#clock.moveTo(limit);
        })
        .immediate();
      cursor = limit;
    }
    if (!this.#closed) this.#clock.moveTo(target);
    return { from, to: this.#clock.now().toISOString(), events };
  }

  /** One event: its effects, its log row and the clock, in one transaction; null if already done. */
  #runEvent(due: DueEvent): ClockEvent | null {
    try {
      return this.#db
        .transaction((): ClockEvent | null => {
          if (this.#log.has(due.key)) return null;
          const event = this.#apply(due);
          this.#log.record(event, this.#clock.realNow());
          this.#clock.moveTo(due.at);
          return this.#log.get(due.key) ?? null;
        })
        .immediate();
    } catch (error) {
      this.#clock.reload();
      throw error;
    }
  }

  #apply(due: DueEvent): NewClockEvent {
    const base = { key: due.key, kind: due.kind, at: due.at, billingAccountId: due.billingAccountId };
    switch (due.kind) {
      case 'billRun': {
        const bill = issueCycleBill(this.#deps, due.billingAccountId!, due.at);
        const late = bill.lateFeeCents > 0 ? `late fee ${(bill.lateFeeCents / 100).toFixed(2)}` : null;
        return { ...base, subject: bill.billId, outcome: 'issued', amountCents: bill.amountDueCents, detail: late };
      }
      case 'autopay': {
        const result = debitAutopay(this.#db, due.billingAccountId!, due.subject!, due.at);
        if (result.outcome === 'paid')
          return { ...base, subject: due.subject, outcome: 'paid', amountCents: result.amountCents, detail: `${result.paymentId} ${result.methodName}` };
        if (result.outcome === 'declined')
          return { ...base, subject: due.subject, outcome: 'declined', amountCents: result.amountCents, detail: result.reason };
        return { ...base, subject: due.subject, outcome: 'nothingDue', amountCents: 0, detail: null };
      }
      case 'overdue': {
        const row = this.#db.prepare<[string], { remaining: number }>('SELECT remaining_cents AS remaining FROM customer_bill WHERE id = ?').get(due.subject!);
        const remaining = row?.remaining ?? 0;
        return { ...base, subject: due.subject, outcome: remaining > 0 ? 'overdue' : 'paid', amountCents: remaining, detail: null };
      }
      case 'order': {
        if (due.key.endsWith(':inProgress')) {
          const started = startOrder(this.#db, due.subject!, due.at);
          return { ...base, subject: due.subject, outcome: started ? 'inProgress' : 'skipped', amountCents: null, detail: null };
        }
        const finished = finishOrder(this.#deps, due.subject!, due.at);
        const reason = finished === 'failed' ? (this.#deps.orders.order(due.subject!)?.stateReason ?? null) : null;
        return { ...base, subject: due.subject, outcome: finished ?? 'skipped', amountCents: null, detail: reason };
      }
      case 'outage':
        return { ...base, subject: due.subject, outcome: due.key.endsWith(':resolved') ? 'resolved' : 'started', amountCents: null, detail: null };
    }
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}
