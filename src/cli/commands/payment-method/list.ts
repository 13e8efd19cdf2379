/** `espace payment-method list`: the account's saved cards and bank accounts. */
import { listPaymentMethods } from '../../../api/tmf/payment.js';
import { toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { paymentMethodJson } from '../../payment/view.js';

export interface PaymentMethodListOptions {
  account?: string;
}

export async function run(options: PaymentMethodListOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const methods = await listPaymentMethods(api, accountId);
  const { io, t } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(methods.map(paymentMethodJson)));
    return;
  }
  if (methods.length === 0) {
    io.err(`${t('paymentMethod.list.empty', { account: accountId })}\n`);
    return;
  }
  io.out(
    renderTable(
      io,
      [
        { header: t('payment.column.id'), keep: true },
        { header: t('paymentMethod.column.name') },
        { header: t('paymentMethod.column.kind') },
        { header: t('paymentMethod.column.expiry') },
        { header: t('paymentMethod.column.default') },
      ],
      methods.map((m) => [
        m.id,
        m.name,
        t(m.kind === 'card' ? 'paymentMethod.kind.card' : 'paymentMethod.kind.bankAccount'),
        m.expiry ?? '',
        m.isDefault ? '*' : '',
      ]),
    ),
  );
}
