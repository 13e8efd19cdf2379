/**
 * `espace auth password`: the current password, a new one that zxcvbn-ts rates at least 3 (its
 * feedback shown when it is weaker), typed twice; all masked, or two lines on stdin for scripts.
 * The server verifies the current password (failures count as failed logins) and stores the new
 * one; then the other sessions can be signed out.
 */
import { getIdentity } from '../../../api/tmf/userinfo.js';
import { changePassword, revokeOtherSessions } from '../../../api/security.js';
import { MIN_PASSWORD_SCORE, loadStrengthCheck, type StrengthVerdict } from '../../../auth/password-strength.js';
import { UsageError } from '../../../errors.js';
import type { Context } from '../../context.js';
import { stdinLines } from '../../stdin-lines.js';
import { withRefusals } from './security-input.js';

export interface PasswordOptions {
  passwordStdin: boolean;
  /** true: sign the other sessions out; false: keep them; undefined: ask (on a terminal). */
  signOutOthers?: boolean;
}

function weakness(ctx: Context, verdict: StrengthVerdict): string {
  const advice = verdict.feedback.length ? ` ${verdict.feedback.join(' ')}` : '';
  return ctx.t('security.password.weak', { score: verdict.score, min: MIN_PASSWORD_SCORE }) + advice;
}

async function readPasswords(ctx: Context, options: PasswordOptions, check: (password: string) => StrengthVerdict) {
  const { t } = ctx;
  if (options.passwordStdin) {
    const [current, next] = await stdinLines(ctx, 2, '--password-stdin');
    return { current: current!, next: next! };
  }
  const current = await ctx.prompt.password({ message: t('security.password.promptCurrent'), flag: '--password-stdin' });
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
  return { current, next };
}

export async function run(options: PasswordOptions, ctx: Context): Promise<void> {
  const { io, t } = ctx;
  const api = await ctx.api();
  const identity = await getIdentity(api);
  const check = await loadStrengthCheck(ctx.lang, [identity.username ?? '', identity.name ?? '', identity.email ?? '']);
  const { current, next } = await readPasswords(ctx, options, check);
  const verdict = check(next);
  if (!verdict.acceptable) throw new UsageError('security.password.tooWeak', { params: { detail: weakness(ctx, verdict) } });
  if (next === current) throw new UsageError('security.password.same');

  await withRefusals(() => changePassword(api, current, next), { wrong: 'security.password.currentWrong' });
  io.err(`${io.errColor.success(t('security.password.changed'))}\n`);

  const signOut =
    options.signOutOthers ??
    (io.interactive ? await ctx.prompt.confirm({ message: t('security.password.promptSignOut'), flag: '--sign-out-others', default: true }) : false);
  if (signOut) {
    const count = await revokeOtherSessions(api);
    io.err(`${t('security.sessions.revokedOthers', { count })}\n`);
  } else if (options.signOutOthers === undefined) {
    io.err(`${t('security.password.othersKept')}\n`);
  }
}
