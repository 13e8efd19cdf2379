/**
 * The OAuth 2.0 token and revocation endpoints (RFC 6749, RFC 7009). Not part of TMF: the
 * operator's identity provider would normally provide them. Grants: `password` (with a TOTP code
 * when the user has two-factor authentication on), `refresh_token` (rotating) and
 * `client_credentials`. Errors use the RFC 6749 §5.2 body, not the TMF one.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import { clientSecretMatches, type ClientRow } from './identities.js';
import { checkCredentials } from './credential-check.js';
import type { IssuedTokens } from './tokens.js';
import { REVOKE_PATH, TOKEN_PATH } from '../resources/paths.js';
import { SEED_CREDENTIALS } from './seed.js';
import { MAX_PARAM_LENGTH, revokeRoute, tokenRoute } from './oauth-contract.js';
import { validationMessage } from '../contract/validation-errors.js';

/** Client assumed when a request names none: the CLI, a public client. */
export const DEFAULT_CLIENT_ID = SEED_CREDENTIALS.cliClientId;
const FORM = 'application/x-www-form-urlencoded';

export class OAuthError extends Error {
  readonly statusCode: number;
  readonly error: string;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, error: string, description: string, headers: Record<string, string> = {}) {
    super(description);
    this.statusCode = statusCode;
    this.error = error;
    this.headers = headers;
  }
}

type Params = Record<string, string>;

/** Form body per RFC 6749 §3.2: each parameter at most once. */
function parseForm(body: string): Params {
  const params: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (key in params) throw new OAuthError(400, 'invalid_request', `Parameter "${key}" is repeated`);
    params[key] = value;
  }
  return params;
}

function paramsOf(request: FastifyRequest): Params {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OAuthError(400, 'invalid_request', `Send the parameters as ${FORM} (or a JSON object)`);
  }
  const params: Params = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new OAuthError(400, 'invalid_request', `Parameter "${key}" must be a string`);
    if (value.length > MAX_PARAM_LENGTH) throw new OAuthError(400, 'invalid_request', `Parameter "${key}" is too long`);
    params[key] = value;
  }
  return params;
}

function required(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw new OAuthError(400, 'invalid_request', `Missing parameter "${name}"`);
  return value;
}

/**
 * HTTP Basic client credentials, form-urlencoded inside (RFC 6749 §2.3.1). Other schemes are
 * ignored: a client that sends its Bearer token along to /oauth/revoke is not authenticating.
 */
function basicCredentials(request: FastifyRequest): { id: string; secret: string } | null {
  const header = request.headers.authorization;
  if (!header || !/^Basic\s/i.test(header)) return null;
  const challenge = { 'www-authenticate': 'Basic realm="espace"' };
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  const decoded = match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError(401, 'invalid_client', 'Malformed Basic credentials', challenge);
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    throw new OAuthError(401, 'invalid_client', 'Malformed Basic credentials', challenge);
  }
}

interface AuthenticatedClient {
  client: ClientRow;
  /** True when the client proved its identity with a secret (confidential client). */
  confidential: boolean;
}

function authenticateClient(ctx: SandboxContext, request: FastifyRequest, params: Params): AuthenticatedClient {
  const basic = basicCredentials(request);
  if (basic && params.client_secret !== undefined) {
    throw new OAuthError(400, 'invalid_request', 'Use only one client authentication method (Basic or client_secret)');
  }
  if (basic && params.client_id !== undefined && params.client_id !== basic.id) {
    throw new OAuthError(400, 'invalid_request', 'client_id does not match the Basic credentials');
  }
  const id = basic?.id ?? params.client_id ?? DEFAULT_CLIENT_ID;
  const secret = basic?.secret ?? params.client_secret;
  const challenge: Record<string, string> = basic ? { 'www-authenticate': 'Basic realm="espace"' } : {};
  const client = ctx.identities.client(id);
  if (!client) throw new OAuthError(401, 'invalid_client', 'Unknown client', challenge);
  if (client.secretSha256) {
    if (secret === undefined || !clientSecretMatches(client, secret)) {
      throw new OAuthError(401, 'invalid_client', 'Client authentication failed', challenge);
    }
    return { client, confidential: true };
  }
  if (secret !== undefined) throw new OAuthError(401, 'invalid_client', 'This client is public and has no secret', challenge);
  return { client, confidential: false };
}

function allowGrant(client: ClientRow, grant: string): void {
  if (!client.grantTypes.split(' ').includes(grant)) {
    throw new OAuthError(400, 'unauthorized_client', `Client "${client.id}" may not use the ${grant} grant`);
  }
}

/** The requested scope if the client may have all of it; the client's full scope if none was asked for. */
function grantedScope(client: ClientRow, requested: string | undefined): string {
  if (requested === undefined || requested.trim() === '') return client.scope;
  const allowed = new Set(client.scope.split(' '));
  const asked = [...new Set(requested.trim().split(/\s+/))];
  const refused = asked.filter((s) => !allowed.has(s));
  if (refused.length) throw new OAuthError(400, 'invalid_scope', `Scope not available to this client: ${refused.join(' ')}`);
  return asked.join(' ');
}

