/**
 * The sandbox's own OpenAPI 3.0 document (served at /openapi.json): exactly the routes it
 * implements, with the espace extensions of TMF (the `EspaceCustomerBill` subtype, the OAuth
 * endpoints, userinfo's `userAssets`). A test checks that every registered route appears here.
 */
import { DEFAULT_LIMIT, MAX_LIMIT } from './paging.js';
import { HEALTH_PATH, OPENAPI_PATH, OPENID_API, REVOKE_PATH, TOKEN_PATH } from './resources/paths.js';
import { SCOPES } from './seed.js';
import { ACCOUNT_SECURITY_PATHS, ACCOUNT_SECURITY_SCHEMAS, ACCOUNT_SECURITY_TAGS } from './openapi/account-security.js';
import { TICKET_OPENAPI_PATHS, TICKET_OPENAPI_SCHEMAS, TICKET_OPENAPI_TAGS } from './openapi/ticket.js';
import { CLOCK_PATHS, CLOCK_SCHEMAS, CLOCK_TAGS } from './clock/openapi.js';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string): Json => ({ $ref: `#/components/parameters/${name}` });
const response = (name: string): Json => ({ $ref: `#/components/responses/${name}` });
const str = (description: string, extra: Json = {}): Json => ({ type: 'string', description, ...extra });
const arrayOf = (items: Json, description?: string): Json => ({ type: 'array', items, ...(description ? { description } : {}) });
const json = (schema: Json): Json => ({ 'application/json': { schema } });

const TMF_ERRORS = {
  '400': response('BadRequest'),
  '401': response('Unauthorized'),
  '403': response('Forbidden'),
  '404': response('NotFound'),
  '405': response('MethodNotAllowed'),
  '500': response('InternalError'),
};

function listOperation(operationId: string, tag: string, summary: string, item: string, filters: Json[]): Json {
  return {
    operationId,
    tags: [tag],
    summary,
    security: [{ bearerAuth: [] }],
    parameters: [param('fields'), param('offset'), param('limit'), ...filters],
    responses: {
      '200': {
        description: 'Success (one page of results)',
        headers: {
          'X-Total-Count': { $ref: '#/components/headers/X-Total-Count' },
          'X-Result-Count': { $ref: '#/components/headers/X-Result-Count' },
          'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
        },
        content: json(arrayOf(ref(item))),
      },
      ...TMF_ERRORS,
    },
  };
}

function retrieveOperation(operationId: string, tag: string, summary: string, item: string): Json {
  return {
    operationId,
    tags: [tag],
    summary,
    security: [{ bearerAuth: [] }],
    parameters: [param('id'), param('fields')],
    responses: {
      '200': { description: 'Success', content: json(ref(item)) },
      ...TMF_ERRORS,
    },
  };
}

