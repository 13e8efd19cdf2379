/**
 * The two bills `bill diff` and `bill explain` compare, with their line items: two named bills
 * (in date order, whichever way they were given), or one bill and the one before it.
 */
import { getBill, getBillLines, listBills } from '../../../api/tmf/customer-bill.js';
import { instantOf } from '../../../api/tmf/checked-list.js';
import type { HttpClient } from '../../../api/http.js';
import type { Bill } from '../../../domain/bill.js';
import type { BillWithLines } from '../../../domain/bill-diff.js';
import { GeneralError, UsageError } from '../../../errors.js';
import { resolveBillId } from './resolve.js';

export interface BillPair {
  older: BillWithLines;
  newer: BillWithLines;
}

async function withLines(api: HttpClient, bill: Bill): Promise<BillWithLines> {
  return { bill, lines: await getBillLines(api, bill.id, bill.totalDue.currency) };
}

/** The id of the account's bill just before `bill`, by bill date. */
async function previousBillId(api: HttpClient, bill: Bill): Promise<string> {
  // Newest first (listBills), compared as instants: servers write dates with different offsets.
  const bills = await listBills(api, { accountId: bill.accountId });
  const at = instantOf(bill.billDate);
  const previous = bills.find((other) => other.id !== bill.id && instantOf(other.billDate) < at);
  if (!previous) throw new GeneralError('bill.diff.noPrevious', { params: { bill: bill.number, account: bill.accountId } });
  return previous.id;
}

/**
 * Comparing two bills subtracts every amount of one from the other: espace does not convert
 * currencies, so a bill in another currency, or with lines, taxes or payments in one, is refused
 * with a message naming it rather than compared wrongly.
 */
function refuseOtherCurrencies(currency: string, pair: readonly BillWithLines[]): void {
  for (const { bill, lines } of pair) {
    const amounts = [
      bill.totalDue,
      ...lines.map((line) => line.amount),
      ...bill.taxes.map((tax) => tax.amount),
      ...bill.paymentsReceived.map((payment) => payment.amount),
    ];
    const other = amounts.find((amount) => amount.currency !== currency);
    if (other) throw new GeneralError('values.compareCurrencies', { params: { bill: bill.number, other: other.currency, currency } });
  }
}

export async function loadBillPair(api: HttpClient, first: string, second: string | undefined, account: string | undefined): Promise<BillPair> {
  const firstBill = await getBill(api, await resolveBillId(api, first, account), account);
  const secondId = second === undefined ? await previousBillId(api, firstBill) : await resolveBillId(api, second, account);
  if (secondId === firstBill.id) throw new UsageError('bill.diff.sameBill');
  const secondBill = await getBill(api, secondId);
  if (secondBill.accountId !== firstBill.accountId) {
    throw new UsageError('bill.diff.otherAccount', { params: { first: firstBill.id, second: secondBill.id } });
  }
  const [older, newer] = secondBill.billDate <= firstBill.billDate ? [secondBill, firstBill] : [firstBill, secondBill];
  const [olderWithLines, newerWithLines] = await Promise.all([withLines(api, older), withLines(api, newer)]);
  refuseOtherCurrencies(newer.totalDue.currency, [olderWithLines, newerWithLines]);
  return { older: olderWithLines, newer: newerWithLines };
}
