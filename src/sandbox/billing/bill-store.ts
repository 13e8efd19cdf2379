/** Reads of customer bills and their line items (TMF678), with prepared statements made once. */
import { StatementCache, type SandboxDatabase, type Statement } from '../db.js';
import { pagedRows, type Criteria, type Page } from '../store/paged-query.js';
import type { AppliedCustomerBillingRate, CustomerBill } from './contract.js';

export interface BillRow {
  id: string;
  billingAccountId: string;
  billingAccountName: string;
  /** The account's province, which decides the bill document's default language. */
  province: string;
  billNo: string;
  billDate: string;
  periodStart: string;
  periodEnd: string;
  paymentDueDate: string;
  nextBillDate: string | null;
  category: string;
  runType: CustomerBill['runType'];
  state: CustomerBill['state'];
  currency: string;
  taxExcludedCents: number;
  taxIncludedCents: number;
  previousBalanceCents: number;
  amountDueCents: number;
  remainingCents: number;
  lastUpdate: string;
}

export interface TaxRow {
  ownerId: string;
  category: string;
  rate: number;
  cents: number;
}

export interface PaymentLinkRow {
  billId: string;
  paymentId: string;
  paymentName: string;
  amountCents: number;
  date: string;
}

export interface RateRow {
  id: string;
  billId: string;
  billNo: string;
  billingAccountId: string;
  billingAccountName: string;
  seq: number;
  rateType: AppliedCustomerBillingRate['appliedBillingRateType'];
  section: AppliedCustomerBillingRate['characteristic'][number]['value'];
  name: string;
  description: string;
  productId: string | null;
  productName: string | null;
  periodStart: string;
  periodEnd: string;
  date: string;
  currency: string;
  taxExcludedCents: number;
  taxIncludedCents: number;
}

const BILL_COLUMNS = `b.id, b.billing_account_id AS billingAccountId, a.name AS billingAccountName, a.province, b.bill_no AS billNo,
  b.bill_date AS billDate, b.period_start AS periodStart, b.period_end AS periodEnd, b.payment_due_date AS paymentDueDate,
  b.next_bill_date AS nextBillDate, b.category, b.run_type AS runType, b.state, b.currency,
  b.tax_excluded_cents AS taxExcludedCents, b.tax_included_cents AS taxIncludedCents,
  b.previous_balance_cents AS previousBalanceCents, b.amount_due_cents AS amountDueCents,
  b.remaining_cents AS remainingCents, b.last_update AS lastUpdate`;

const RATE_COLUMNS = `r.id, r.bill_id AS billId, b.bill_no AS billNo, r.billing_account_id AS billingAccountId,
  a.name AS billingAccountName, r.seq, r.rate_type AS rateType, r.bill_section AS section, r.name, r.description,
  r.product_id AS productId, r.product_name AS productName, r.period_start AS periodStart, r.period_end AS periodEnd,
  r.date, r.currency, r.tax_excluded_cents AS taxExcludedCents, r.tax_included_cents AS taxIncludedCents`;

export class BillStore {
  readonly #cache: StatementCache;
  readonly #bill: Statement<[string], BillRow>;
  readonly #rate: Statement<[string], RateRow>;
  readonly #billTaxes: Statement<[string], TaxRow>;
  readonly #rateTaxes: Statement<[string], TaxRow>;
  readonly #received: Statement<[string], PaymentLinkRow>;
  readonly #applied: Statement<[string], PaymentLinkRow>;

  constructor(db: SandboxDatabase) {
    this.#cache = new StatementCache(db);
    this.#bill = db.prepare(`SELECT ${BILL_COLUMNS} FROM customer_bill b JOIN billing_account a ON a.id = b.billing_account_id WHERE b.id = ?`);
    this.#rate = db.prepare(
      `SELECT ${RATE_COLUMNS} FROM applied_billing_rate r JOIN customer_bill b ON b.id = r.bill_id
         JOIN billing_account a ON a.id = r.billing_account_id WHERE r.id = ?`,
    );
    // The id lists below are JSON arrays, so one statement serves any number of ids.
    this.#billTaxes = db.prepare(
      `SELECT bill_id AS ownerId, tax_category AS category, tax_rate AS rate, tax_cents AS cents
         FROM bill_tax_item WHERE bill_id IN (SELECT value FROM json_each(?)) ORDER BY bill_id, seq`,
    );
    this.#rateTaxes = db.prepare(
      `SELECT rate_id AS ownerId, tax_category AS category, tax_rate AS rate, tax_cents AS cents
         FROM applied_billing_rate_tax WHERE rate_id IN (SELECT value FROM json_each(?)) ORDER BY rate_id, seq`,
    );
    this.#received = db.prepare(
      `SELECT r.bill_id AS billId, p.id AS paymentId, p.name AS paymentName, p.amount_cents AS amountCents, p.payment_date AS date
         FROM bill_payment_received r JOIN payment p ON p.id = r.payment_id
        WHERE r.bill_id IN (SELECT value FROM json_each(?)) ORDER BY p.payment_date, p.id`,
    );
    this.#applied = db.prepare(
      `SELECT x.bill_id AS billId, p.id AS paymentId, p.name AS paymentName, x.amount_cents AS amountCents, p.payment_date AS date
         FROM payment_allocation x JOIN payment p ON p.id = x.payment_id
        WHERE x.bill_id IN (SELECT value FROM json_each(?)) ORDER BY p.payment_date, p.id`,
    );
  }

  bill(id: string): BillRow | undefined {
    return this.#bill.get(id);
  }

  listBills(criteria: Criteria, order: 'asc' | 'desc', page: Page): { total: number; rows: BillRow[] } {
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    return pagedRows(
      this.#cache,
      {
        countFrom: 'FROM customer_bill b',
        select: `SELECT ${BILL_COLUMNS} FROM customer_bill b JOIN billing_account a ON a.id = b.billing_account_id`,
        orderBy: `ORDER BY b.bill_date ${direction}, b.id ${direction}`,
      },
      criteria,
      page,
    );
  }

  rate(id: string): RateRow | undefined {
    return this.#rate.get(id);
  }

  listRates(criteria: Criteria, page: Page): { total: number; rows: RateRow[] } {
    return pagedRows(
      this.#cache,
      {
        countFrom: 'FROM applied_billing_rate r',
        select: `SELECT ${RATE_COLUMNS} FROM applied_billing_rate r JOIN customer_bill b ON b.id = r.bill_id
                 JOIN billing_account a ON a.id = r.billing_account_id`,
        orderBy: 'ORDER BY b.bill_date DESC, r.bill_id DESC, r.seq',
      },
      criteria,
      page,
    );
  }

  taxItemsOf(billIds: readonly string[]): Map<string, TaxRow[]> {
    return groupBy(this.#billTaxes.all(JSON.stringify(billIds)), (row) => row.ownerId);
  }

  taxesOfRates(rateIds: readonly string[]): Map<string, TaxRow[]> {
    return groupBy(this.#rateTaxes.all(JSON.stringify(rateIds)), (row) => row.ownerId);
  }

  paymentsReceivedBy(billIds: readonly string[]): Map<string, PaymentLinkRow[]> {
    return groupBy(this.#received.all(JSON.stringify(billIds)), (row) => row.billId);
  }

  paymentsAppliedTo(billIds: readonly string[]): Map<string, PaymentLinkRow[]> {
    return groupBy(this.#applied.all(JSON.stringify(billIds)), (row) => row.billId);
  }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
