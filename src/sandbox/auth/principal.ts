/**
 * Who is calling, and what they may see. One bearer-token hook authenticates every TMF request
 * and enforces read-only access; handlers then only scope their queries to the visible accounts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxDatabase, Statement } from '../db.js';
import { sendTmfError } from '../tmf-errors.js';
import type { TokenStore } from './tokens.js';

export type Role = 'customer' | 'agent' | 'ci';

export interface Principal {
  sessionId: string;
  /** The user, or null for a client acting on its own behalf (client credentials). */
  userId: string | null;
  clientId: string;
  role: Role;
  scopes: ReadonlySet<string>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the bearer hook on every TMF route; null elsewhere. */
    principal: Principal | null;
  }
}

/** Scope a token needs for anything but reads. */
export const WRITE_SCOPE = 'tmf.write';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)\s*$/i;

function unauthorized(reply: FastifyReply, message: string): FastifyReply {
  reply.header('www-authenticate', `Bearer realm="espace", error="invalid_token", error_description="${message}"`);
  return sendTmfError(reply, 401, message);
}

/** The onRequest hook guarding every TMF route. */
export function bearerAuthHook(tokens: TokenStore) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const header = request.headers.authorization;
    if (!header) return unauthorized(reply, 'An access token is required (Authorization: Bearer <token>)');
    const token = BEARER.exec(header)?.[1];
    if (!token) return unauthorized(reply, 'The Authorization header must use the Bearer scheme');
    const grant = tokens.findAccess(token);
    if (!grant) return unauthorized(reply, 'The access token is invalid, expired or revoked');
    const role: Role | null = grant.userId ? grant.userRole : grant.clientRole;
    if (!role) return unauthorized(reply, 'The access token is not bound to a user or client role');
    const principal: Principal = {
      sessionId: grant.sessionId,
      userId: grant.userId,
      clientId: grant.clientId,
      role,
      scopes: new Set(grant.scope.split(' ')),
    };
    if (!READ_METHODS.has(request.method) && !principal.scopes.has(WRITE_SCOPE)) {
      return sendTmfError(reply, 403, `This token is read-only (scope "${grant.scope}"): ${request.method} is not allowed`);
    }
    request.principal = principal;
    return undefined;
  };
}

/** The caller of a TMF route (the hook guarantees one). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('TMF route reached without authentication');
  return request.principal;
}

/**
 * Which billing accounts a principal may see: customers their own, agents and CI clients all.
 * Resources of other accounts are answered as not found, so their existence does not leak.
 */
export class AccessPolicy {
  readonly #owns: Statement<[string, string], { one: number }>;

  constructor(db: SandboxDatabase) {
    this.#owns = db.prepare('SELECT 1 AS one FROM account_access WHERE user_id = ? AND billing_account_id = ?');
  }

  canSeeAccount(principal: Principal, billingAccountId: string): boolean {
    if (principal.role !== 'customer') return true;
    return principal.userId !== null && this.#owns.get(principal.userId, billingAccountId) !== undefined;
  }

  /**
   * SQL condition restricting `column` to the visible accounts, with its parameters; null when the
   * principal sees everything.
   */
  accountCondition(principal: Principal, column: string): { sql: string; params: Record<string, unknown> } | null {
    if (principal.role !== 'customer') return null;
    return {
      sql: `${column} IN (SELECT billing_account_id FROM account_access WHERE user_id = @visibleTo)`,
      params: { visibleTo: principal.userId },
    };
  }
}