function userAgentOf(request: FastifyRequest): string | null {
  const ua = request.headers['user-agent'];
  return typeof ua === 'string' ? ua.slice(0, 256) : null;
}

function sendTokens(reply: FastifyReply, issued: IssuedTokens): FastifyReply {
  return reply.send({
    access_token: issued.accessToken,
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
    scope: issued.scope,
  });
}

async function passwordGrant(ctx: SandboxContext, request: FastifyRequest, params: Params, client: ClientRow): Promise<IssuedTokens> {
  allowGrant(client, 'password');
  const username = required(params, 'username');
  const password = required(params, 'password');
  const ip = request.ip;
  const check = await checkCredentials(ctx, { username, password, code: params.otp, source: ip });
  if (!check.ok) {
    switch (check.reason) {
      case 'throttled':
        throw new OAuthError(429, 'too_many_attempts', `Too many failed logins; try again in ${check.retryAfterSeconds} seconds`, {
          'retry-after': String(check.retryAfterSeconds),
        });
      case 'busy':
        throw new OAuthError(503, 'temporarily_unavailable', `Too many logins in progress; try again in ${check.retryAfterSeconds} seconds`, {
          'retry-after': String(check.retryAfterSeconds),
        });
      case 'password':
        throw new OAuthError(400, 'invalid_grant', 'Invalid username or password');
      case 'codeMissing':
        throw new OAuthError(
          400,
          'mfa_required',
          'Two-factor authentication is on: send the 6-digit code from the authenticator app (or a recovery code) as "otp"',
        );
      case 'code':
        throw new OAuthError(400, 'invalid_grant', 'The one-time code is wrong, expired or already used');
    }
  }
  const scope = grantedScope(client, params.scope);
  return ctx.tokens.startSession({ userId: check.user.id, clientId: client.id, grantType: 'password', userAgent: userAgentOf(request), ip }, scope, true);
}

function refreshGrant(ctx: SandboxContext, params: Params, client: ClientRow): IssuedTokens {
  allowGrant(client, 'refresh_token');
  const rotated = ctx.tokens.rotateRefreshToken(required(params, 'refresh_token'), client.id);
  if (!rotated) throw new OAuthError(400, 'invalid_grant', 'The refresh token is invalid, expired, revoked or already used');
  return rotated;
}

function clientCredentialsGrant(ctx: SandboxContext, request: FastifyRequest, params: Params, auth: AuthenticatedClient): IssuedTokens {
  if (!auth.confidential) {
    throw new OAuthError(401, 'invalid_client', 'The client_credentials grant needs client_id and client_secret');
  }
  allowGrant(auth.client, 'client_credentials');
  const scope = grantedScope(auth.client, params.scope);
  return ctx.tokens.startSession(
    { userId: null, clientId: auth.client.id, grantType: 'client_credentials', userAgent: userAgentOf(request), ip: request.ip },
    scope,
    false,
  );
}

function oauthErrorHandler(error: FastifyError | OAuthError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  if (error instanceof OAuthError) {
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    return reply.code(error.statusCode).send({ error: error.error, error_description: error.message });
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const description = error.validation
      ? validationMessage(error.validation, error.validationContext ?? 'body')
      : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? `Unsupported Content-Type; send ${FORM}`
        : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
          ? 'The request body is not valid JSON'
          : error.message;
    return reply.code(400).send({ error: 'invalid_request', error_description: description });
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.code(500).send({ error: 'server_error', error_description: 'The sandbox failed to process the request' });
}

export async function oauthRoutes(app: FastifyInstance, { ctx }: { ctx: SandboxContext }): Promise<void> {
  app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    try {
      done(null, parseForm(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.setErrorHandler(oauthErrorHandler);

  app.post(TOKEN_PATH, { schema: tokenRoute }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const params = paramsOf(request);
    const grantType = required(params, 'grant_type');
    const auth = authenticateClient(ctx, request, params);
    switch (grantType) {
      case 'password':
        return sendTokens(reply, await passwordGrant(ctx, request, params, auth.client));
      case 'refresh_token':
        return sendTokens(reply, refreshGrant(ctx, params, auth.client));
      case 'client_credentials':
        return sendTokens(reply, clientCredentialsGrant(ctx, request, params, auth));
      default:
        throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant_type "${grantType}"`);
    }
  });

  app.post(REVOKE_PATH, { schema: revokeRoute }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const params = paramsOf(request);
    const token = required(params, 'token');
    // Client credentials are optional here (possession of a token is enough to give it up),
    // but wrong ones are still refused.
    if (params.client_id !== undefined || params.client_secret !== undefined || basicCredentials(request)) {
      authenticateClient(ctx, request, params);
    }
    ctx.tokens.revoke(token);
    return reply.code(200).send();
  });
}
