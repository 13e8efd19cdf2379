/**
 * `espace auth 2fa disable`: turns two-factor off; the current password and a current code (or an
 * unused recovery code) prove it is you, so a stolen access token alone cannot do it.
 */
import { disableTwoFactor } from '../../../api/security.js';
import { toJson } from '../../../output/formats.js';
import type { CommandDeps } from '../../command-deps.js';
import { readReauthentication, requireReauthSources, withRefusals, type ReauthSources } from './security-input.js';

export type TwoFactorDisableOptions = ReauthSources;

export async function run(options: TwoFactorDisableOptions, ctx: CommandDeps): Promise<void> {
  requireReauthSources(ctx, options);
  // Two-factor is on (or the server says it is not): a code is part of the proof.
  const reauth = await readReauthentication(ctx, options, true);
  const api = await ctx.api();
  await withRefusals(() => disableTwoFactor(api, reauth), { wrong: 'security.2fa.disableRefused', conflict: 'security.2fa.notOn' });
  if (ctx.globals.json) ctx.io.out(toJson({ enabled: false }));
  else ctx.io.err(`${ctx.t('security.2fa.disabled')}\n`);
}
