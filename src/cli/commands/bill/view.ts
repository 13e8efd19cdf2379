/**
 * How a bill is shown: the stable JSON document, and the five sections as table or
 * tab-separated rows. Kept apart from the commands so that bulk output can reuse the same shape.
 */
import { type Bill, type BillLine, type BillSections, type BillSummary, billSections } from '../../../domain/bill.js';
import { type Money, negate } from '../../../domain/money.js';
import type { Translate } from '../../../i18n/catalog.js';
import { formatDate, formatPeriod, formatRate, isoDate, moneyJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';

export function billSummaryJson(bill: BillSummary, locale: string) {
  return {
    id: bill.id,
    number: bill.number,
    account: bill.accountId,
    billDate: isoDate(bill.billDate),
    period: { start: isoDate(bill.period.start), end: isoDate(bill.period.end) },
    dueDate: isoDate(bill.dueDate),
    state: bill.state,
    currentCharges: moneyJson(bill.currentCharges, locale),
    totalDue: moneyJson(bill.totalDue, locale),
    remainingAmount: bill.remaining ? moneyJson(bill.remaining, locale) : null,
  };
}

function lineJson(line: BillLine, locale: string) {
  return {
    id: line.id,
    name: line.name,
    description: line.description ?? null,
    kind: line.kind,
    product: line.productId ? { id: line.productId, name: line.productName ?? null } : null,
    amount: moneyJson(line.amount, locale),
  };
}

/** The bill with its five sections; money as integer cents. Field names are a public contract. */
export function billJson(bill: Bill, lines: readonly BillLine[], locale: string) {
  const sections = billSections(bill, lines);
  const money = (value: Money) => moneyJson(value, locale);
  return {
    ...billSummaryJson(bill, locale),
    sections: {
      serviceCharges: {
        lines: sections.serviceCharges.lines.map((line) => lineJson(line, locale)),
        subtotal: money(sections.serviceCharges.subtotal),
      },
      addOns: {
        lines: sections.addOns.lines.map((line) => lineJson(line, locale)),
        subtotal: money(sections.addOns.subtotal),
      },
      taxesAndFees: {
        taxes: sections.taxesAndFees.taxes.map((tax) => ({ category: tax.category, rate: tax.rate, amount: money(tax.amount) })),
        fees: sections.taxesAndFees.fees.map((line) => lineJson(line, locale)),
        subtotal: money(sections.taxesAndFees.subtotal),
      },
      previousBalanceAndPayments: {
        previousBalance: sections.previousBalanceAndPayments.previousBalance ? money(sections.previousBalanceAndPayments.previousBalance) : null,
        payments: sections.previousBalanceAndPayments.payments.map((payment) => ({
          id: payment.id,
          date: isoDate(payment.date) ?? null,
          amount: money(payment.amount),
        })),
        balanceForward: money(sections.previousBalanceAndPayments.balanceForward),
      },
      currentChargesAndTotalDue: {
        currentCharges: money(sections.currentChargesAndTotalDue.currentCharges),
        totalDue: money(sections.currentChargesAndTotalDue.totalDue),
      },
    },
    taxExcludedAmount: money(bill.taxExcluded),
    discrepancy: money(sections.discrepancy),
    /** Totals of the amounts in other currencies than the bill's, which no subtotal includes. */
    otherCurrencies: sections.otherCurrencies.map(money),
  };
}

export type SectionRow = { kind: 'section'; title: string } | { kind: 'item' | 'subtotal' | 'total'; label: string; amount: Money };

/** The five sections as rows, in the order and with the titles of the portal's bill. */
export function sectionRows(bill: Bill, sections: BillSections, t: Translate, locale: string): SectionRow[] {
  const rows: SectionRow[] = [];
  const item = (label: string, amount: Money) => rows.push({ kind: 'item', label: sanitizeCell(label), amount });
  const subtotal = (amount: Money) => rows.push({ kind: 'subtotal', label: t('bill.subtotal'), amount });
  // The same charge on two products (a 9-1-1 fee per phone line) is told apart by the product.
  const lines = [...sections.serviceCharges.lines, ...sections.addOns.lines, ...sections.taxesAndFees.fees];
  const names = lines.map((line) => line.name);
  const repeated = new Set(names.filter((name, index) => names.indexOf(name) !== index));
  const lineLabel = (line: BillLine) => {
    const name = repeated.has(line.name) && line.productName ? `${line.name} – ${line.productName}` : line.name;
    return line.kind === 'credit' ? `${name} (${t('bill.credit')})` : name;
  };

  rows.push({ kind: 'section', title: t('bill.section.serviceCharges') });
  for (const line of sections.serviceCharges.lines) item(lineLabel(line), line.amount);
  subtotal(sections.serviceCharges.subtotal);

  rows.push({ kind: 'section', title: t('bill.section.addOns') });
  if (sections.addOns.lines.length === 0) rows.push({ kind: 'item', label: t('bill.none'), amount: { amount: 0, currency: bill.totalDue.currency } });
  for (const line of sections.addOns.lines) item(lineLabel(line), line.amount);
  subtotal(sections.addOns.subtotal);

  rows.push({ kind: 'section', title: t('bill.section.taxesAndFees') });
  for (const tax of sections.taxesAndFees.taxes) item(`${taxName(tax.category, t)} (${formatRate(tax.rate, locale)})`, tax.amount);
  for (const line of sections.taxesAndFees.fees) item(lineLabel(line), line.amount);
  subtotal(sections.taxesAndFees.subtotal);

  rows.push({ kind: 'section', title: t('bill.section.previousBalance') });
  const balance = sections.previousBalanceAndPayments;
  if (balance.previousBalance) item(t('bill.previousBalance'), balance.previousBalance);
  for (const payment of balance.payments) {
    item(t('bill.paymentReceived', { date: formatDate(payment.date, locale) }), negate(payment.amount));
  }
  rows.push({ kind: 'subtotal', label: t('bill.balanceForward'), amount: balance.balanceForward });

  rows.push({ kind: 'section', title: t('bill.section.total') });
  item(t('bill.currentCharges'), sections.currentChargesAndTotalDue.currentCharges);
  rows.push({ kind: 'total', label: t('bill.totalDue'), amount: sections.currentChargesAndTotalDue.totalDue });
  return rows;
}

/** The heading above the sections: number, dates, status. */
export function billHeading(bill: Bill, t: Translate, locale: string): string[] {
  return [
    t('bill.heading', { number: sanitizeCell(bill.number), date: formatDate(bill.billDate, locale) }),
    t('bill.headingPeriod', { period: formatPeriod(bill.period.start, bill.period.end, locale) }),
    t('bill.headingDue', { date: formatDate(bill.dueDate, locale), state: stateLabel(bill.state, t) }),
  ];
}

/** Canada's sales taxes by their name in the user's language (TPS/TVQ/TVH in French). */
export function taxName(category: string, t: Translate): string {
  switch (category) {
    case 'GST':
    case 'QST':
    case 'HST':
    case 'PST':
      return t(`bill.tax.${category}`);
    default:
      return sanitizeCell(category);
  }
}

export function stateLabel(state: string, t: Translate): string {
  switch (state) {
    case 'new':
    case 'onHold':
    case 'validated':
    case 'sent':
    case 'settled':
    case 'partiallyPaid':
      return t(`bill.state.${state}`);
    default:
      return sanitizeCell(state);
  }
}
