/**
 * The one-line summary of a billing account (`account show`, and its bulk mode): holder,
 * services, balance, the last bill, autopay and open tickets. The account and its autopay setting
 * come from the billingAccount (TMF666), the rest from the bills (TMF678) and the tickets
 * (TMF621). Alone, that is four requests; in bulk, four for a whole batch of accounts.
 */
import type { HttpClient } from '../../../api/http.js';
import { accountIn } from '../../../api/tmf/billing-account.js';
import { getAccountsWithAutopay } from '../../../api/tmf/billing-account-batch.js';
import { getBillLines, listBills } from '../../../api/tmf/customer-bill.js';
import { getLinesOfBills, latestBillsSince, sinceForLatestBills } from '../../../api/tmf/customer-bill-batch.js';
import { billingAccountPath } from '../../../api/tmf/paths.js';
import { autopayIn } from '../../../api/tmf/payment.js';
import { listTickets } from '../../../api/tmf/trouble-ticket.js';
import { countTicketsOfAccounts } from '../../../api/tmf/trouble-ticket-batch.js';
import type { BulkCommand } from '../../../bulk/types.js';
import type { Account } from '../../../domain/account.js';
import type { BillLine, BillSummary } from '../../../domain/bill.js';
import { OPEN_STATUSES } from '../../../domain/ticket.js';
import { type MoneyJson, isoDate, moneyJson } from '../../../output/formats.js';

export interface AccountSummary {
  account: string;
  name: string;
  holder: string | null;
  state: string | null;
  paymentStatus: string | null;
  /** Names of the products billed on the last bill's recurring charges. */
  services: string[];
  balance: MoneyJson | null;
  overdue: MoneyJson | null;
  lastBill: { id: string; billDate: string | null; totalDue: MoneyJson; state: string } | null;
  /** Whether bills are paid automatically. */
  autopay: boolean;
  /** Tickets still being worked on: not resolved, closed, cancelled or rejected. */
  openTickets: number;
}

/** What a summary is made of, however it was read. */
interface SummaryParts {
  account: Account;
  autopay: boolean;
  lastBill: BillSummary | undefined;
  /** The last bill's lines ([] without a last bill). */
  lines: readonly BillLine[];
  openTickets: number;
}

export async function accountSummary(api: HttpClient, accountId: string, locale: string): Promise<AccountSummary> {
  const path = billingAccountPath(accountId);
  const [accountResponse, bills, openTickets] = await Promise.all([
    api.get(path),
    listBills(api, { accountId, limit: 1 }),
    listTickets(api, { accountId, statuses: OPEN_STATUSES }),
  ]);
  const account = accountIn(accountResponse, path);
  const lastBill = bills[0];
  const lines = lastBill ? await getBillLines(api, lastBill.id, lastBill.totalDue.currency) : [];
  return summaryOf({ account, autopay: autopayIn(accountResponse, path).enabled, lastBill, lines, openTickets: openTickets.length }, locale);
}

function summaryOf({ account, autopay, lastBill, lines, openTickets }: SummaryParts, locale: string): AccountSummary {
  const services = [...new Set(lines.filter((line) => line.kind === 'recurring' && line.productName).map((line) => line.productName!))];
  return {
    account: account.id,
    name: account.name,
    holder: account.holder ?? null,
    state: account.state ?? null,
    paymentStatus: account.paymentStatus ?? null,
    services,
    balance: account.balance ? moneyJson(account.balance, locale) : null,
    overdue: account.overdue ? moneyJson(account.overdue, locale) : null,
    lastBill: lastBill
      ? { id: lastBill.id, billDate: isoDate(lastBill.billDate) ?? null, totalDue: moneyJson(lastBill.totalDue, locale), state: lastBill.state }
      : null,
    autopay,
    openTickets,
  };
}

/**
 * Summaries of a batch of accounts: the accounts with their autopay setting, their recent bills and
 * their open tickets in three requests at once, then the latest bills' lines in a fourth. An
 * account left out (unknown, not the caller's, or without a bill in the window) is summarised on
 * its own, which tells those apart.
 */
async function accountSummaries(api: HttpClient, accountIds: readonly string[], locale: string, now: Date): Promise<Map<string, AccountSummary>> {
  const [accounts, latest, openTickets] = await Promise.all([
    getAccountsWithAutopay(api, accountIds),
    latestBillsSince(api, accountIds, sinceForLatestBills(now)),
    countTicketsOfAccounts(api, accountIds, OPEN_STATUSES),
  ]);
  const summaries = new Map<string, AccountSummary>();
  const complete = [...latest].filter(([id]) => accounts.has(id));
  if (complete.length === 0) return summaries;
  const lines = await getLinesOfBills(
    api,
    complete.map(([, bill]) => bill.id),
    'CAD',
  );
  for (const [id, lastBill] of complete) {
    const { account, autopay } = accounts.get(id)!;
    summaries.set(
      id,
      summaryOf({ account, autopay: autopay.enabled, lastBill, lines: lines.get(lastBill.id) ?? [], openTickets: openTickets.get(id) ?? 0 }, locale),
    );
  }
  return summaries;
}

export const accountShowBulk: BulkCommand<AccountShowOptions> = {
  lookup: (account, _options, { api, locale }) => accountSummary(api, account, locale),
  lookupBatch: (accounts, _options, { api, locale, clock }) => accountSummaries(api, accounts, locale, clock()),
  csvFields: [
    'account',
    'ok',
    'data.holder',
    'data.services',
    'data.balance.amount',
    'data.overdue.amount',
    'data.lastBill.id',
    'data.lastBill.totalDue.amount',
    'data.autopay',
    'data.openTickets',
    'error.code',
    'error.status',
  ],
};

export interface AccountShowOptions {
  account?: string;
}
