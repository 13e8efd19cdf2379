/**
 * The monthly bill run of one account on its cycle date (the 1st, as the seeded bills): a bill
 * `onCycle`, `sent`, covering the month before. Its lines are those of a bill on demand (every
 * product held at the start of the cycle, the recurring fees of the last bill, prorations of the
 * plan changes and add-ons completed during the cycle; plan/bill-on-demand.ts), then mobile data
 * used beyond the plan's allowance, then a late-payment charge on what was still unpaid of the last
 * bill; taxes as the seeded ledger computes them. A preview the customer produced on demand for the
 * same cycle is replaced by the issued bill.
 */
import { computeBillTaxes, roundHalfUp, SALES_TAXES, type Province } from '../billing/taxes.js';
import { addDays, addMonths, monthLabel, noonUtc, type YearMonth } from '../dates.js';
import type { SandboxDatabase } from '../db.js';
import { documentLang, type DocumentLang } from '../billing/document/bill-labels.js';
import { deleteBill, draftLines, type DraftLine, type LatestBill } from '../plan/bill-on-demand.js';
import { offeringById } from '../plan/catalog.js';
import type { InventoryStore } from '../plan/inventory.js';
import type { OrderStore } from '../plan/orders.js';
import { cycleOf, type Cycle } from '../plan/proration.js';
import { usageRecords } from '../plan/usage.js';

/**
 * The late-payment charge: 2 % of the balance of the last bill still unpaid at the next bill date
 * (the rate of the seeded overdue accounts), rounded half-up to the cent; not a taxable supply.
 */
export const LATE_FEE = { numerator: 2, denominator: 100 } as const;

const LATE_FEE_WORDS: Record<DocumentLang, { name: string; description: string }> = {
  fr: { name: 'Frais de retard', description: 'Frais d’administration de 2 % sur le solde impayé reporté' },
  en: { name: 'Late payment charge', description: '2% charge on the unpaid balance carried forward' },
};

export interface BillRunDeps {
  db: SandboxDatabase;
  inventory: InventoryStore;
  orders: OrderStore;
}

interface AccountRow {
  id: string;
  province: Province;
  dueDays: number;
}

export interface IssuedBill {
  billId: string;
  billNo: string;
  amountDueCents: number;
  taxIncludedCents: number;
  lateFeeCents: number;
}

/** Bill id of an account's bill dated in `billMonth` (the seed's scheme). */
function cycleBillId(accountId: string, billMonth: YearMonth): string {
  return `CB-${accountId.replace(/^BA-/, '')}-${monthLabel(billMonth, '')}`;
}

/** The cycle date that follows a bill date: the 1st of the next month, 12:00 UTC. */
export function nextCycleDate(billDate: string): string {
  const at = new Date(billDate);
  return noonUtc(addMonths({ year: at.getUTCFullYear(), month: at.getUTCMonth() + 1 }, 1), 1);
}

/** Mobile data beyond each mobile plan's allowance over the cycle, one usage line per product. */
function overageLines(deps: BillRunDeps, accountId: string, cycle: Cycle, lang: DocumentLang): DraftLine[] {
  const mobiles = deps.inventory.ofAccount(accountId).filter((p) => p.productType === 'mobile' && p.offeringId !== null);
  const lines: DraftLine[] = [];
  for (const product of mobiles) {
    const offering = offeringById(product.offeringId!);
    const allowanceGb = offering?.allowances?.dataGb;
    const rate = offering?.dataOverageCentsPerGb;
    if (!offering || allowanceGb === undefined || rate === undefined) continue;
    const usedMb = usageRecords([product], cycle.start, cycle.end)
      .filter((r) => r.type === 'mobileData')
      .reduce((sum, r) => sum + r.quantity, 0);
    const overMb = usedMb - allowanceGb * 1000;
    if (overMb <= 0) continue;
    // Each GB or part of a GB above the allowance is charged.
    const gb = Math.ceil(overMb / 1000);
    const price = (rate / 100).toFixed(2);
    lines.push({
      rateType: 'usageCharge',
      section: 'addOns',
      name: lang === 'fr' ? `Dépassement de données mobiles – ${gb} Go` : `Data overage – ${gb} GB`,
      description:
        lang === 'fr' ? `Utilisation au-delà de ${allowanceGb} Go (${price.replace('.', ',')} $ par Go)` : `Usage above ${allowanceGb} GB ($${price} per GB)`,
      productId: product.id,
      productName: product.name,
      start: cycle.start,
      end: cycle.end,
      amountCents: gb * rate,
      taxable: true,
    });
  }
  return lines;
}

