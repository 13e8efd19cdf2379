/**
 * The wire contract of the OAuth 2.0 token and revocation endpoints (RFC 6749, RFC 7009) as the
 * sandbox serves them (see ../contract/route-schema.ts). Parameters unknown to a grant are ignored,
 * as RFC 6749 §3.2 asks, so the bodies accept other fields; the grant's own checks (which parameters
 * it needs, the client, the scope) stay in oauth-routes.ts, where they answer RFC 6749 errors.
 */
import * as z from 'zod';
import { model, routeSchema } from '../contract/route-schema.js';
import { SCOPES } from './seed.js';

/** Longest value of a parameter. */
export const MAX_PARAM_LENGTH = 4096;

const param = (description: string) => z.string().max(MAX_PARAM_LENGTH).describe(description);
const secret = (description: string) => param(description).meta({ format: 'password' });

const TokenRequest = model(
  'TokenRequest',
  z
    .looseObject({
      grant_type: param('Grant type: password, refresh_token or client_credentials'),
      username: param('password grant').optional(),
      password: secret('password grant').optional(),
      otp: param('password grant: 6-digit TOTP code (RFC 6238), required when the user has two-factor authentication on; each code works once').optional(),
      refresh_token: param('refresh_token grant; the token is rotated: the answer carries a new one and this one stops working').optional(),
      client_id: param('Client identifier (default "espace-cli")').optional(),
      client_secret: secret('Secret of a confidential client (client_credentials)').optional(),
      scope: param(`Space-separated scopes, a subset of the client's (users: "${SCOPES.user}", CI: "${SCOPES.ci}"); default all of them`).optional(),
    })
    .describe(
      'RFC 6749 token request. Client authentication: HTTP Basic or client_id/client_secret in the body; a request naming ' +
        'no client is taken as the public CLI client "espace-cli".',
    ),
);

const TokenResponse = model(
  'TokenResponse',
  z.object({
    access_token: z.string().describe('Opaque bearer token, prefixed "esp_at_"'),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().describe('Lifetime of the access token in seconds'),
    refresh_token: z.string().describe('Opaque refresh token, prefixed "esp_rt_" (password and refresh_token grants only)').optional(),
    scope: z.string().describe('Granted scopes. Tokens without "tmf.write" are read-only: any TMF request other than GET answers 403.'),
  }),
);

const RevokeRequest = model(
  'RevokeRequest',
  z
    .looseObject({
      token: param('The access or refresh token'),
      token_type_hint: param('Optional hint: access_token or refresh_token').optional(),
      client_id: param('Optional; if client credentials are sent they must be valid').optional(),
      client_secret: secret('Optional').optional(),
    })
    .describe('RFC 7009. Revoking a refresh token ends its session and every access token issued in it.'),
);

const OAuthError = model(
  'OAuthError',
  z
    .object({
      error: z.enum([
        'invalid_request',
        'invalid_client',
        'invalid_grant',
        'unauthorized_client',
        'unsupported_grant_type',
        'invalid_scope',
        'mfa_required',
        'too_many_attempts',
        'temporarily_unavailable',
        'server_error',
      ]),
      error_description: z.string().describe('Human-readable explanation'),
    })
    .describe('RFC 6749 §5.2 error body, plus "mfa_required" (an otp is needed) and "too_many_attempts" (login throttling).'),
);

const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };
const FORM_AND_JSON = ['application/x-www-form-urlencoded', 'application/json'] as const;

export const tokenRoute = routeSchema({
  operationId: 'token',
  tags: ['oauth'],
  auth: 'client',
  summary: 'Obtain tokens (RFC 6749): password (+ otp), refresh_token, client_credentials',
  description:
    'Answers carry Cache-Control: no-store. Failed logins are throttled per (username, client address) with an exponential ' +
    'back-off, with looser bounds per username and per address (never a lockout of the right password and code from an ' +
    'address without failures); password checks run a few at a time (503 with Retry-After beyond).',
  body: TokenRequest,
  bodyMediaTypes: FORM_AND_JSON,
  response: {
    200: { description: 'Tokens', schema: TokenResponse },
    400: {
      description: 'invalid_request, invalid_grant, unauthorized_client, unsupported_grant_type, invalid_scope or mfa_required',
      schema: OAuthError,
    },
    401: { description: 'invalid_client', schema: OAuthError },
    429: {
      description:
        'too_many_attempts: after 5 failed logins of a username from one address within 15 minutes, a back-off from 15 seconds, ' +
        'doubling with each failure, at most 15 minutes (past 50 failures of the username, from the first failure of an address)',
      headers: retryAfter,
      schema: OAuthError,
    },
    503: { description: 'temporarily_unavailable: too many password checks in progress', headers: retryAfter, schema: OAuthError },
    500: { description: 'server_error', schema: OAuthError },
  },
});

export const revokeRoute = routeSchema({
  operationId: 'revoke',
  tags: ['oauth'],
  auth: 'client',
  summary: 'Revoke a token (RFC 7009); 200 even for unknown tokens',
  body: RevokeRequest,
  bodyMediaTypes: FORM_AND_JSON,
  response: {
    200: { description: 'Revoked (or already unusable)', schema: null },
    400: { description: 'invalid_request', schema: OAuthError },
    401: { description: 'invalid_client (only when client credentials were sent)', schema: OAuthError },
    500: { description: 'server_error', schema: OAuthError },
  },
});
