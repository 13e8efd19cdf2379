/**
 * The one-line summary of a billing account (`account show`, and its bulk mode): holder,
 * services, balance, the last bill, autopay and open tickets. The account and its autopay setting
 * come from one GET of the billingAccount (TMF666), the rest from the bills (TMF678) and the
 * tickets (TMF621), all read at once.
 */
import type { HttpClient } from '../../../api/http.js';
import { accountIn } from '../../../api/tmf/billing-account.js';
import { getBillLines, listBills } from '../../../api/tmf/customer-bill.js';
import { billingAccountPath } from '../../../api/tmf/paths.js';
import { autopayIn } from '../../../api/tmf/payment.js';
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
  /** Whether bills are paid automatically. */
  autopay: boolean;
  /** Tickets still being worked on: not resolved, closed, cancelled or rejected. */
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
    autopay: autopayIn(accountResponse, path).enabled,
    openTickets: openTickets.length,
  };
}

export const accountShowBulk: BulkCommand<AccountShowOptions> = {
  lookup: (account, _options, { api, locale }) => accountSummary(api, account, locale),
  csvFields: ['account', 'ok', 'data.holder', 'data.services', 'data.balance.amount', 'data.overdue.amount', 'data.lastBill.id', 'data.lastBill.totalDue.amount', 'data.autopay', 'data.openTickets', 'error.code', 'error.status'],
};

export interface AccountShowOptions {
  account?: string;
}
