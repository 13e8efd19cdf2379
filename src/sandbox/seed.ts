/**
 * Seeds the sandbox's database, in one transaction, from the parts each feature owns: the logins and
 * OAuth clients (auth/seed.ts), the customers and their billing plans (party/customers.ts), plans and
 * inventory (plan/seed.ts) and trouble tickets (seed/tickets.ts). The customers' billing accounts,
 * products, bills and payments are written here, from the ledger billing/ledger.ts computes.
 */
import { addMonths, noonUtc, parseSeedAnchor, type YearMonth } from './dates.js';
import { generateLedger } from './billing/ledger.js';
import { getMeta, setMeta, type SandboxDatabase } from './db.js';
import { identitySeeder, type IdentitySeeder } from './auth/seed.js';
import { DUE_DAYS, planOf, SEED_CUSTOMERS, syntheticCustomer, type CustomerDef } from './party/customers.js';
import { seedPlanInventory } from './plan/seed.js';
import { seedTickets } from './tickets/seed.js';

/** Bumped whenever the seeded data changes shape or content. */
export const SEED_VERSION = 1;

/** True once the database holds seed data. */
export function isSeeded(db: SandboxDatabase): boolean {
  return getMeta(db, 'seed_anchor') !== undefined;
}

type SeedStatements = ReturnType<typeof prepareInserts>;

function prepareInserts(db: SandboxDatabase) {
  return {
    account: db.prepare(
      `INSERT INTO billing_account (id, name, description, account_type, state, rating_type, currency, province,
         owner_party_id, owner_name, street1, street2, city, postcode, country, email, phone, presentation_media,
         cycle_name, payment_due_days, default_payment_method_id, default_payment_method_name, created_at, last_modified)
       VALUES (?, ?, ?, 'residential', 'active', 'postpaid', 'CAD', ?, ?, ?, ?, ?, ?, ?, 'CA', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    access: db.prepare('INSERT INTO account_access (user_id, billing_account_id, role) VALUES (?, ?, ?)'),
    product: db.prepare(
      `INSERT INTO product (id, billing_account_id, name, product_type, is_add_on, status, start_date, recurring_price_cents)
       VALUES (?, ?, ?, ?, ?, 'active', ?, ?)`,
    ),
    bill: db.prepare(
      `INSERT INTO customer_bill (id, billing_account_id, bill_no, bill_date, period_start, period_end, payment_due_date,
         next_bill_date, category, run_type, state, currency, tax_excluded_cents, tax_included_cents,
         previous_balance_cents, amount_due_cents, remaining_cents, last_update)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'normal', 'onCycle', ?, 'CAD', ?, ?, ?, ?, ?, ?)`,
    ),
    taxItem: db.prepare('INSERT INTO bill_tax_item (bill_id, seq, tax_category, tax_rate, tax_cents) VALUES (?, ?, ?, ?, ?)'),
    rate: db.prepare(
      `INSERT INTO applied_billing_rate (id, bill_id, billing_account_id, seq, rate_type, bill_section, name, description,
         product_id, product_name, period_start, period_end, date, currency, tax_excluded_cents, tax_included_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CAD', ?, ?)`,
    ),
    rateTax: db.prepare('INSERT INTO applied_billing_rate_tax (rate_id, seq, tax_category, tax_rate, tax_cents) VALUES (?, ?, ?, ?, ?)'),
    payment: db.prepare(
      `INSERT INTO payment (id, billing_account_id, payment_date, amount_cents, currency, status, name, description,
         channel, payment_method_id, payment_method_name, created_at)
       VALUES (?, ?, ?, ?, 'CAD', 'succeeded', ?, ?, ?, ?, ?, ?)`,
    ),
    allocation: db.prepare('INSERT INTO payment_allocation (payment_id, bill_id, amount_cents) VALUES (?, ?, ?)'),
    received: db.prepare('INSERT INTO bill_payment_received (bill_id, payment_id) VALUES (?, ?)'),
  };
}

