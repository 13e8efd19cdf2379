/**
 * What an account owes, bill by bill: every bill with something remaining on it, overdue bills
 * first (oldest due date first), then the others. Only bills whose server states what remains
 * count: a bill's total due carries the earlier bills' balance forward, so adding totals would
 * count an unpaid bill twice.
 */
import type { HttpClient } from '../../api/http.js';
import { listBills } from '../../api/tmf/customer-bill.js';
import type { BillSummary } from '../../domain/bill.js';
import { type Money, formatMoney } from '../../domain/money.js';
import type { Translate } from '../../i18n/catalog.js';
import { formatDate } from '../../output/formats.js';
import { sanitizeCell } from '../../output/sanitize.js';

export interface OwedBill {
  bill: BillSummary;
  remaining: Money;
  overdue: boolean;
}

export interface Balance {
  /** Overdue first, then by due date. */
  bills: OwedBill[];
  total: Money;
  overdue: Money;
}

/** The account's balance as of `now` (a bill is overdue the day after its due date). */
export async function accountBalance(api: HttpClient, accountId: string, now: Date): Promise<Balance> {
  const today = now.toISOString().slice(0, 10);
  const bills = (await listBills(api, { accountId }))
    .filter((bill) => bill.remaining !== undefined && bill.remaining.amount > 0 && bill.state !== 'settled')
    .map((bill) => ({ bill, remaining: bill.remaining!, overdue: bill.dueDate !== undefined && bill.dueDate.slice(0, 10) < today }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.bill.dueDate ?? a.bill.billDate).localeCompare(b.bill.dueDate ?? b.bill.billDate));
  const currency = bills[0]?.remaining.currency ?? 'CAD';
  // Bills in another currency than the first cannot be added up: they are listed, not summed.
  const sum = (list: OwedBill[]) => list.filter((owed) => owed.remaining.currency === currency).reduce((total, owed) => total + owed.remaining.amount, 0);
  return { bills, total: { amount: sum(bills), currency }, overdue: { amount: sum(bills.filter((owed) => owed.overdue)), currency } };
}

/** The balance as lines for stderr: the totals, then one line per bill. */
export function balanceText(balance: Balance, accountId: string, t: Translate, locale: string): string {
  const head =
    balance.overdue.amount > 0
      ? t('pay.balance.withOverdue', { account: accountId, total: formatMoney(balance.total, locale), overdue: formatMoney(balance.overdue, locale) })
      : t('pay.balance.total', { account: accountId, total: formatMoney(balance.total, locale) });
  const width = Math.max(...balance.bills.map((owed) => sanitizeCell(owed.bill.id).length));
  const lines = balance.bills.map(
    ({ bill, remaining, overdue }) =>
      `  ${sanitizeCell(bill.id).padEnd(width)}  ${t('pay.balance.due', { date: formatDate(bill.dueDate, locale) })}  ${formatMoney(remaining, locale).padStart(12)}${overdue ? `  ${t('pay.balance.overdue')}` : ''}`,
  );
  return `${head}\n${lines.join('\n')}\n`;
}
