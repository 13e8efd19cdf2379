/** The log of time-driven events: one row per event, its unique key making each happen once. */
import type { SandboxDatabase, Statement } from '../db.js';

export type EventKind = 'billRun' | 'autopay' | 'overdue' | 'outage' | 'order';

export interface ClockEvent {
  seq: number;
  key: string;
  kind: EventKind;
  /** Sandbox time it was scheduled for. */
  at: string;
  billingAccountId: string | null;
  /** What it acted on: a bill, a payment, an outage. */
  subject: string | null;
  /** e.g. issued, paid, declined, skipped, started, resolved. */
  outcome: string;
  amountCents: number | null;
  detail: string | null;
  processedAt: string;
}

export type NewClockEvent = Omit<ClockEvent, 'seq' | 'processedAt'>;

const COLUMNS = `seq, key, kind, at, billing_account_id AS billingAccountId, subject, outcome, amount_cents AS amountCents, detail,
  processed_at AS processedAt`;

export class EventLog {
  readonly #has: Statement<[string], { one: number }>;
  readonly #insert: Statement<[string, string, string, string | null, string | null, string, number | null, string | null, string]>;
  readonly #list: Statement<{ after: number; account: string | null; limit: number }, ClockEvent>;
  readonly #byKey: Statement<[string], ClockEvent>;

  constructor(db: SandboxDatabase) {
    this.#has = db.prepare('SELECT 1 AS one FROM clock_event WHERE key = ?');
    this.#insert = db.prepare(
      `INSERT INTO clock_event (key, kind, at, billing_account_id, subject, outcome, amount_cents, detail, processed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#list = db.prepare(
      `SELECT ${COLUMNS} FROM clock_event WHERE seq > @after AND (@account IS NULL OR billing_account_id = @account) ORDER BY seq LIMIT @limit`,
    );
    this.#byKey = db.prepare(`SELECT ${COLUMNS} FROM clock_event WHERE key = ?`);
  }

  get(key: string): ClockEvent | undefined {
    return this.#byKey.get(key);
  }

  has(key: string): boolean {
    return this.#has.get(key) !== undefined;
  }

  /** Records an event; throws (UNIQUE) if its key was already recorded, rolling back its transaction. */
  record(event: NewClockEvent, processedAt: Date): void {
    this.#insert.run(
      event.key,
      event.kind,
      event.at,
      event.billingAccountId,
      event.subject,
      event.outcome,
      event.amountCents,
      event.detail,
      processedAt.toISOString(),
    );
  }

  /** Events in the order they happened, after `after` (a seq), optionally of one account. */
  list(options: { after?: number; account?: string | null; limit?: number } = {}): ClockEvent[] {
    return this.#list.all({ after: options.after ?? 0, account: options.account ?? null, limit: options.limit ?? 1000 });
  }
}