/** Writes one customer: login (if any), billing account, products, and a year of bills and payments. */
function insertCustomer(identities: IdentitySeeder, st: SeedStatements, customer: CustomerDef, anchor: YearMonth): void {
  const { account } = customer;
  const firstBillMonth = addMonths(anchor, -11);
  const since = noonUtc(addMonths(anchor, -account.monthsBefore), 15);
  const fullName = `${customer.givenName} ${customer.familyName}`;
  if (customer.key) identities.customer(customer.key, customer, since);
  st.account.run(
    account.id,
    fullName,
    account.description,
    account.province,
    customer.userId,
    fullName,
    account.street1,
    account.street2,
    account.city,
    account.postcode,
    customer.email,
    customer.phone,
    account.presentationMedia,
    account.cycleName,
    DUE_DAYS,
    account.defaultPaymentMethod?.id ?? null,
    account.defaultPaymentMethod?.name ?? null,
    since,
    since,
  );
  if (customer.key) st.access.run(customer.userId, account.id, 'owner');
  for (const product of customer.products) {
    const start = product.addedAtIndex === undefined ? since : noonUtc(addMonths(firstBillMonth, product.addedAtIndex - 1), 1);
    st.product.run(product.id, account.id, product.name, product.type, product.type === 'addOn' ? 1 : 0, start, product.priceCents);
  }

  const ledger = generateLedger(planOf(customer), anchor);
  for (const payment of ledger.payments) {
    st.payment.run(
      payment.id,
      account.id,
      payment.date,
      payment.amountCents,
      customer.payment.name,
      customer.payment.description,
      customer.payment.channel,
      customer.payment.methodId,
      customer.payment.methodName,
      payment.date,
    );
  }
  for (const bill of ledger.bills) {
    st.bill.run(
      bill.id,
      account.id,
      bill.billNo,
      bill.month.billDate,
      bill.month.periodStart,
      bill.month.periodEnd,
      bill.paymentDueDate,
      bill.nextBillDate,
      bill.state,
      bill.taxExcludedCents,
      bill.taxIncludedCents,
      bill.previousBalanceCents,
      bill.amountDueCents,
      bill.remainingCents,
      bill.lastUpdate,
    );
    bill.taxItems.forEach((item, i) => st.taxItem.run(bill.id, i + 1, item.rate.category, item.rate.rate, item.amountCents));
    for (const line of bill.lines) {
      st.rate.run(
        line.id,
        bill.id,
        account.id,
        line.seq,
        line.rateType,
        line.section,
        line.name,
        line.description,
        line.product?.id ?? null,
        line.product?.name ?? null,
        line.coverage.start,
        line.coverage.end,
        bill.month.billDate,
        line.amountCents,
        line.taxIncludedCents,
      );
      line.taxes.forEach((tax, i) => st.rateTax.run(line.id, i + 1, tax.rate.category, tax.rate.rate, tax.amountCents));
    }
    for (const paymentId of bill.paymentsReceived) st.received.run(bill.id, paymentId);
  }
  for (const payment of ledger.payments) {
    for (const allocation of payment.allocations) st.allocation.run(payment.id, allocation.billId, allocation.amountCents);
  }
}

export interface SeedOptions {
  /**
   * Extra generated accounts (BA-100001, BA-100002, …) without logins, visible to agents and the
   * CI client: volume for bulk lookups and benchmarks. Default 0.
   */
  syntheticAccounts?: number;
}

/** Seeds an empty database in one transaction. */
export function seedDatabase(db: SandboxDatabase, anchor: string, options: SeedOptions = {}): void {
  const ym: YearMonth = parseSeedAnchor(anchor);
  const seededAt = noonUtc(addMonths(ym, -12), 1);
  const identities = identitySeeder(db);
  const st = prepareInserts(db);
  db.transaction(() => {
    identities.clients();
    identities.agent(seededAt);
    for (const customer of SEED_CUSTOMERS) insertCustomer(identities, st, customer, ym);
    const synthetic = options.syntheticAccounts ?? 0;
    for (let n = 1; n <= synthetic; n++) insertCustomer(identities, st, syntheticCustomer(n), ym);
    seedPlanInventory(db, ym);
    seedTickets(db, ym);
    setMeta(db, 'seed_anchor', anchor);
    setMeta(db, 'seed_version', String(SEED_VERSION));
    setMeta(db, 'synthetic_accounts', String(synthetic));
  })();
}

/**
 * Seeds the database unless it already holds data; returns whether it seeded. The check and the
 * seeding share one write-locked transaction, so concurrent starts seed once.
 */
export function ensureSeeded(db: SandboxDatabase, anchor: string, options: SeedOptions = {}): boolean {
  return db
    .transaction((): boolean => {
      if (isSeeded(db)) return false;
      seedDatabase(db, anchor, options);
      return true;
    })
    .immediate();
}
