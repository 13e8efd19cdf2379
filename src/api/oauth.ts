/**
 * The OAuth-style token endpoints (RFC 6749 grants, RFC 7009 revocation). Not TMF: the sandbox
 * documents them in its OpenAPI document, and staging backends put them in front of TMF.
 */
import * as z from 'zod';
import type { HttpClient } from './http.js';
import { parseResource } from './tmf/common.js';
import { OAUTH } from './tmf/paths.js';

/** The client id espace presents for user logins. */
export const CLI_CLIENT_ID = 'espace-cli';

const TokenAnswer = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
});

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  tokenType: string;
  /** ISO time; undefined when the server did not say. */
  expiresAt?: string;
  scope?: string;
}

async function grant(client: HttpClient, form: Record<string, string | undefined>, now: Date): Promise<TokenSet> {
  const response = await client.request({ method: 'POST', path: OAUTH.token, form, authenticated: false });
  const answer = parseResource(TokenAnswer, response, 'OAuth token', OAUTH.token);
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    tokenType: answer.token_type ?? 'Bearer',
    expiresAt: answer.expires_in !== undefined ? new Date(now.getTime() + answer.expires_in * 1000).toISOString() : undefined,
    scope: answer.scope,
  };
}

export function passwordGrant(client: HttpClient, credentials: { username: string; password: string; otp?: string }, now: Date): Promise<TokenSet> {
  return grant(
    client,
    { grant_type: 'password', client_id: CLI_CLIENT_ID, username: credentials.username, password: credentials.password, otp: credentials.otp },
    now,
  );
}

export function refreshGrant(client: HttpClient, refreshToken: string, now: Date): Promise<TokenSet> {
  return grant(client, { grant_type: 'refresh_token', client_id: CLI_CLIENT_ID, refresh_token: refreshToken }, now);
}

export function clientCredentialsGrant(client: HttpClient, clientId: string, clientSecret: string, now: Date): Promise<TokenSet> {
  return grant(client, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }, now);
}

/** RFC 7009: the server answers 200 whether or not it knew the token. */
export async function revokeToken(client: HttpClient, token: string, hint: 'access_token' | 'refresh_token'): Promise<void> {
  await client.request({
    method: 'POST',
    path: OAUTH.revoke,
    form: { token, token_type_hint: hint, client_id: CLI_CLIENT_ID },
    authenticated: false,
  });
}
