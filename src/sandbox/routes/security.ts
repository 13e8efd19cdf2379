/**
 * Account security of the caller (never of someone else, agents included): two-factor enrolment
 * and removal, password change, and the list of active sessions. Wrong passwords and wrong codes
 * count as failed logins of the user, so these endpoints cannot be used to guess around the
 * login throttle.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import type { UserRow } from '../auth/identities.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { principalOf, type Principal } from '../auth/principal.js';
import { SessionStore, type ActiveSession } from '../auth/sessions.js';
import { otpauthUri, twoFactorOf } from '../auth/two-factor.js';
import { SECURITY_PATHS, TOTP_ISSUER } from '../resources/security-paths.js';
import { sendTmfError, TmfError } from '../tmf-errors.js';

/** Password rules the server enforces whatever the client checked. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

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

function stringField(body: unknown, name: string, maxLength = 1024): string {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'string' || value === '') throw new TmfError(400, `"${name}" is required (a string)`);
  if (value.length > maxLength) throw new TmfError(400, `"${name}" is too long`);
  return value;
}

/** Refuses while the user is throttled; otherwise runs the check and records a failure if it fails. */
function throttled(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply, user: UserRow): { blocked: boolean; fail: () => void } {
  const retryAfter = ctx.throttle.retryAfterSeconds(user.username, request.ip);
  if (retryAfter > 0) {
    reply.header('retry-after', String(retryAfter));
    sendTmfError(reply, 429, `Too many failed attempts; try again in ${retryAfter} seconds`);
    return { blocked: true, fail: () => {} };
  }
  return { blocked: false, fail: () => ctx.throttle.recordFailure(user.username, request.ip) };
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
  const nowMs = () => ctx.now().getTime();
  const setPassword = ctx.db.prepare<[string, string, string]>('UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE id = ?');

  app.get(SECURITY_PATHS.twoFactor, async (request) => {
    const { user } = callerOf(ctx, request);
    return twoFactor.status(user);
  });

  app.post(SECURITY_PATHS.enrolment, async (request, reply) => {
    const { user } = callerOf(ctx, request);
    if (user.totpSecret) return sendTmfError(reply, 409, 'Two-factor authentication is already on; turn it off first to enrol a new device');
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

  app.post(SECURITY_PATHS.confirmation, async (request, reply) => {
    const { user } = callerOf(ctx, request);
    const code = stringField(request.body, 'code', 16).trim();
    if (user.totpSecret) return sendTmfError(reply, 409, 'Two-factor authentication is already on');
    if (!twoFactor.status(user).pending) return sendTmfError(reply, 409, 'No enrolment is waiting for a code; start one first');
    const guard = throttled(ctx, request, reply, user);
    if (guard.blocked) return reply;
    const recoveryCodes = twoFactor.confirm(user, code, nowMs());
    if (!recoveryCodes) {
      guard.fail();
      return sendTmfError(reply, 422, 'The code does not match the secret (check the device clock, and use the newest code)');
    }
    reply.header('cache-control', 'no-store');
    return { enabled: true, recoveryCodes };
  });

  app.post(SECURITY_PATHS.deactivation, async (request, reply) => {
    const { user } = callerOf(ctx, request);
    const code = stringField(request.body, 'code', 64);
    if (!user.totpSecret) return sendTmfError(reply, 409, 'Two-factor authentication is not on');
    const guard = throttled(ctx, request, reply, user);
    if (guard.blocked) return reply;
    if (!twoFactor.verifySecondFactor(user, code, nowMs())) {
      guard.fail();
      return sendTmfError(reply, 422, 'The code is wrong, expired or already used (a current code or an unused recovery code is needed)');
    }
    twoFactor.disable(user);
    return { enabled: false };
  });

  app.post(SECURITY_PATHS.passwordChange, async (request, reply) => {
    const { user } = callerOf(ctx, request);
    const current = stringField(request.body, 'currentPassword', PASSWORD_MAX_LENGTH);
    const next = stringField(request.body, 'newPassword', PASSWORD_MAX_LENGTH);
    if ([...next].length < PASSWORD_MIN_LENGTH) {
      return sendTmfError(reply, 400, `"newPassword" must have at least ${PASSWORD_MIN_LENGTH} characters`);
    }
    if (next === current) return sendTmfError(reply, 400, '"newPassword" must differ from the current password');
    const guard = throttled(ctx, request, reply, user);
    if (guard.blocked) return reply;
    if (!(await verifyPassword(current, user.passwordHash))) {
      guard.fail();
      return sendTmfError(reply, 422, '"currentPassword" is not the current password');
    }
    ctx.throttle.recordSuccess(user.username);
    setPassword.run(await hashPassword(next), ctx.now().toISOString(), user.id);
    return reply.code(204).send();
  });

  app.get(SECURITY_PATHS.session, async (request) => {
    const { principal, user } = callerOf(ctx, request);
    return sessions.listActive(user.id, nowMs()).map((session) => sessionJson(session, principal.sessionId));
  });

  app.delete<{ Querystring: { others?: string } }>(SECURITY_PATHS.session, async (request, reply) => {
    const { principal, user } = callerOf(ctx, request);
    const query = request.query as Record<string, unknown>;
    const unknown = Object.keys(query).filter((name) => name !== 'others');
    if (unknown.length || query.others !== 'true') {
      return sendTmfError(reply, 400, 'Only DELETE ?others=true is supported here (end every session but this one)');
    }
    return { revoked: sessions.revokeOthers(user.id, principal.sessionId, nowMs()) };
  });

  app.delete<{ Params: { id: string } }>(`${SECURITY_PATHS.session}/:id`, async (request, reply) => {
    const { user } = callerOf(ctx, request);
    if (!sessions.revoke(user.id, request.params.id, nowMs())) {
      return sendTmfError(reply, 404, `No active session "${request.params.id}" of this user`);
    }
    return reply.code(204).send();
  });
}
