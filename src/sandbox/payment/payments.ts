/**
 * Payments (TMF676) in the database: the seeded history and new payments. Applying a payment
 * inserts it, allocates it to its bill, lowers the bill's remaining amount and sets its state
 * (`settled` or `partiallyPaid`) — the account balance is the sum of remaining amounts — and
 * stores the idempotent answer, all in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { StatementCache, type SandboxDatabase, type Statement } from '../db.js';
import { pagedRows, type Criteria, type Page } from '../store/paged-query.js';
import { TmfError } from '../tmf-errors.js';
import type { IdempotencyStore } from './idempotency.js';

export interface PaymentRow {
  id: string;
  billingAccountId: string;
  paymentDate: string;
  amountCents: number;
  currency: string;
  status: string;
  name: string;
  description: string | null;
  channel: string;
  paymentMethodId: string | null;
  paymentMethodName: string | null;
  correlatorId: string | null;
  authorizationCode: string | null;
}

export interface AllocationRow {
  paymentId: string;
  billId: string;
  amountCents: number;
}

export interface NewPayment {
  billingAccountId: string;
  billId: string;
  amountCents: number;
  currency: string;
  channel: string;
  name: string;
  description: string;
  paymentMethodId: string;
  paymentMethodName: string;
  correlatorId: string;
}

const COLUMNS = `p.id, p.billing_account_id AS billingAccountId, p.payment_date AS paymentDate, p.amount_cents AS amountCents,
  p.currency, p.status, p.name, p.description, p.channel, p.payment_method_id AS paymentMethodId,
  p.payment_method_name AS paymentMethodName, p.correlator_id AS correlatorId, p.authorization_code AS authorizationCode`;

interface BillBalance {
  billingAccountId: string;
  remainingCents: number;
  state: string;
  runType: string;
  currency: string;
}

export class PaymentStore {
  readonly #db: SandboxDatabase;
  readonly #cache: StatementCache;
  readonly #byId: Statement<[string], PaymentRow>;
  readonly #byCorrelator: Statement<[string, string], PaymentRow>;
  readonly #allocations: Statement<[string], AllocationRow>;
  readonly #bill: Statement<[string], BillBalance>;
  readonly #insert: Statement<Record<string, unknown>>;
  readonly #allocate: Statement<[string, string, number]>;
  readonly #updateBill: Statement<{ id: string; remaining: number; state: string; now: string }>;

  constructor(db: SandboxDatabase) {
    this.#db = db;
    this.#cache = new StatementCache(db);
    this.#byId = db.prepare(`SELECT ${COLUMNS} FROM payment p WHERE p.id = ?`);
    this.#byCorrelator = db.prepare(`SELECT ${COLUMNS} FROM payment p WHERE p.billing_account_id = ? AND p.correlator_id = ?`);
    this.#allocations = db.prepare(
      `SELECT payment_id AS paymentId, bill_id AS billId, amount_cents AS amountCents FROM payment_allocation
        WHERE payment_id IN (SELECT value FROM json_each(?)) ORDER BY bill_id`,
    );
    this.#bill = db.prepare(
      `SELECT billing_account_id AS billingAccountId, remaining_cents AS remainingCents, state, run_type AS runType, currency FROM customer_bill WHERE id = ?`,
    );
    this.#insert = db.prepare(
      `INSERT INTO payment (id, billing_account_id, payment_date, amount_cents, currency, status, name, description, channel,
         payment_method_id, payment_method_name, created_at, correlator_id, authorization_code)
       VALUES (@id, @account, @now, @amount, @currency, 'succeeded', @name, @description, @channel, @methodId, @methodName, @now,
         @correlatorId, @authorizationCode)`,
    );
    this.#allocate = db.prepare('INSERT INTO payment_allocation (payment_id, bill_id, amount_cents) VALUES (?, ?, ?)');
    this.#updateBill = db.prepare('UPDATE customer_bill SET remaining_cents = @remaining, state = @state, last_update = @now WHERE id = @id');
  }

  payment(id: string): PaymentRow | undefined {
    return this.#byId.get(id);
  }

  byCorrelator(billingAccountId: string, correlatorId: string): PaymentRow | undefined {
    return this.#byCorrelator.get(billingAccountId, correlatorId);
  }

  allocationsOf(paymentIds: readonly string[]): Map<string, AllocationRow[]> {
    const map = new Map<string, AllocationRow[]>();
    for (const row of this.#allocations.all(JSON.stringify(paymentIds))) {
      const list = map.get(row.paymentId) ?? [];
      list.push(row);
      map.set(row.paymentId, list);
    }
    return map;
  }

  /** Newest first. Conditions refer to the payment as `p`. */
  list(criteria: Criteria, page: Page): { total: number; rows: PaymentRow[] } {
    return pagedRows(
      this.#cache,
      { countFrom: 'FROM payment p', select: `SELECT ${COLUMNS} FROM payment p`, orderBy: 'ORDER BY p.payment_date DESC, p.id DESC' },
      criteria,
      page,
    );
  }

  /** The checks that decide whether a payment may move money; throws TmfError 422 otherwise. */
  checkPayable(billId: string, billingAccountId: string, amountCents: number, currency: string): void {
    const bill = this.#bill.get(billId);
    if (!bill || bill.billingAccountId !== billingAccountId) {
      throw new TmfError(422, `Bill "${billId}" is not a bill of account ${billingAccountId}`);
    }
    if (bill.currency !== currency) throw new TmfError(422, `The bill is in ${bill.currency}; the payment must be too`);
    // A bill on demand stays a preview of the next bill until the cycle issues it: nothing is owed on it yet.
    if (bill.state === 'new' && bill.runType === 'offCycle') throw new TmfError(422, `Bill "${billId}" is not issued yet; nothing is owed on it`);
    if (bill.remainingCents <= 0 || bill.state === 'settled') throw new TmfError(422, `Bill "${billId}" is already settled; nothing is owed on it`);
    if (amountCents > bill.remainingCents) {
      throw new TmfError(
        422,
        `The amount (${(amountCents / 100).toFixed(2)}) is more than what remains on bill "${billId}" (${(bill.remainingCents / 100).toFixed(2)}); nothing was charged`,
      );
    }
  }

  /**
   * Applies a payment and stores the idempotent answer in one transaction; the checks run again
   * inside it, since another payment may have landed while the card was being authorized.
   */
  apply(
    payment: NewPayment,
    now: Date,
    key: { store: IdempotencyStore; key: string; answer: (row: PaymentRow, allocations: AllocationRow[]) => unknown },
  ): unknown {
    return this.#db
      .transaction(() => {
        this.checkPayable(payment.billId, payment.billingAccountId, payment.amountCents, payment.currency);
        if (this.byCorrelator(payment.billingAccountId, payment.correlatorId)) {
          throw new TmfError(409, `correlatorId "${payment.correlatorId}" already identifies another payment of this account`);
        }
        const id = `PAY-${payment.billingAccountId.replace(/^BA-/, '')}-${randomBytes(5).toString('hex')}`;
        const at = now.toISOString();
        this.#insert.run({
          id,
          account: payment.billingAccountId,
          now: at,
          amount: payment.amountCents,
          currency: payment.currency,
          name: payment.name,
          description: payment.description,
          channel: payment.channel,
          methodId: payment.paymentMethodId,
          methodName: payment.paymentMethodName,
          correlatorId: payment.correlatorId,
          authorizationCode: randomBytes(3).toString('hex').toUpperCase(),
        });
        this.#allocate.run(id, payment.billId, payment.amountCents);
        const bill = this.#bill.get(payment.billId)!;
        const remaining = bill.remainingCents - payment.amountCents;
        this.#updateBill.run({ id: payment.billId, remaining, state: remaining === 0 ? 'settled' : 'partiallyPaid', now: at });
        const row = this.#byId.get(id)!;
        const answer = key.answer(row, this.allocationsOf([id]).get(id) ?? []);
        key.store.finish(key.key, 201, answer);
        return answer;
      })
      .immediate();
  }
}
