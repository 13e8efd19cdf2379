/**
 * How a comparison of two bills is shown: one sentence per change (`bill explain`), the item
 * and section names (`bill diff`), the totals line, and the JSON both commands print.
 */
import type { BillChange, BillDiff, ChangeSection } from '../../../domain/bill-diff.js';
import { type Money, formatMoney, subtract } from '../../../domain/money.js';
import type { Translate } from '../../../i18n/catalog.js';
import { formatRate, isoDate, moneyJson, signedAmount } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { taxName } from './view.js';

/** The item a change is about, as the bill names it. */
export function changeItem(change: BillChange, t: Translate): string {
  switch (change.reason) {
    case 'taxChanged':
    case 'taxRateChanged':
      return taxName(change.label, t);
    case 'previousBalance':
      return t('bill.previousBalance');
    case 'paymentsReceived':
      return t('bill.diff.payments');
    case 'balanceForward':
      return t('bill.balanceForward');
    case 'other':
      return t('bill.diff.section.other');
    default:
      return sanitizeCell(change.label);
  }
}

export function sectionTitle(section: ChangeSection, t: Translate): string {
  switch (section) {
    case 'serviceCharges':
      return t('bill.section.serviceCharges');
    case 'addOns':
      return t('bill.section.addOns');
    case 'taxesAndFees':
      return t('bill.section.taxesAndFees');
    case 'previousBalanceAndPayments':
      return t('bill.section.previousBalance');
    default:
      return t('bill.diff.section.other');
  }
}

const CREDIT_SENTENCES: ReadonlySet<BillChange['reason']> = new Set(['promotionStarted', 'promotionEnded', 'prorationCredit']);

/** The customer's sentence for one change. */
export function explainChange(change: BillChange, t: Translate, locale: string): string {
  // "A credit of $10.00" reads better than "a credit of -$10.00": the sentence already says credit.
  const asCredit = CREDIT_SENTENCES.has(change.reason);
  const amount = (money: Money | undefined) => (money ? formatMoney(asCredit ? { ...money, amount: Math.abs(money.amount) } : money, locale) : '—');
  const rate = (value: number | undefined) => (value === undefined ? '—' : formatRate(value, locale));
  return t(`bill.change.${change.reason}`, {
    name: changeItem(change, t),
    previousName: sanitizeCell(change.previousLabel ?? ''),
    before: amount(change.before),
    after: amount(change.reason === 'other' ? change.effect : change.after),
    rateBefore: rate(change.rateBefore),
    rateAfter: rate(change.rateAfter),
  });
}

/** The line under the heading: both totals and the change. */
export function totalsLine(diff: BillDiff, t: Translate, locale: string): string {
  return t('bill.diff.totals', {
    before: formatMoney(diff.before.totalDue, locale),
    after: formatMoney(diff.after.totalDue, locale),
    change: signedAmount(diff.totalChange, locale),
  });
}

/** Whether the changes account for the whole difference, said in one sentence. */
export function reconciliationLine(diff: BillDiff, t: Translate, locale: string): string {
  if (diff.unexplained.amount === 0) return t('bill.diff.reconciled', { change: signedAmount(diff.totalChange, locale) });
  return t('bill.diff.unreconciled', {
    explained: signedAmount(subtract(diff.totalChange, diff.unexplained), locale),
    change: signedAmount(diff.totalChange, locale),
    other: signedAmount(diff.unexplained, locale),
  });
}

/** The comparison as stable JSON; field names are a public contract. */
export function diffJson(diff: BillDiff, t: Translate, locale: string) {
  const money = (value: Money | undefined) => (value ? moneyJson(value, locale) : null);
  const bill = (side: BillDiff['before']) => ({
    id: side.id,
    number: side.number,
    billDate: isoDate(side.billDate),
    totalDue: moneyJson(side.totalDue, locale),
  });
  return {
    account: diff.after.accountId,
    before: bill(diff.before),
    after: bill(diff.after),
    totalChange: moneyJson(diff.totalChange, locale),
    unexplained: moneyJson(diff.unexplained, locale),
    changes: diff.changes.map((change) => ({
      reason: change.reason,
      section: change.section,
      item: changeItem(change, t),
      ...(change.previousLabel !== undefined ? { previousItem: sanitizeCell(change.previousLabel) } : {}),
      product: change.productId ?? null,
      before: money(change.before),
      after: money(change.after),
      ...(change.rateBefore !== undefined || change.rateAfter !== undefined
        ? { rateBefore: change.rateBefore ?? null, rateAfter: change.rateAfter ?? null }
        : {}),
      effect: moneyJson(change.effect, locale),
      explanation: explainChange(change, t, locale),
    })),
  };
}
