/**
 * What the account security commands share: reading a code or secret from stdin (never argv), the
 * re-authentication every sensitive change carries (the current password, and a code when
 * two-factor is on), and turning the server's refusals (wrong code, nothing pending, throttled)
 * into errors that say what to do.
 */
import { ApiError } from '../../../api/errors.js';
import type { Reauthentication } from '../../../api/security.js';
import { AuthError, GeneralError, UsageError } from '../../../errors.js';
import type { MessageKey } from '../../../i18n/catalog.js';
import type { CommandDeps } from '../../command-deps.js';
import { stdinLines } from '../../stdin-lines.js';

/** A 6-digit code or a recovery code, from stdin or a prompt. */
export async function readCode(ctx: CommandDeps, fromStdin: boolean, message: MessageKey, allowRecovery: boolean): Promise<string> {
  const pattern = codePattern(allowRecovery);
  const code = fromStdin
    ? (await stdinLines(ctx, 1, '--code-stdin'))[0]!.trim()
    : (
        await ctx.prompt.input({
          message: ctx.t(message),
          flag: '--code-stdin',
          validate: (value) => pattern.test(value.trim()) || ctx.t(allowRecovery ? 'security.code.formatOrRecovery' : 'security.code.format'),
        })
      ).trim();
  if (!pattern.test(code)) throw new UsageError(allowRecovery ? 'security.code.formatOrRecovery' : 'security.code.format');
  return code;
}

function codePattern(allowRecovery: boolean): RegExp {
  return allowRecovery ? /^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/i : /^\d{6}$/;
}

/** Where the re-authentication comes from: prompts on a terminal, or stdin for scripts. */
export interface ReauthSources {
  /** The current password is the first line of stdin (`--password-stdin`). */
  passwordStdin: boolean;
  /** The code is the line after the password lines (`--code-stdin`). */
  codeStdin: boolean;
}

/**
 * Fails before any request when a value cannot be had: without a terminal, the password must come
 * from stdin. (Whether a code is needed is known only once two-factor status is read.)
 */
export function requireReauthSources(ctx: CommandDeps, sources: ReauthSources): void {
  if (!sources.passwordStdin && !ctx.io.interactive) throw new UsageError('prompt.notInteractive', { params: { flag: '--password-stdin' } });
}

/**
 * Reads the re-authentication a sensitive change needs. From stdin: the current password on the
 * first line (`--password-stdin`), then `extraLines` lines the caller wants (the new password of
 * `auth password`), then the code (`--code-stdin`) when two-factor is on. Otherwise each value is
 * prompted for; without a terminal a missing value is a usage error naming its flag. `between`
 * runs after the password and before the code, for prompts of the caller's own.
 */
export async function readReauthentication(
  ctx: CommandDeps,
  sources: ReauthSources,
  twoFactorOn: boolean,
  extraLines = 0,
  between: (stdinExtras: string[]) => Promise<void> = async () => {},
): Promise<Reauthentication> {
  const codeFromStdin = twoFactorOn && sources.codeStdin;
  if (twoFactorOn && !sources.codeStdin && !ctx.io.interactive) throw new UsageError('prompt.notInteractive', { params: { flag: '--code-stdin' } });
  const expected = (sources.passwordStdin ? 1 + extraLines : 0) + (codeFromStdin ? 1 : 0);
  const flag = sources.passwordStdin ? '--password-stdin' : '--code-stdin';
  const lines = expected > 0 ? await stdinLines(ctx, expected, flag) : [];
  const currentPassword = sources.passwordStdin
    ? lines.shift()!
    : await ctx.prompt.password({ message: ctx.t('security.password.promptCurrent'), flag: '--password-stdin' });
  await between(sources.passwordStdin ? lines.splice(0, extraLines) : []);
  if (!twoFactorOn) return { currentPassword };
  const code = codeFromStdin
    ? lines.shift()!.trim()
    : (
        await ctx.prompt.input({
          message: ctx.t('security.2fa.promptDisableCode'),
          flag: '--code-stdin',
          validate: (value) => codePattern(true).test(value.trim()) || ctx.t('security.code.formatOrRecovery'),
        })
      ).trim();
  if (!codePattern(true).test(code)) throw new UsageError('security.code.formatOrRecovery');
  return { currentPassword, code };
}

export interface Refusals {
  /** HTTP 422: the code or password was wrong. */
  wrong?: MessageKey;
  /** HTTP 409: the state does not allow it (already on, nothing pending…). */
  conflict?: MessageKey;
  /** HTTP 403 means re-authentication is missing (the default); false to leave 403 to the caller. */
  reauthRequired?: boolean;
}

/** Runs a security request, mapping the server's refusals to the messages given. */
export async function withRefusals<T>(request: () => Promise<T>, refusals: Refusals): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const detail = error.body?.message ?? '';
    if (error.status === 422 && refusals.wrong) throw new AuthError(refusals.wrong, { params: { detail }, cause: error });
    if (error.status === 409 && refusals.conflict) throw new GeneralError(refusals.conflict, { params: { detail }, cause: error });
    if (error.status === 429) throw new AuthError('security.throttled', { params: { detail }, cause: error });
    if (error.status === 403 && refusals.reauthRequired !== false) throw new AuthError('security.reauth.required', { params: { detail }, cause: error });
    throw error;
  }
}