const schemas: Record<string, Json> = {
  Error: {
    type: 'object',
    description: 'TMF630 error body, used for every 4xx and 5xx answer outside /oauth.',
    required: ['code', 'reason'],
    properties: {
      code: str('The HTTP status, as a string'),
      reason: str('Short explanation (the HTTP reason phrase)'),
      message: str('What went wrong and how to fix it'),
      status: str('The HTTP status, as a string'),
      referenceError: str('URI of documentation of the error', { format: 'uri' }),
      '@type': str('Always "Error"'),
    },
  },
  Health: { type: 'object', required: ['status'], properties: { status: str('"ok" once the server accepts requests', { enum: ['ok'] }) } },
  TokenRequest: {
    type: 'object',
    description:
      'RFC 6749 token request. Client authentication: HTTP Basic or client_id/client_secret in the body; a request naming ' +
      'no client is taken as the public CLI client "espace-cli".',
    required: ['grant_type'],
    properties: {
      grant_type: str('Grant type', { enum: ['password', 'refresh_token', 'client_credentials'] }),
      username: str('password grant'),
      password: str('password grant', { format: 'password' }),
      otp: str('password grant: 6-digit TOTP code (RFC 6238), required when the user has two-factor authentication on; each code works once'),
      refresh_token: str('refresh_token grant; the token is rotated: the answer carries a new one and this one stops working'),
      client_id: str('Client identifier (default "espace-cli")'),
      client_secret: str('Secret of a confidential client (client_credentials)', { format: 'password' }),
      scope: str(`Space-separated scopes, a subset of the client's (users: "${SCOPES.user}", CI: "${SCOPES.ci}"); default all of them`),
    },
  },
  TokenResponse: {
    type: 'object',
    required: ['access_token', 'token_type', 'expires_in', 'scope'],
    properties: {
      access_token: str('Opaque bearer token, prefixed "esp_at_"'),
      token_type: str('Always "Bearer"', { enum: ['Bearer'] }),
      expires_in: { type: 'integer', description: 'Lifetime of the access token in seconds' },
      refresh_token: str('Opaque refresh token, prefixed "esp_rt_" (password and refresh_token grants only)'),
      scope: str('Granted scopes. Tokens without "tmf.write" are read-only: any TMF request other than GET answers 403.'),
    },
  },
  RevokeRequest: {
    type: 'object',
    description: 'RFC 7009. Revoking a refresh token ends its session and every access token issued in it.',
    required: ['token'],
    properties: {
      token: str('The access or refresh token'),
      token_type_hint: str('Optional hint', { enum: ['access_token', 'refresh_token'] }),
      client_id: str('Optional; if client credentials are sent they must be valid'),
      client_secret: str('Optional', { format: 'password' }),
    },
  },
  OAuthError: {
    type: 'object',
    description: 'RFC 6749 §5.2 error body, plus "mfa_required" (an otp is needed) and "too_many_attempts" (login throttling).',
    required: ['error'],
    properties: {
      error: str('Error code', {
        enum: [
          'invalid_request',
          'invalid_client',
          'invalid_grant',
          'unauthorized_client',
          'unsupported_grant_type',
          'invalid_scope',
          'mfa_required',
          'too_many_attempts',
          'server_error',
        ],
      }),
      error_description: str('Human-readable explanation'),
    },
  },
  MediumCharacteristic: {
    type: 'object',
    properties: {
      contactType: str('billing, home…'),
      street1: str('Street'),
      street2: str('Unit'),
      city: str('City'),
      stateOrProvince: str('Province code'),
      postCode: str('Postal code'),
      country: str('ISO 3166 country code'),
      emailAddress: str('Email'),
      phoneNumber: str('Phone'),
    },
  },
  ContactMedium: {
    type: 'object',
    properties: {
      mediumType: str('postalAddress, email or phone'),
      preferred: { type: 'boolean' },
      characteristic: ref('MediumCharacteristic'),
    },
  },
  Entitlement: {
    type: 'object',
    properties: { function: str('Area, e.g. billing'), action: str('read or update') },
  },
  UserAsset: {
    type: 'object',
    required: ['entityType', 'id', 'role', 'assetType'],
    properties: {
      entityType: str('BillingAccount'),
      id: str('Account id, or "*" for every account (agents, CI clients)'),
      assetType: str('billingAccount'),
      role: str('owner (customer), agent or ci'),
      entitlement: arrayOf(ref('Entitlement')),
    },
  },
  Userinfo: {
    type: 'object',
    description: 'TMF691 Userinfo (OpenID Connect claims). For a client-credentials token, sub is the client id.',
    required: ['sub', 'name'],
    properties: {
      sub: str('User id (e.g. IND-1001) or client id'),
      name: str('Full name'),
      given_name: str('Given name'),
      family_name: str('Family name'),
      preferred_username: str('Login name'),
      email: str('Email'),
      email_verified: { type: 'boolean' },
      phone_number: str('Phone'),
      locale: str('fr-CA or en-CA'),
      userAssets: arrayOf(ref('UserAsset'), 'What the caller may act on, and in which role'),
    },
  },
};

function errorResponse(description: string): Json {
  return { description, content: json(ref('Error')) };
}

function oauthResponses(success: Json): Json {
  return {
    '200': success,
    '400': {
      description: 'invalid_request, invalid_grant, unauthorized_client, unsupported_grant_type, invalid_scope or mfa_required',
      content: json(ref('OAuthError')),
    },
    '401': { description: 'invalid_client', content: json(ref('OAuthError')) },
    '429': {
      description:
        'too_many_attempts: after 5 failed logins of a username from one address within 15 minutes, a back-off from 15 seconds, ' +
        'doubling with each failure, at most 15 minutes (past 50 failures of the username, from the first failure of an address)',
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
      content: json(ref('OAuthError')),
    },
    '503': {
      description: 'temporarily_unavailable: too many password checks in progress',
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
      content: json(ref('OAuthError')),
    },
  };
}

const oauthBody = (schema: string): Json => ({
  required: true,
  content: { 'application/x-www-form-urlencoded': { schema: ref(schema) }, 'application/json': { schema: ref(schema) } },
});

