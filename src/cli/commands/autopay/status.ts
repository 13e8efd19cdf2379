/** `espace autopay status`: whether bills are paid automatically, and with what. */
import { getAutopay } from '../../../api/tmf/payment.js';
import { formatMoney } from '../../../domain/money.js';
import { formatDate, moneyJson, toJson } from '../../../output/formats.js';
import { sanitizeLine } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';

export interface AutopayStatusOptions {
  account?: string;
}

export async function run(options: AutopayStatusOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const state = await getAutopay(api, accountId);
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(
      toJson({
        account: accountId,
        enabled: state.enabled,
        method: state.method ?? null,
        termsAcceptedAt: state.acceptedAt ?? null,
        lastDebit: state.lastDebit ? { ...state.lastDebit, amount: moneyJson(state.lastDebit.amount, locale) } : null,
      }),
    );
    return;
  }
  const method = state.method?.name ?? t('autopay.noMethod');
  io.out(
    `${sanitizeLine(
      state.enabled
        ? t('autopay.statusOn', { account: accountId, method, date: formatDate(state.acceptedAt, locale) })
        : t('autopay.statusOff', { account: accountId, method }),
    )}\n`,
  );
  const debit = state.lastDebit;
  if (debit) {
    const params = { date: formatDate(debit.date, locale), amount: formatMoney(debit.amount, locale), bill: debit.billId, reason: debit.reason ?? '' };
    io.out(`${sanitizeLine(t(debit.outcome === 'paid' ? 'autopay.lastDebitPaid' : 'autopay.lastDebitDeclined', params))}\n`);
  }
}
