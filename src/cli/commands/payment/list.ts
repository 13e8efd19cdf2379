/** `espace payment list [--bill B]`: payment history, newest first. */
import type { HttpClient } from '../../../api/http.js';
import { listPayments } from '../../../api/tmf/payment.js';
import { getBill } from '../../../api/tmf/customer-bill.js';
import type { BulkCommand } from '../../../bulk/types.js';
import type { Payment } from '../../../domain/payment.js';
import { paymentsOfAccounts } from '../../../api/tmf/payment-batch.js';
import { ofExistingAccount, ofExistingAccounts } from '../../bulk/existing-account.js';
import { UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { paymentJson, paymentRow } from '../../payment/view.js';

export interface PaymentListOptions {
  account?: string;
  bill?: string;
  limit: number;
}

function findPayments(api: HttpClient, accountId: string, options: PaymentListOptions): Promise<Payment[]> {
  return listPayments(api, { accountId, billId: options.bill, limit: options.limit });
}

/** What `--json` prints (and each bulk record holds). */
function paymentListJson(payments: Payment[], locale: string) {
  return payments.map((payment) => paymentJson(payment, locale));
}

export const paymentListBulk: BulkCommand<PaymentListOptions> = {
  check(options) {
    if (options.bill !== undefined) throw new UsageError('bulk.notAcrossAccounts', { params: { flag: '--bill' } });
  },
  lookup: ofExistingAccount(async (account, options, { api, locale }) => paymentListJson(await findPayments(api, account, options), locale)),
  /** Two requests for a whole batch: its accounts (which exist), and their payments. */
  lookupBatch: ofExistingAccounts(async (accounts, options, { api, locale }) => {
    const payments = await paymentsOfAccounts(api, accounts, options.limit);
    return new Map([...(payments ?? [])].map(([account, list]) => [account, paymentListJson(list, locale)]));
  }),
  // A list per account: the CSV shows how many and the latest; NDJSON has them all.
  csvFields: ['account', 'ok', 'data.length', 'data.0.id', 'data.0.date', 'data.0.amount.amount', 'data.0.status', 'error.code', 'error.status'],
};

export async function run(options: PaymentListOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  // A bill names its account; otherwise the caller's (or --account).
  const accountId = options.bill && !options.account ? (await getBill(api, options.bill)).accountId : await resolveAccountId(api, options.account);
  const payments = await findPayments(api, accountId, options);
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(paymentListJson(payments, locale)));
    return;
  }
  if (payments.length === 0) {
    io.err(`${t('payment.list.empty', { account: accountId })}\n`);
    return;
  }
  const plain = !io.stdoutIsTTY;
  io.out(
    renderTable(
      io,
      [
        { header: t('payment.column.id'), keep: true },
        { header: t('payment.column.date') },
        { header: t('payment.column.amount'), align: 'right' },
        { header: t('payment.column.method') },
        { header: t('payment.column.channel') },
        { header: t('payment.column.bills') },
        { header: t('payment.column.status') },
      ],
      payments.map((payment) => paymentRow(payment, plain, locale, t)),
    ),
  );
}
