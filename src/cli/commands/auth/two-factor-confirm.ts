/**
 * `espace auth 2fa confirm`: finishes a pending enrolment with a code from the authenticator app,
 * then shows the recovery codes — the only time they exist in clear anywhere.
 */
import { confirmEnrolment } from '../../../api/security.js';
import type { HttpClient } from '../../../api/http.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeText } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { readCode, withRefusals } from './security-input.js';

export interface TwoFactorConfirmOptions {
  codeStdin: boolean;
}

/** Confirms with a code and prints the recovery codes (stdout: they are what the user must keep). */
export async function confirmAndShowRecoveryCodes(ctx: CommandDeps, api: HttpClient, code: string): Promise<void> {
  const { io, t } = ctx;
  const recoveryCodes = await withRefusals(() => confirmEnrolment(api, code), {
    wrong: 'security.2fa.codeRefused',
    conflict: 'security.2fa.nothingPending',
  });
  if (ctx.globals.json) {
    io.out(toJson({ enabled: true, recoveryCodes }));
    return;
  }
  io.err(`${io.errColor.success(t('security.2fa.enabled'))}\n${io.errColor.warning(t('security.2fa.recoveryCodesOnce'))}\n`);
  io.out(`${recoveryCodes.map(sanitizeText).join('\n')}\n`);
}

export async function run(options: TwoFactorConfirmOptions, ctx: CommandDeps): Promise<void> {
  const code = await readCode(ctx, options.codeStdin, 'security.2fa.promptConfirmCode', false);
  await confirmAndShowRecoveryCodes(ctx, await ctx.api(), code);
}
