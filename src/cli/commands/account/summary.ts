/**
 * The one-line summary of a billing account (`account show`, and its bulk mode): holder,
 * services, balance and the last bill. Autopay and open tickets come from APIs other areas own:
 * they join through SUMMARY_EXTENSIONS, each adding its own fields.
 */
import type { HttpClient } from '../../../api/http.js';
import { getAccount } from '../../../api/tmf/billing-account.js';
import { getBillLines, listBills } from '../../../api/tmf/customer-bill.js';
import type { BulkCommand } from '../../../bulk/types.js';
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
  /** Fields added by SUMMARY_EXTENSIONS (e.g. `autopay`, `openTickets`). */
  [extension: string]: unknown;
}

/** Adds fields to a summary from another API (given the account id); failures fail the summary. */
export type SummaryExtension = (account: string, api: HttpClient, locale: string) => Promise<Record<string, unknown>>;

/**
 * Hooks for the fields that need other APIs. To add after those land, e.g.:
 *   autopay:     async (account, api) => ({ autopay: … TMF670 paymentMethod of the account … })
 *   openTickets: async (account, api) => ({ openTickets: … count of TMF621 troubleTickets not closed … })
 */
export const SUMMARY_EXTENSIONS: SummaryExtension[] = [];

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
  csvFields: ['account', 'ok', 'data.holder', 'data.services', 'data.balance.amount', 'data.overdue.amount', 'data.lastBill.id', 'data.lastBill.totalDue.amount', 'error.code', 'error.status'],
};

export interface AccountShowOptions {
  account?: string;
}