/** The operations and components of routes that declare no contract yet (see contract/openapi-document.ts). */
export function handWrittenOpenApiDocument(): Json {
  return {
    openapi: '3.0.3',
    info: {
      title: 'espace sandbox',
      version: '1.0.0',
      description:
        'The embedded sandbox of espace: the subset of the TM Forum Open APIs v4 the CLI uses (TMF678 Customer Bill, ' +
        'TMF666 Account, TMF691 userinfo), OAuth 2.0 token endpoints, and seeded demo data. Every TMF route needs ' +
        '"Authorization: Bearer <token>"; a missing, unknown, expired or revoked token answers 401 with ' +
        'WWW-Authenticate: Bearer error="invalid_token". Customers see only their own billing accounts (other ' +
        'accounts answer 404, never 403); agents read, and may update, every account; the CI client is read-only (403 on anything but ' +
        'GET). Lists take offset, limit (default ' +
        `${DEFAULT_LIMIT}, at most ${MAX_LIMIT}), fields and the filters listed; unknown query parameters answer 400. ` +
        "Every response carries X-Request-Id (the client's, if it sent a well-formed one).",
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'userinfo', description: 'TMF691 Federated ID' },
      { name: 'oauth', description: 'OAuth 2.0 (not TMF)' },
      { name: 'meta', description: 'Server utilities' },
      ...ACCOUNT_SECURITY_TAGS,
      ...TICKET_OPENAPI_TAGS,
      ...CLOCK_TAGS,
    ],
    paths: {
      [HEALTH_PATH]: {
        get: {
          operationId: 'health',
          tags: ['meta'],
          summary: 'Readiness check (no authentication)',
          responses: { '200': { description: 'The server is ready', content: json(ref('Health')) } },
        },
      },
      [OPENAPI_PATH]: {
        get: {
          operationId: 'openapi',
          tags: ['meta'],
          summary: 'This document (no authentication)',
          responses: { '200': { description: 'OpenAPI 3.0 document', content: json({ type: 'object' }) } },
        },
      },
      [TOKEN_PATH]: {
        post: {
          operationId: 'token',
          tags: ['oauth'],
          summary: 'Obtain tokens (RFC 6749): password (+ otp), refresh_token, client_credentials',
          description:
            'Answers carry Cache-Control: no-store. Failed logins are throttled per (username, client address) with an exponential ' +
            'back-off, with looser bounds per username and per address (never a lockout of the right password and code from an ' +
            'address without failures); password checks run a few at a time (503 with Retry-After beyond).',
          security: [{}, { clientBasic: [] }],
          requestBody: oauthBody('TokenRequest'),
          responses: oauthResponses({ description: 'Tokens', content: json(ref('TokenResponse')) }),
        },
      },
      [REVOKE_PATH]: {
        post: {
          operationId: 'revoke',
          tags: ['oauth'],
          summary: 'Revoke a token (RFC 7009); 200 even for unknown tokens',
          security: [{}, { clientBasic: [] }],
          requestBody: oauthBody('RevokeRequest'),
          responses: {
            '200': { description: 'Revoked (or already unusable)' },
            '400': { description: 'invalid_request', content: json(ref('OAuthError')) },
            '401': { description: 'invalid_client (only when client credentials were sent)', content: json(ref('OAuthError')) },
          },
        },
      },
      [`${OPENID_API}/userinfo`]: {
        get: listOperation('listUserinfo', 'userinfo', "The caller's own userinfo, as a one-element array", 'Userinfo', []),
      },
      [`${OPENID_API}/userinfo/{id}`]: {
        get: retrieveOperation('retrieveUserinfo', 'userinfo', "The caller's own userinfo by sub (any other id answers 404)", 'Userinfo'),
      },
      ...ACCOUNT_SECURITY_PATHS,
      ...TICKET_OPENAPI_PATHS,
      ...CLOCK_PATHS,
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Access token from /oauth/token' },
        clientBasic: { type: 'http', scheme: 'basic', description: 'Confidential client credentials (client_id:client_secret)' },
        oauth: {
          type: 'oauth2',
          flows: {
            password: {
              tokenUrl: TOKEN_PATH,
              refreshUrl: TOKEN_PATH,
              scopes: { openid: 'Userinfo', profile: 'Profile', 'tmf.read': 'Read TMF resources', 'tmf.write': 'Change TMF resources' },
            },
            clientCredentials: { tokenUrl: TOKEN_PATH, scopes: { 'tmf.read': 'Read TMF resources' } },
          },
        },
      },
      parameters: {
        id: { name: 'id', in: 'path', required: true, description: 'Identifier of the resource', schema: { type: 'string' } },
        fields: {
          name: 'fields',
          in: 'query',
          required: false,
          description: 'Comma-separated first-level attributes to return (id, href and @type are always returned)',
          schema: { type: 'string' },
        },
        offset: { name: 'offset', in: 'query', required: false, description: 'Index of the first item (default 0)', schema: { type: 'integer', minimum: 0 } },
        limit: {
          name: 'limit',
          in: 'query',
          required: false,
          description: `Page size (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}; 0 returns only the counts)`,
          schema: { type: 'integer', minimum: 0, maximum: MAX_LIMIT },
        },
      },
      headers: {
        'X-Total-Count': { description: 'Number of items matching the criteria', schema: { type: 'integer' } },
        'X-Result-Count': { description: 'Number of items in this response', schema: { type: 'integer' } },
        'X-Request-Id': { description: 'Request identifier (echoed or generated)', schema: { type: 'string' } },
      },
      responses: {
        BadRequest: errorResponse('Bad request: invalid parameter, filter, body or malformed JSON'),
        Unauthorized: {
          description: 'Missing, unknown, expired or revoked access token',
          headers: { 'WWW-Authenticate': { description: 'Bearer realm="espace", error="invalid_token", …', schema: { type: 'string' } } },
          content: json(ref('Error')),
        },
        Forbidden: errorResponse('The token is read-only (no tmf.write scope) and the method is not GET'),
        NotFound: errorResponse('No such resource, or it belongs to an account the caller may not see'),
        MethodNotAllowed: errorResponse('The path exists but not with this method (see the Allow header)'),
        InternalError: errorResponse('Unexpected server failure'),
      },
      schemas: {
        ...schemas,
        ...ACCOUNT_SECURITY_SCHEMAS,
        ...TICKET_OPENAPI_SCHEMAS,
        ...CLOCK_SCHEMAS,
      },
    },
  };
}
