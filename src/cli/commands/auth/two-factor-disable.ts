/** `espace auth 2fa disable`: turns two-factor off; a current code or an unused recovery code proves it is you. */
import { disableTwoFactor } from '../../../api/security.js';
import { toJson } from '../../../output/formats.js';
import type { Context } from '../../context.js';
import { readCode, withRefusals } from './security-input.js';

export interface TwoFactorDisableOptions {
  codeStdin: boolean;
}

export async function run(options: TwoFactorDisableOptions, ctx: Context): Promise<void> {
  const code = await readCode(ctx, options.codeStdin, 'security.2fa.promptDisableCode', true);
  const api = await ctx.api();
  await withRefusals(() => disableTwoFactor(api, code), { wrong: 'security.2fa.disableRefused', conflict: 'security.2fa.notOn' });
  if (ctx.globals.json) ctx.io.out(toJson({ enabled: false }));
  else ctx.io.err(`${ctx.t('security.2fa.disabled')}\n`);
}
