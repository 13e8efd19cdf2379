/**
 * TMF678 customerBillOnDemand: the next bill of an account, produced now. It covers the current
 * cycle (the calendar month, as the seeded bills do) and reflects the inventory: every product
 * held at the start of the cycle at the monthly price it had then, the recurring fees of the last
 * bill, and for each order item completed during the cycle a proration line
 * (`appliedBillingRateType` "proration"): a credit for the unused rest of the cycle on the old
 * price, a charge for the rest of the cycle on the new one. Taxes are computed as the seeded
 * ledger does. Asking again in the same cycle replaces the bill (while it is still `new`).
 */
import type { SandboxDatabase } from '../db.js';
import { addDays, addMonths, monthLabel, noonUtc } from '../dates.js';
import { computeBillTaxes, SALES_TAXES, type Province } from '../billing/taxes.js';
import type { BillSection } from '../billing/ledger.js';
import { documentLang } from '../billing/document/bill-labels.js';
import { TmfError } from '../tmf-errors.js';
import type { InventoryStore } from './inventory.js';
import type { OrderItemRow, OrderStore } from './orders.js';
import { cycleOf, prorate, type Cycle } from './proration.js';

export const PRORATION_RATE_TYPE = 'proration';
const DUE_DAYS = 21;

export interface DraftLine {
  rateType: string;
  section: BillSection;
  name: string;
  description: string;
  productId: string | null;
  productName: string | null;
  start: string;
  end: string;
  amountCents: number;
  taxable: boolean;
}

interface Wording {
  monthly: string;
  credit(days: number, cycleDays: number, monthly: string): string;
  charge(days: number, cycleDays: number, monthly: string): string;
  creditName(name: string): string;
  chargeName(name: string): string;
}

/** Bills speak the account's language, as the seeded ones do: French in Quebec. */
const WORDING: Record<'fr' | 'en', Wording> = {
  fr: {
    monthly: 'Mensualité',
    credit: (days, cycleDays, monthly) => `Crédit au prorata : ${days} jours sur ${cycleDays} non utilisés à ${monthly} par mois`,
    charge: (days, cycleDays, monthly) => `Frais au prorata : ${days} jours sur ${cycleDays} à ${monthly} par mois`,
    creditName: (name) => `${name} – crédit au prorata`,
    chargeName: (name) => `${name} – frais au prorata`,
  },
  en: {
    monthly: 'Monthly charge',
    credit: (days, cycleDays, monthly) => `Prorated credit: ${days} of ${cycleDays} days unused at ${monthly} a month`,
    charge: (days, cycleDays, monthly) => `Prorated charge: ${days} of ${cycleDays} days at ${monthly} a month`,
    creditName: (name) => `${name} – prorated credit`,
    chargeName: (name) => `${name} – prorated charge`,
  },
};

function dollars(cents: number, lang: 'fr' | 'en'): string {
  const text = (cents / 100).toFixed(2);
  return lang === 'fr' ? `${text.replace('.', ',')} $` : `$${text}`;
}

export interface AccountFacts {
  id: string;
  province: Province;
}

export interface LatestBill {
  id: string;
  billDate: string;
  amountDueCents: number;
}

interface FeeLine {
  name: string;
  description: string;
  productId: string | null;
  productName: string | null;
  amountCents: number;
  taxed: number;
}

export interface BillOnDemandDeps {
  db: SandboxDatabase;
  inventory: InventoryStore;
  orders: OrderStore;
  now: Date;
}

function prorationLines(item: OrderItemRow, cycle: Cycle, lang: 'fr' | 'en'): DraftLine[] {
  const words = WORDING[lang];
  const day = new Date(item.effectiveDate).getUTCDate();
  const days = cycle.days - day + 1;
  const section: BillSection = item.isAddOn ? 'addOns' : 'serviceCharges';
  const base = { rateType: PRORATION_RATE_TYPE, section, productId: item.productId, start: item.effectiveDate, end: cycle.end, taxable: true };
  const lines: DraftLine[] = [];
  if (item.oldPriceCents !== null && item.oldName !== null) {
    lines.push({
      ...base,
      name: words.creditName(item.oldName),
      description: words.credit(days, cycle.days, dollars(item.oldPriceCents, lang)),
      productName: item.oldName,
      amountCents: -prorate(item.oldPriceCents, days, cycle.days),
    });
  }
  if (item.newPriceCents !== null && item.newName !== null) {
    lines.push({
      ...base,
      name: words.chargeName(item.newName),
      description: words.charge(days, cycle.days, dollars(item.newPriceCents, lang)),
      productName: item.newName,
      amountCents: prorate(item.newPriceCents, days, cycle.days),
    });
  }
  return lines;
}

