/**
 * The one-line summary of a billing account (`account show`, and its bulk mode): holder,
 * services, balance, the last bill, autopay and open tickets. Autopay and open tickets come from
 * other APIs: they join through SUMMARY_EXTENSIONS, each adding its own fields.
 */
import type { HttpClient } from '../../../api/http.js';
import { getAccount } from '../../../api/tmf/billing-account.js';
import { getBillLines, listBills } from '../../../api/tmf/customer-bill.js';
import { getAutopay } from '../../../api/tmf/payment.js';
import { listTickets } from '../../../api/tmf/trouble-ticket.js';
import type { BulkCommand } from '../../../bulk/types.js';
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
  /** Added by SUMMARY_EXTENSIONS: whether bills are paid automatically. */
  autopay?: boolean;
  /** Added by SUMMARY_EXTENSIONS: tickets still being worked on. */
  openTickets?: number;
  [extension: string]: unknown;
}

/** Adds fields to a summary from another API (given the account id); failures fail the summary. */
export type SummaryExtension = (account: string, api: HttpClient, locale: string) => Promise<Record<string, unknown>>;

/** The fields that need other APIs, each from its own: autopay (payments), open tickets (support). */
export const SUMMARY_EXTENSIONS: SummaryExtension[] = [
  async (account, api) => ({ autopay: (await getAutopay(api, account)).enabled }),
  // Open: still being worked on, i.e. not resolved, closed, cancelled or rejected.
  async (account, api) => ({ openTickets: (await listTickets(api, { accountId: account, statuses: OPEN_STATUSES })).length }),
];

export async function accountSummary(api: HttpClient, accountId: string, locale: string): Promise<AccountSummary> {
  const [account, bills, ...extensions] = await Promise.all([
    getAccount(api, accountId),
    listBills(api, { accountId, limit: 1 }),
    ...SUMMARY_EXTENSIONS.map((extension) => extension(accountId, api, locale)),
  ]);
  const last = bills[0];
  const lines = last ? await getBillLines(api, last.id, last.totalDue.currency) : [];
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
    lastBill: last
      ? { id: last.id, billDate: isoDate(last.billDate) ?? null, totalDue: moneyJson(last.totalDue, locale), state: last.state }
      : null,
    ...Object.assign({}, ...extensions),
  };
}

export const accountShowBulk: BulkCommand<AccountShowOptions> = {
  lookup: (account, _options, { api, locale }) => accountSummary(api, account, locale),
  csvFields: ['account', 'ok', 'data.holder', 'data.services', 'data.balance.amount', 'data.overdue.amount', 'data.lastBill.id', 'data.lastBill.totalDue.amount', 'data.autopay', 'data.openTickets', 'error.code', 'error.status'],
};

export interface AccountShowOptions {
  account?: string;
}