/**
 * Issues the account's bill dated `billDate` (a cycle date). Call it inside the event's
 * transaction. Returns what was issued.
 */
export function issueCycleBill(deps: BillRunDeps, accountId: string, billDate: string): IssuedBill {
  const { db } = deps;
  const account = db.prepare<[string], AccountRow>('SELECT id, province, payment_due_days AS dueDays FROM billing_account WHERE id = ?').get(accountId);
  if (!account) throw new Error(`no billing account ${accountId}`);
  const lang = documentLang(undefined, account.province);
  // The bill of the 1st covers the month before it.
  const cycle = cycleOf(new Date(Date.parse(billDate) - 86_400_000));
  const billMonth = addMonths(cycle.month, 1);
  const billId = cycleBillId(accountId, billMonth);
  const accountNo = accountId.replace(/^BA-/, '');

  const preview = db.prepare<[string], { state: string; runType: string }>('SELECT state, run_type AS runType FROM customer_bill WHERE id = ?').get(billId);
  if (preview) {
    if (preview.state !== 'new') throw new Error(`bill ${billId} is already issued`);
    deleteBill(db, billId);
  }
  const latest = db
    .prepare<[string, string], LatestBill & { dueDate: string }>(
      `SELECT id, bill_date AS billDate, amount_due_cents AS amountDueCents, payment_due_date AS dueDate FROM customer_bill
        WHERE billing_account_id = ? AND bill_date < ? AND NOT (state = 'new' AND run_type = 'offCycle')
        ORDER BY bill_date DESC, id DESC LIMIT 1`,
    )
    .get(accountId, billDate);
  const received = latest
    ? db
        .prepare<[string, string, string], { id: string; amountCents: number }>(
          `SELECT id, amount_cents AS amountCents FROM payment WHERE billing_account_id = ? AND status = 'succeeded'
            AND payment_date >= ? AND payment_date < ? ORDER BY payment_date, id`,
        )
        .all(accountId, latest.billDate, billDate)
    : [];
  const receivedCents = received.reduce((sum, p) => sum + p.amountCents, 0);
  const previousBalance = latest?.amountDueCents ?? 0;
  const carried = previousBalance - receivedCents;

  const lines = draftLines({ ...deps, now: new Date(billDate) }, account, cycle, latest);
  lines.push(...overageLines(deps, accountId, cycle, lang));
  let lateFeeCents = 0;
  if (latest && carried > 0 && latest.dueDate < billDate) {
    lateFeeCents = roundHalfUp(carried * LATE_FEE.numerator, LATE_FEE.denominator);
    lines.push({
      rateType: 'appliedPenaltyCharge',
      section: 'fees',
      ...LATE_FEE_WORDS[lang],
      productId: null,
      productName: null,
      start: cycle.start,
      end: cycle.end,
      amountCents: lateFeeCents,
      taxable: false,
    });
  }
  const taxes = computeBillTaxes(
    lines.map((l) => ({ taxExcludedCents: l.amountCents, taxable: l.taxable })),
    SALES_TAXES[account.province],
  );
  const taxExcluded = lines.reduce((sum, l) => sum + l.amountCents, 0);
  const taxIncluded = taxExcluded + taxes.items.reduce((sum, t) => sum + t.amountCents, 0);
  const amountDue = carried + taxIncluded;
  const billNo = `${monthLabel(billMonth)}-${accountNo}`;

  db.prepare(
    `INSERT INTO customer_bill (id, billing_account_id, bill_no, bill_date, period_start, period_end, payment_due_date, next_bill_date,
       category, run_type, state, currency, tax_excluded_cents, tax_included_cents, previous_balance_cents, amount_due_cents,
       remaining_cents, last_update)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'normal', 'onCycle', 'sent', 'CAD', ?, ?, ?, ?, ?, ?)`,
  ).run(
    billId,
    accountId,
    billNo,
    billDate,
    cycle.start,
    cycle.end,
    addDays(billDate, account.dueDays),
    nextCycleDate(billDate),
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
  return { billId, billNo, amountDueCents: amountDue, taxIncludedCents: taxIncluded, lateFeeCents };
}
