/** `espace autopay disable`: bills are no longer paid automatically. */
import { setAutopay } from '../../../api/tmf/payment.js';
import { toJson } from '../../../output/formats.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';

export interface AutopayDisableOptions {
  account?: string;
}

export async function run(options: AutopayDisableOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const state = await setAutopay(api, accountId, { enabled: false });
  if (ctx.globals.json) {
    ctx.io.out(toJson({ account: accountId, enabled: state.enabled, method: state.method ?? null }));
    return;
  }
  ctx.io.out(`${ctx.t('autopay.disabled', { account: accountId })}\n`);
}
