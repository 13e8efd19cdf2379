/**
 * `espace auth password`: the current password, a new one that zxcvbn-ts rates at least 3 (its
 * feedback shown when it is weaker), typed twice; all masked, or two lines on stdin for scripts.
 * With two-factor on, a current code is asked for too. The server verifies them (failures count as
 * failed logins) and stores the new password, signing the other sessions out in the same request
 * when asked.
 */
import { getIdentity } from '../../../api/tmf/userinfo.js';
import { changePassword, twoFactorStatus } from '../../../api/security.js';
import { MIN_PASSWORD_SCORE, loadStrengthCheck, type StrengthVerdict } from '../../../auth/password-strength.js';
import { UsageError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';
import { readReauthentication, requireReauthSources, withRefusals, type ReauthSources } from './security-input.js';

export interface PasswordOptions extends ReauthSources {
  /** true: sign the other sessions out; false: keep them; undefined: ask (on a terminal). */
  signOutOthers?: boolean;
}

function weakness(ctx: CommandDeps, verdict: StrengthVerdict): string {
  const advice = verdict.feedback.length ? ` ${verdict.feedback.join(' ')}` : '';
  return ctx.t('security.password.weak', { score: verdict.score, min: MIN_PASSWORD_SCORE }) + advice;
}

/** The new password, typed twice with the strength check at the prompt. */
async function promptNewPassword(ctx: CommandDeps, check: (password: string) => StrengthVerdict): Promise<string> {
  const { t } = ctx;
  const next = await ctx.prompt.password({
    message: t('security.password.promptNew'),
    flag: '--password-stdin',
    validate: (value) => {
      const verdict = check(value);
      return verdict.acceptable || weakness(ctx, verdict);
    },
  });
  await ctx.prompt.password({
    message: t('security.password.promptRepeat'),
    flag: '--password-stdin',
    validate: (value) => value === next || t('security.password.mismatch'),
  });
  return next;
}

export async function run(options: PasswordOptions, ctx: CommandDeps): Promise<void> {
  const { io, t } = ctx;
  requireReauthSources(ctx, options);
  const api = await ctx.api();
  const identity = await getIdentity(api);
  const check = await loadStrengthCheck(ctx.lang, [identity.username ?? '', identity.name ?? '', identity.email ?? '']);
  const twoFactorOn = (await twoFactorStatus(api)).enabled;
  let next = '';
  // Current password, new password (twice on a terminal), then the code when two-factor is on.
  const reauth = await readReauthentication(ctx, options, twoFactorOn, 1, async (stdinExtras) => {
    next = options.passwordStdin ? stdinExtras[0]! : await promptNewPassword(ctx, check);
  });
  const verdict = check(next);
  if (!verdict.acceptable) throw new UsageError('security.password.tooWeak', { params: { detail: weakness(ctx, verdict) } });
  if (next === reauth.currentPassword) throw new UsageError('security.password.same');

  const signOut =
    options.signOutOthers ??
    (io.interactive ? await ctx.prompt.confirm({ message: t('security.password.promptSignOut'), flag: '--sign-out-others', default: true }) : false);
  // The other sessions end in the same request: its re-authentication (a code) works only once.
  const count = await withRefusals(() => changePassword(api, reauth, next, signOut), { wrong: 'security.password.currentWrong' });
  io.err(`${io.errColor.success(t('security.password.changed'))}\n`);
  if (signOut) io.err(`${t('security.sessions.revokedOthers', { count })}\n`);
  else if (options.signOutOthers === undefined) io.err(`${t('security.password.othersKept')}\n`);
}
