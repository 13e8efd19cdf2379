/**
 * What the account security commands share: reading a code or secret from stdin (never argv), and
 * turning the server's refusals (wrong code, nothing pending, throttled) into errors that say what
 * to do.
 */
import { ApiError } from '../../../api/errors.js';
import { AuthError, GeneralError, UsageError } from '../../../errors.js';
import type { MessageKey } from '../../../i18n/catalog.js';
import type { Context } from '../../context.js';
import { stdinLines } from '../../stdin-lines.js';

/** A 6-digit code or a recovery code, from stdin or a prompt. */
export async function readCode(ctx: Context, fromStdin: boolean, message: MessageKey, allowRecovery: boolean): Promise<string> {
  const pattern = allowRecovery ? /^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/i : /^\d{6}$/;
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

export interface Refusals {
  /** HTTP 422: the code or password was wrong. */
  wrong?: MessageKey;
  /** HTTP 409: the state does not allow it (already on, nothing pending…). */
  conflict?: MessageKey;
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
    throw error;
  }
}
