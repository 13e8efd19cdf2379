/** `espace auth 2fa status`: whether logins need a code, and how many recovery codes are left. */
import { twoFactorStatus } from '../../../api/security.js';
import { toJson } from '../../../output/formats.js';
import type { CommandDeps } from '../../command-deps.js';

export async function run(_options: object, ctx: CommandDeps): Promise<void> {
  const status = await twoFactorStatus(await ctx.api());
  if (ctx.globals.json) {
    ctx.io.out(toJson({ enabled: status.enabled, pending: status.pending, recoveryCodesLeft: status.recoveryCodesLeft }));
    return;
  }
  const line = status.enabled
    ? ctx.t('security.2fa.statusOn', { left: status.recoveryCodesLeft })
    : ctx.t(status.pending ? 'security.2fa.statusPending' : 'security.2fa.statusOff');
  ctx.io.out(`${line}\n`);
}
