/** `espace payment list [--bill B]`: payment history, newest first. */
import { listPayments } from '../../../api/tmf/payment.js';
import { getBill } from '../../../api/tmf/customer-bill.js';
import { toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import { resolveAccountId } from '../../account.js';
import type { Context } from '../../context.js';
import { paymentJson, paymentRow } from '../../payment/view.js';

export interface PaymentListOptions {
  account?: string;
  bill?: string;
  limit: number;
}

export async function run(options: PaymentListOptions, ctx: Context): Promise<void> {
  const api = await ctx.api();
  // A bill names its account; otherwise the caller's (or --account).
  const accountId = options.bill && !options.account ? (await getBill(api, options.bill)).accountId : await resolveAccountId(api, options.account);
  const payments = await listPayments(api, { accountId, billId: options.bill, limit: options.limit });
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(payments.map((payment) => paymentJson(payment, locale))));
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
        { header: t('payment.column.id') },
        { header: t('payment.column.date') },
        { header: t('payment.column.amount'), align: 'right' },
        { header: t('payment.column.method') },
        { header: t('payment.column.channel') },
        { header: t('payment.column.bills') },
        { header: t('payment.column.status') },
      ],
      payments.map((payment) => paymentRow(payment, plain, locale)),
    ),
  );
}
