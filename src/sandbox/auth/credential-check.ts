/**
 * The one path by which a password (and, when two-factor is on, a one-time code) is checked, for
 * logins and for re-authentication alike: the attempt is admitted and reserved by the throttle
 * first, the password hash is computed within the bounded hasher, then the attempt is settled.
 */
import type { SandboxContext } from '../context.js';
import { HashBusyError } from './hash-limiter.js';
import type { UserRow } from './identities.js';
import { twoFactorOf } from './two-factor.js';

export type CredentialCheck =
  | { ok: true; user: UserRow }
  /** Throttled (429) or the hasher is saturated (503): try again after the given delay. */
  | { ok: false; reason: 'throttled' | 'busy'; retryAfterSeconds: number }
  /** Unknown user or wrong password (indistinguishable on purpose). */
  | { ok: false; reason: 'password' }
  /** The password is right, two-factor is on, and no code was given (not counted as a failure). */
  | { ok: false; reason: 'codeMissing' }
  | { ok: false; reason: 'code' };

export interface CredentialInput {
  username: string;
  password: string;
  /** A 6-digit TOTP code or a recovery code; needed when the user has two-factor on. */
  code?: string | undefined;
  /** Where the attempt comes from (the socket's address). */
  source: string;
}

/** Checks credentials under the throttle and the hashing bound. */
export async function checkCredentials(ctx: SandboxContext, input: CredentialInput): Promise<CredentialCheck> {
  const admission = ctx.throttle.admit(input.username, input.source);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAfterSeconds: admission.retryAfterSeconds };
  const { attempt } = admission;
  let passwordOk: boolean;
  const user = ctx.identities.userByUsername(input.username);
  try {
    // Unknown usernames cost a full hash check too, so timing does not reveal which ones exist.
    passwordOk = user ? await ctx.passwords.verify(input.password, user.passwordHash) : await ctx.passwords.verifyUnknown(input.password);
  } catch (error) {
    attempt.release();
    if (error instanceof HashBusyError) return { ok: false, reason: 'busy', retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
  if (!user || !passwordOk) {
    attempt.fail();
    return { ok: false, reason: 'password' };
  }
  // Read again: the hash took time, and two-factor may have changed meanwhile.
  const current = ctx.identities.userById(user.id) ?? user;
  if (current.totpSecret) {
    if (input.code === undefined || input.code === '') {
      attempt.release();
      return { ok: false, reason: 'codeMissing' };
    }
    if (!twoFactorOf(ctx).verifySecondFactor(current, input.code, ctx.realNow().getTime())) {
      attempt.fail();
      return { ok: false, reason: 'code' };
    }
  }
  attempt.succeed();
  return { ok: true, user: current };
}