/** The lines of the cycle's bill, in bill order: services, add-ons, fees, then prorations by date. */
export function draftLines(deps: BillOnDemandDeps, account: AccountFacts, cycle: Cycle, latest: LatestBill | undefined): DraftLine[] {
  // No client asked: the document's default language for the account's province.
  const lang = documentLang(undefined, account.province);
  const items = deps.orders.completedItemsBetween(account.id, cycle.start, cycle.end);
  const added = new Set(items.filter((i) => i.action === 'add').map((i) => i.productId));
  const firstChange = new Map<string, OrderItemRow>();
  for (const item of items) if (!firstChange.has(item.productId)) firstChange.set(item.productId, item);

  const held = deps.inventory
    .ofAccount(account.id)
    .filter((p) => p.startDate <= cycle.start && !added.has(p.id) && (p.terminationDate === null || p.terminationDate >= cycle.start));
  const lines: DraftLine[] = held.map((product) => {
    const before = firstChange.get(product.id);
    const name = before?.oldName ?? product.name;
    return {
      rateType: 'recurringCharge',
      section: product.isAddOn ? 'addOns' : 'serviceCharges',
      name,
      description: WORDING[lang].monthly,
      productId: product.id,
      productName: name,
      start: cycle.start,
      end: cycle.end,
      amountCents: before?.oldPriceCents ?? product.priceCents ?? 0,
      taxable: true,
    };
  });
  // Services before add-ons, each in the order the last bill listed them.
  const lastOrder = latest ? productIdsInBillOrder(deps, latest.id) : [];
  const rank = (line: DraftLine) => {
    const at = lastOrder.indexOf(line.productId ?? '');
    return (line.section === 'addOns' ? 1000 : 0) + (at < 0 ? 999 : at);
  };
  lines.sort((a, b) => rank(a) - rank(b));
  if (latest) {
    const fees = deps.db
      .prepare<[string], FeeLine>(
        `SELECT r.name, r.description, r.product_id AS productId, r.product_name AS productName, r.tax_excluded_cents AS amountCents,
                EXISTS (SELECT 1 FROM applied_billing_rate_tax t WHERE t.rate_id = r.id) AS taxed
           FROM applied_billing_rate r WHERE r.bill_id = ? AND r.bill_section = 'fees' AND r.rate_type = 'recurringCharge' ORDER BY r.seq`,
      )
      .all(latest.id);
    for (const fee of fees) {
      lines.push({ rateType: 'recurringCharge', section: 'fees', ...fee, start: cycle.start, end: cycle.end, taxable: fee.taxed === 1 });
    }
  }
  for (const item of items) lines.push(...prorationLines(item, cycle, lang));
  return lines;
}

/** Product ids in the order of a bill's line items. */
function productIdsInBillOrder(deps: BillOnDemandDeps, billId: string): string[] {
  return deps.db
    .prepare<[string], { productId: string }>(
      'SELECT product_id AS productId FROM applied_billing_rate WHERE bill_id = ? AND product_id IS NOT NULL ORDER BY seq',
    )
    .all(billId)
    .map((row) => row.productId);
}

