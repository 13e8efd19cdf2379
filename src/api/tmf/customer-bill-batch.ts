/**
 * TMF678 reads for many accounts at once, for bulk `bill show`: TMF630 lets a filter take several
 * comma-separated values (OR), so the latest bills of 100 accounts and their line items take two
 * requests instead of three hundred.
 *
 * Each answer is checked against what was asked: a server that ignores a filter it does not
 * know (TMF630 does not say it must refuse one) would otherwise hand back other accounts' bills.
 * Such an answer throws IgnoredFilterError, and the caller reads those accounts one by one.
 */
import type { Bill, BillLine, BillSummary } from '../../domain/bill.js';
import { IgnoredFilterError } from '../errors.js';
import type { HttpClient } from '../http.js';
import { newestFirst } from './checked-list.js';
import { TmfRef, listAll } from './common.js';
import {
  AppliedCustomerBillingRate,
  CustomerBill,
  addOnProductsOf,
  byId,
  isUnissuedOnDemand,
  toBill,
  toBillLine,
  toBillSummary,
  withOneCurrency,
} from './customer-bill.js';
import { TMF } from './paths.js';

/** The most a TMF630 server is asked for in one page; the sandbox's own maximum. */
const PAGE_SIZE = 1000;

/**
 * How far back a batch looks for each account's latest bill: a monthly cycle and a few days, so
 * that a bill issued late still falls inside while the batch reads one or two bills per account,
 * not years of them. Each further bill wanted adds a cycle.
 */
const LATEST_BILL_DAYS = 35;
const CYCLE_DAYS = 31;
const DAY_MS = 86_400_000;

/** The `since` (YYYY-MM-DD) of a batch looked up at `now` for each account's latest `count` bills. */
export function sinceForLatestBills(now: Date, count = 1): string {
  const days = LATEST_BILL_DAYS + (count - 1) * CYCLE_DAYS;
  return new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Only the attributes the CLI reads (TMF630 `fields`): a server that honours it sends and builds
 * about half as much (no document links, no payment allocations, no per-line taxes); one that
 * does not sends everything, which parses the same.
 */
const BILL_FIELDS = Object.keys(CustomerBill.shape).join(',');
const RATE_FIELDS = [...Object.keys(AppliedCustomerBillingRate.shape), 'bill'].join(',');

/** A bill of a batch names its account; a line names its bill (bench/record-cost.ts times them too). */
export const BillOfAccount = CustomerBill.extend({ billingAccount: TmfRef });
export const RateOfBill = AppliedCustomerBillingRate.extend({ bill: TmfRef.optional() });

/**
 * Made once: zod compiles an object schema's checks into a function on its first parse, so a
 * schema made anew for every batch would be compiled (and run cold) again for every batch.
 */
const CheckedBillOfAccount = withOneCurrency(BillOfAccount);

/**
 * The latest bill of each account that has one dated on or after `since` (YYYY-MM-DD), by account.
 * An account missing from the map has no bill that recent, or is not the caller's to read: only a
 * lookup of that account alone can tell which.
 */
export async function latestBillsSince(client: HttpClient, accountIds: readonly string[], since: string): Promise<Map<string, Bill>> {
  const recent = await recentBillsByAccount(client, accountIds, { since });
  // The same rule as the single lookup (latestBillId): the first bill of the latest date wins.
  return new Map([...recent].map(([account, bills]) => [account, toBill(bills[0]!)]));
}

/** The line items of each of these bills, in the order of their ids; a bill without any maps to []. */
export async function getLinesOfBills(client: HttpClient, billIds: readonly string[], currency: string): Promise<Map<string, BillLine[]>> {
  const rates = await listAll(client, TMF.appliedCustomerBillingRate, RateOfBill, 'AppliedCustomerBillingRate', {
    query: { 'bill.id': billIds.join(','), fields: RATE_FIELDS },
    pageSize: PAGE_SIZE,
  });
  const lines = new Map<string, BillLine[]>(billIds.map((id) => [id, []]));
  // A line that does not name its bill cannot be given to one.
  for (const rate of rates) if (!rate.bill || !lines.has(rate.bill.id)) throw new IgnoredFilterError('bill.id');
  const addOns = await addOnProductsOf(client, rates);
  for (const rate of byId(rates)) lines.get(rate.bill!.id)!.push(toBillLine(rate, currency, addOns));
  return lines;
}

/**
 * The latest `limit` bills (in `state`, when given) of each account that has at least that many
 * dated on or after `since`, most recent first, by account: those are its latest overall. An
 * account missing from the map has fewer in the window (it may have older ones), or none the
 * caller may read: only a lookup of that account alone can tell.
 */
export async function latestBillsOfAccounts(
  client: HttpClient,
  accountIds: readonly string[],
  { since, state, limit }: { since: string; state?: string; limit: number },
): Promise<Map<string, BillSummary[]>> {
  const recent = await recentBillsByAccount(client, accountIds, { since, state });
  const latest = new Map<string, BillSummary[]>();
  for (const [account, bills] of recent) if (bills.length >= limit) latest.set(account, bills.slice(0, limit).map(toBillSummary));
  return latest;
}

/**
 * The bills of these accounts dated on or after `since` (and in `state`, when given), by account,
 * latest first; among bills of one date the server's order stays, as the single lookups keep it.
 * A bill the filters exclude means the server ignored one: IgnoredFilterError.
 */
async function recentBillsByAccount(
  client: HttpClient,
  accountIds: readonly string[],
  { since, state }: { since: string; state?: string },
): Promise<Map<string, CustomerBill[]>> {
  const bills = await listAll(client, TMF.customerBill, CheckedBillOfAccount, 'CustomerBill', {
    query: { 'billingAccount.id': accountIds.join(','), 'billDate.gte': since, state, fields: BILL_FIELDS, sort: '-billDate' },
    pageSize: PAGE_SIZE,
  });
  const wanted = new Set(accountIds);
  const sinceMs = Date.parse(`${since}T00:00:00Z`);
  const byAccount = new Map<string, CustomerBill[]>();
  for (const bill of bills) {
    const account = bill.billingAccount.id;
    if (!wanted.has(account)) throw new IgnoredFilterError('billingAccount.id');
    if (Date.parse(bill.billDate) < sinceMs) throw new IgnoredFilterError('billDate.gte');
    if (state !== undefined && bill.state !== state) throw new IgnoredFilterError('state');
    // A preview of the next bill is not one of the account's bills, as in the single lookups.
    if (isUnissuedOnDemand(bill)) continue;
    const list = byAccount.get(account);
    if (list) list.push(bill);
    else byAccount.set(account, [bill]);
  }
  // Stable sorts by instant (not by text: servers write offsets differently): a server that does
  // not honour `sort` gets the same answer as one that does.
  for (const [account, list] of byAccount)
    byAccount.set(
      account,
      newestFirst(list, (bill) => bill.billDate),
    );
  return byAccount;
}
