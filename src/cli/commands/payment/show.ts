/** `espace payment show ID`: one payment. */
import { getPayment } from '../../../api/tmf/payment.js';
import { formatMoney } from '../../../domain/money.js';
import { formatDate, toJson } from '../../../output/formats.js';
import { sanitizeLine } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { termLabel } from '../../../i18n/terms.js';
import { paymentChannels, paymentStates } from '../../../i18n/vocabularies.js';
import { paymentJson } from '../../payment/view.js';

export interface PaymentShowOptions {
  id: string;
}

export async function run(options: PaymentShowOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const payment = await getPayment(api, options.id);
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(paymentJson(payment, locale)));
    return;
  }
  const lines = [
    [t('payment.column.id'), payment.id],
    [t('payment.column.account'), payment.accountId],
    [t('payment.column.date'), formatDate(payment.date, locale)],
    [t('payment.column.amount'), formatMoney(payment.amount, locale)],
    [t('payment.column.method'), payment.methodName ?? ''],
    [t('payment.column.channel'), payment.channel ? termLabel(paymentChannels, payment.channel, t) : ''],
    [t('payment.column.status'), termLabel(paymentStates, payment.status, t)],
    ...payment.bills.map((bill) => [t('payment.column.bills'), `${bill.billId} (${formatMoney(bill.amount, locale)})`]),
    ...(payment.correlatorId ? [[t('payment.column.key'), payment.correlatorId]] : []),
  ];
  io.out(`${lines.map(([label, value]) => `${label}: ${sanitizeLine(value ?? '')}`).join('\n')}\n`);
}
