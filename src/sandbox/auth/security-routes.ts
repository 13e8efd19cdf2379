/**
 * Account security of the caller (never of someone else, agents included): two-factor enrolment
 * and removal, password change, and the list of active sessions. Everything that could hand the
 * account to someone holding only a stolen access token (enrolling an authenticator, turning
 * two-factor off, changing the password, ending sessions) needs re-authentication in the same
 * request: the current password, and a current code when two-factor is on. Those checks go through
 * the login throttle, so these endpoints cannot be used to guess around it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import { checkCredentials } from './credential-check.js';
import { HashBusyError } from './hash-limiter.js';
import type { UserRow } from './identities.js';
import { principalOf, type Principal } from './principal.js';
import { SessionStore, type ActiveSession } from './sessions.js';
import { otpauthUri, twoFactorOf } from './two-factor.js';
import { SECURITY_PATHS, TOTP_ISSUER } from './security-paths.js';
import {
  confirmationRoute,
  deactivationRoute,
  enrolmentRoute,
  listSessionsRoute,
  passwordChangeRoute,
  PASSWORD_MIN_LENGTH,
  revokeOtherSessionsRoute,
  revokeSessionRoute,
  twoFactorStatusRoute,
  type PasswordChangeBody,
  type ReauthenticationBody,
} from './security-contract.js';
import { sendTmfError, TmfError } from '../tmf-errors.js';

interface Caller {
  principal: Principal;
  user: UserRow;
}

function callerOf(ctx: SandboxContext, request: FastifyRequest): Caller {
  const principal = principalOf(request);
  const user = principal.userId ? ctx.identities.userById(principal.userId) : undefined;
  if (!user) throw new TmfError(403, 'Account security applies to a user login; this token belongs to a client');
  return { principal, user };
}

/** An optional field of a validated body: undefined when absent or empty. */
function given(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

function retryLater(reply: FastifyReply, status: 429 | 503, seconds: number, message: string): FastifyReply {
  reply.header('retry-after', String(seconds));
  return sendTmfError(reply, status, `${message}; try again in ${seconds} seconds`);
}

const REAUTH_REQUIRED =
  'This change needs recent re-authentication: send "currentPassword" (and "code", a current one-time code or an unused recovery code, when two-factor is on) with the request';

/**
 * Re-authenticates the caller with the credentials in the request body. True when they are right;
 * otherwise the refusal has been sent: 403 when they are missing (an access token alone is not
 * enough), 422 when wrong, 429 or 503 with Retry-After when throttled or busy.
 */
async function reauthenticated(
  ctx: SandboxContext,
  request: FastifyRequest<{ Body: ReauthenticationBody }>,
  reply: FastifyReply,
  user: UserRow,
): Promise<boolean> {
  const password = given(request.body.currentPassword);
  const code = given(request.body.code);
  if (password === undefined || (user.totpSecret && code === undefined)) {
    sendTmfError(reply, 403, REAUTH_REQUIRED);
    return false;
  }
  const check = await checkCredentials(ctx, { username: user.username, password, code, source: request.ip });
  if (check.ok) {
    if (check.user.id === user.id) return true;
    // The username now names someone else (cannot happen while usernames are fixed); refuse anyway.
    sendTmfError(reply, 422, '"currentPassword" is not the current password');
    return false;
  }
  switch (check.reason) {
    case 'throttled':
      retryLater(reply, 429, check.retryAfterSeconds, 'Too many failed attempts');
      break;
    case 'busy':
      retryLater(reply, 503, check.retryAfterSeconds, 'Too many password checks in progress');
      break;
    case 'password':
      sendTmfError(reply, 422, '"currentPassword" is not the current password');
      break;
    case 'codeMissing':
      sendTmfError(reply, 403, REAUTH_REQUIRED);
      break;
    case 'code':
      sendTmfError(reply, 422, 'The code is wrong, expired or already used (a current code or an unused recovery code is needed)');
      break;
  }
  return false;
}

/** A DELETE may come without a body: it then re-authenticates with nothing, and answers 403, not 400. */
async function emptyBodyIfNone(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}

function sessionJson(session: ActiveSession, current: string) {
  return {
    id: session.id,
    current: session.id === current,
    clientId: session.clientId,
    grantType: session.grantType,
    userAgent: session.userAgent,
    ipAddress: session.ip,
    createdAt: new Date(session.createdAt).toISOString(),
    lastUsedAt: new Date(session.lastUsedAt).toISOString(),
  };
}

export async function securityRoutes(app: FastifyInstance, { ctx }: { ctx: SandboxContext }): Promise<void> {
  const twoFactor = twoFactorOf(ctx);
  const sessions = new SessionStore(ctx.db);
  const nowMs = () => ctx.realNow().getTime();
  const setPassword = ctx.db.prepare<[string, string, string]>('UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE id = ?');

  app.get(SECURITY_PATHS.twoFactor, { schema: twoFactorStatusRoute }, async (request) => {
    const { user } = callerOf(ctx, request);
    return twoFactor.status(user);
  });

  app.post<{ Body: ReauthenticationBody }>(SECURITY_PATHS.enrolment, { schema: enrolmentRoute }, async (request, reply) => {
    const { user } = callerOf(ctx, request);
    if (user.totpSecret) return sendTmfError(reply, 409, 'Two-factor authentication is already on; turn it off first to enrol a new device');
    if (!(await reauthenticated(ctx, request, reply, user))) return reply;
    const secret = twoFactor.begin(user);
    reply.header('cache-control', 'no-store');
    return reply.code(201).send({
      secret,
      otpauthUri: otpauthUri(secret, user.username, TOTP_ISSUER),
      issuer: TOTP_ISSUER,
      accountName: user.username,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  app.post<{ Body: { code: string } }>(SECURITY_PATHS.confirmation, { schema: confirmationRoute }, async (request, reply) => {
    const { user } = callerOf(ctx, request);
    const code = request.body.code.trim();
    if (user.totpSecret) return sendTmfError(reply, 409, 'Two-factor authentication is already on');
    if (!twoFactor.status(user).pending) return sendTmfError(reply, 409, 'No enrolment is waiting for a code; start one first');
    const admission = ctx.throttle.admit(user.username, request.ip);
    if (!admission.admitted) return retryLater(reply, 429, admission.retryAfterSeconds, 'Too many failed attempts');
    const recoveryCodes = twoFactor.confirm(user, code, nowMs());
    if (!recoveryCodes) {
      admission.attempt.fail();
      return sendTmfError(reply, 422, 'The code does not match the secret (check the device clock, and use the newest code)');
    }
    admission.attempt.succeed();
    reply.header('cache-control', 'no-store');
    return { enabled: true, recoveryCodes };
  });

  app.post<{ Body: ReauthenticationBody }>(SECURITY_PATHS.deactivation, { schema: deactivationRoute }, async (request, reply) => {
    const { user } = callerOf(ctx, request);
    if (!user.totpSecret) return sendTmfError(reply, 409, 'Two-factor authentication is not on');
    if (!(await reauthenticated(ctx, request, reply, user))) return reply;
    twoFactor.disable(user);
    return { enabled: false };
  });

  app.post<{ Body: PasswordChangeBody }>(SECURITY_PATHS.passwordChange, { schema: passwordChangeRoute }, async (request, reply) => {
    const { principal, user } = callerOf(ctx, request);
    const { newPassword: next, signOutOthers } = request.body;
    // Counted in code points, as people count characters (JSON Schema's minLength counts UTF-16 units).
    if ([...next].length < PASSWORD_MIN_LENGTH) {
      return sendTmfError(reply, 400, `"newPassword" must have at least ${PASSWORD_MIN_LENGTH} characters`);
    }
    if (next === given(request.body.currentPassword)) return sendTmfError(reply, 400, '"newPassword" must differ from the current password');
    if (!(await reauthenticated(ctx, request, reply, user))) return reply;
    let hash: string;
    try {
      hash = await ctx.passwords.hash(next);
    } catch (error) {
      if (error instanceof HashBusyError) return retryLater(reply, 503, error.retryAfterSeconds, 'Too many password checks in progress');
      throw error;
    }
    setPassword.run(hash, ctx.now().toISOString(), user.id);
    if (signOutOthers !== true) return reply.code(204).send();
    // In the same request: the code that re-authenticated it cannot be used a second time.
    return { revoked: sessions.revokeOthers(user.id, principal.sessionId, nowMs()) };
  });

  app.get(SECURITY_PATHS.session, { schema: listSessionsRoute }, async (request) => {
    const { principal, user } = callerOf(ctx, request);
    return sessions.listActive(user.id, nowMs()).map((session) => sessionJson(session, principal.sessionId));
  });

  app.delete<{ Body: ReauthenticationBody }>(
    SECURITY_PATHS.session,
    { schema: revokeOtherSessionsRoute, preValidation: emptyBodyIfNone },
    async (request, reply) => {
      const { principal, user } = callerOf(ctx, request);
      const query = request.query as Record<string, unknown>;
      const unknown = Object.keys(query).filter((name) => name !== 'others');
      if (unknown.length || query.others !== 'true') {
        return sendTmfError(reply, 400, 'Only DELETE ?others=true is supported here (end every session but this one)');
      }
      if (!(await reauthenticated(ctx, request, reply, user))) return reply;
      return { revoked: sessions.revokeOthers(user.id, principal.sessionId, nowMs()) };
    },
  );

  app.delete<{ Params: { id: string }; Body: ReauthenticationBody }>(
    `${SECURITY_PATHS.session}/:id`,
    { schema: revokeSessionRoute, preValidation: emptyBodyIfNone },
    async (request, reply) => {
      const { user } = callerOf(ctx, request);
      if (!(await reauthenticated(ctx, request, reply, user))) return reply;
      if (!sessions.revoke(user.id, request.params.id, nowMs())) {
        return sendTmfError(reply, 404, `No active session "${request.params.id}" of this user`);
      }
      return reply.code(204).send();
    },
  );
}