/** Produces (or produces again) the account's bill for the current cycle; returns its id. */
export function produceBillOnDemand(deps: BillOnDemandDeps, accountId: string): string {
  const { db } = deps;
  const account = db.prepare<[string], AccountFacts>('SELECT id, province FROM billing_account WHERE id = ?').get(accountId);
  if (!account) throw new TmfError(404, `No billingAccount with id "${accountId}"`);
  const cycle = cycleOf(deps.now);
  const accountNo = accountId.replace(/^BA-/, '');
  const billMonth = addMonths(cycle.month, 1);
  const billId = `CB-${accountNo}-${monthLabel(billMonth, '')}`;
  const billDate = deps.now.toISOString();

  return db
    .transaction(() => {
      const existing = db.prepare<[string], { state: string }>('SELECT state FROM customer_bill WHERE id = ?').get(billId);
      if (existing && existing.state !== 'new') {
        throw new TmfError(409, `The bill of this cycle (${billId}) is already ${existing.state}; it can no longer be produced again`);
      }
      if (existing) deleteBill(db, billId);
      const latest = db
        .prepare<[string, string], LatestBill>(
          `SELECT id, bill_date AS billDate, amount_due_cents AS amountDueCents FROM customer_bill
            WHERE billing_account_id = ? AND period_start < ? ORDER BY bill_date DESC, id DESC LIMIT 1`,
        )
        .get(accountId, cycle.start);
      const lines = draftLines(deps, account, cycle, latest);
      const taxes = computeBillTaxes(
        lines.map((l) => ({ taxExcludedCents: l.amountCents, taxable: l.taxable })),
        SALES_TAXES[account.province],
      );
      const received = latest
        ? db
            .prepare<[string, string, string], { id: string; amountCents: number }>(
              'SELECT id, amount_cents AS amountCents FROM payment WHERE billing_account_id = ? AND payment_date >= ? AND payment_date <= ? ORDER BY payment_date, id',
            )
            .all(accountId, latest.billDate, billDate)
        : [];
      const taxExcluded = lines.reduce((sum, l) => sum + l.amountCents, 0);
      const taxIncluded = taxExcluded + taxes.items.reduce((sum, t) => sum + t.amountCents, 0);
      const previousBalance = latest?.amountDueCents ?? 0;
      const amountDue = previousBalance - received.reduce((sum, p) => sum + p.amountCents, 0) + taxIncluded;

      db.prepare(
        `INSERT INTO customer_bill (id, billing_account_id, bill_no, bill_date, period_start, period_end, payment_due_date, next_bill_date,
           category, run_type, state, currency, tax_excluded_cents, tax_included_cents, previous_balance_cents, amount_due_cents,
           remaining_cents, last_update)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'normal', 'offCycle', 'new', 'CAD', ?, ?, ?, ?, ?, ?)`,
      ).run(
        billId,
        accountId,
        `${monthLabel(billMonth)}-${accountNo}`,
        billDate,
        cycle.start,
        cycle.end,
        addDays(billDate, DUE_DAYS),
        noonUtc(billMonth, 1),
        taxExcluded,
        taxIncluded,
        previousBalance,
        amountDue,
        taxIncluded,
        billDate,
      );
      const taxItem = db.prepare('INSERT INTO bill_tax_item (bill_id, seq, tax_category, tax_rate, tax_cents) VALUES (?, ?, ?, ?, ?)');
      taxes.items.forEach((item, i) => taxItem.run(billId, i + 1, item.rate.category, item.rate.rate, item.amountCents));
      const rate = db.prepare(
        `INSERT INTO applied_billing_rate (id, bill_id, billing_account_id, seq, rate_type, bill_section, name, description,
           product_id, product_name, period_start, period_end, date, currency, tax_excluded_cents, tax_included_cents)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CAD', ?, ?)`,
      );
      const rateTax = db.prepare('INSERT INTO applied_billing_rate_tax (rate_id, seq, tax_category, tax_rate, tax_cents) VALUES (?, ?, ?, ?, ?)');
      lines.forEach((line, i) => {
        const id = `ACBR-${accountNo}-${monthLabel(billMonth, '')}-${String(i + 1).padStart(2, '0')}`;
        const lineTaxes = taxes.perLine[i] ?? [];
        const included = line.amountCents + lineTaxes.reduce((sum, t) => sum + t.amountCents, 0);
        rate.run(
          id,
          billId,
          accountId,
          i + 1,
          line.rateType,
          line.section,
          line.name,
          line.description,
          line.productId,
          line.productName,
          line.start,
          line.end,
          billDate,
          line.amountCents,
          included,
        );
        lineTaxes.forEach((tax, j) => rateTax.run(id, j + 1, tax.rate.category, tax.rate.rate, tax.amountCents));
      });
      const link = db.prepare('INSERT INTO bill_payment_received (bill_id, payment_id) VALUES (?, ?)');
      for (const payment of received) link.run(billId, payment.id);
      return billId;
    })
    .immediate();
}

export function deleteBill(db: SandboxDatabase, billId: string): void {
  db.prepare('DELETE FROM applied_billing_rate_tax WHERE rate_id IN (SELECT id FROM applied_billing_rate WHERE bill_id = ?)').run(billId);
  db.prepare('DELETE FROM applied_billing_rate WHERE bill_id = ?').run(billId);
  db.prepare('DELETE FROM bill_tax_item WHERE bill_id = ?').run(billId);
  db.prepare('DELETE FROM bill_payment_received WHERE bill_id = ?').run(billId);
  db.prepare('DELETE FROM payment_allocation WHERE bill_id = ?').run(billId);
  db.prepare('DELETE FROM customer_bill WHERE id = ?').run(billId);
}
