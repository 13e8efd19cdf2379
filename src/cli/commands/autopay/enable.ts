/**
 * `espace autopay enable [--method ID] [--accept-terms]`: pre-authorized payment of every bill on
 * its due date. The agreement's terms are shown and must be accepted (at the prompt, or with
 * --accept-terms in scripts); the method must be a card or bank account on file.
 */
import { listPaymentMethods, setAutopay } from '../../../api/tmf/payment.js';
import { CancelledError, UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';

export interface AutopayEnableOptions {
  account?: string;
  method?: string;
  acceptTerms: boolean;
}

export async function run(options: AutopayEnableOptions, ctx: CommandDeps): Promise<void> {
  const { io, t } = ctx;
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const methods = (await listPaymentMethods(api, accountId)).filter((m) => m.kind === 'card' || m.kind === 'bankAccount');
  const method = options.method ? methods.find((m) => m.id === options.method) : (methods.find((m) => m.isDefault) ?? methods[0]);
  if (!method) {
    throw new UsageError('autopay.noUsableMethod', {
      params: { account: accountId, method: options.method ?? '—', known: methods.map((m) => m.id).join(', ') || '—' },
    });
  }
  io.err(`${t('autopay.terms', { account: accountId, method: sanitizeCell(method.name) })}\n`);
  if (!options.acceptTerms) {
    if (!io.interactive) throw new UsageError('autopay.needsAcceptTerms');
    if (!(await ctx.prompt.confirm({ message: t('autopay.confirmTerms'), flag: '--accept-terms', default: false }))) throw new CancelledError();
  }
  const state = await setAutopay(api, accountId, { enabled: true, methodId: method.id });
  if (ctx.globals.json) {
    io.out(toJson({ account: accountId, enabled: state.enabled, method: state.method ?? null, termsAcceptedAt: state.acceptedAt ?? null }));
    return;
  }
  io.out(`${t('autopay.enabled', { account: accountId, method: sanitizeCell(method.name) })}\n`);
}
