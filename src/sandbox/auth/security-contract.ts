/**
 * The wire contract of the account security endpoints (two-factor, password, sessions: espace's own,
 * no TMF API covers them) as the sandbox serves them (see ../contract/route-schema.ts). The
 * re-authentication fields are optional in the bodies: a request without them is well formed but not
 * allowed, and answers 403 from the route, not 400.
 */
import * as z from 'zod';
import { ErrorModel, idParams } from '../contract/tmf-common.js';
import { model, routeSchema, type ResponseSpec } from '../contract/route-schema.js';
import { RECOVERY_CODE_COUNT } from './two-factor.js';

/** Password rules the server enforces whatever the client checked. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** Longest one-time code accepted (a recovery code with spaces or dashes). */
const CODE_MAX_LENGTH = 64;

const currentPassword = z.string().max(PASSWORD_MAX_LENGTH).describe('The current password').meta({ format: 'password' });
const reauthCode = z
  .string()
  .max(CODE_MAX_LENGTH)
  .describe('Needed when two-factor is on: a current 6-digit code (each works once) or an unused recovery code (spent)');

const Reauthentication = model(
  'Reauthentication',
  z
    .object({ currentPassword: currentPassword.optional(), code: reauthCode.optional() })
    .describe(
      'Proof, in the request that makes a sensitive change, that the owner is at the keyboard (not only their access token): ' +
        'the current password, and when two-factor is on a current code or an unused recovery code. Checked under the login ' +
        'throttle. Without them the change answers 403.',
    ),
);
export type ReauthenticationBody = z.infer<typeof Reauthentication>;

const TwoFactorStatus = model(
  'TwoFactorStatus',
  z.object({
    enabled: z.boolean().describe('Logins need a code'),
    pending: z.boolean().describe('An enrolment waits for its confirming code'),
    recoveryCodesLeft: z.number().int().describe('Unused recovery codes'),
  }),
);

const TwoFactorEnrolment = model(
  'TwoFactorEnrolment',
  z
    .object({
      secret: z.string().describe('Base32 secret'),
      otpauthUri: z.string().describe('otpauth://totp/… URI for authenticator apps (QR code)'),
      issuer: z.string().describe('Issuer'),
      accountName: z.string().describe('Login name'),
      algorithm: z.literal('SHA1'),
      digits: z.number().int(),
      period: z.number().int().describe('Seconds per step'),
    })
    .describe('A new TOTP secret (RFC 6238, SHA-1, 6 digits, 30-second steps), pending until confirmed. Cache-Control: no-store.'),
);

const TwoFactorCode = model('TwoFactorCode', z.object({ code: z.string().min(1).max(16).describe('A current 6-digit code from the pending secret') }));

const TwoFactorConfirmation = model(
  'TwoFactorConfirmation',
  z.object({
    enabled: z.literal(true),
    recoveryCodes: z
      .array(z.string())
      .describe(
        `${RECOVERY_CODE_COUNT} one-time recovery codes (xxxxx-xxxxx), shown this once: only their hashes are kept. Each works ` +
          'once in place of a code, at login ("otp") or to turn two-factor off.',
      ),
  }),
);

const TwoFactorOff = z.object({ enabled: z.literal(false) });

const PasswordChange = model(
  'PasswordChange',
  z.object({
    currentPassword: currentPassword.optional(),
    code: reauthCode.optional(),
    newPassword: z
      .string()
      .max(PASSWORD_MAX_LENGTH)
      .describe(`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, different from the current one (stored as scrypt)`)
      .meta({ format: 'password' }),
    signOutOthers: z
      .boolean()
      .describe('Also end every other session of the caller, in this request (its code could not re-authenticate a second one)')
      .optional(),
  }),
);
export type PasswordChangeBody = z.infer<typeof PasswordChange>;

const Session = model(
  'Session',
  z.object({
    id: z.string().describe('Session identifier'),
    current: z.boolean().describe('The session of the token making this request'),
    clientId: z.string().describe('OAuth client'),
    grantType: z.string().describe('How it was opened (password, …)'),
    userAgent: z.string().nullable().describe('User agent at login (device)'),
    ipAddress: z.string().nullable().describe('Address at login'),
    createdAt: z.string().describe('Login time').meta({ format: 'date-time' }),
    lastUsedAt: z.string().describe('Last use (updated at most once a minute)').meta({ format: 'date-time' }),
  }),
);

const Revoked = z.object({ revoked: z.number().int().describe('How many sessions ended') });

const problem = (description: string): ResponseSpec => ({ description, schema: ErrorModel });
const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };
const throttled = {
  429: {
    description:
      'Too many failed attempts: they count as failed logins of the user from this address (5 free within 15 minutes, then a ' +
      'back-off from 15 seconds, doubling, at most 15 minutes)',
    headers: retryAfter,
    schema: ErrorModel,
  },
};
/** Answers of an operation that needs re-authentication (and so a password hash). */
const reauthenticated = {
  ...throttled,
  403: problem(
    'Re-authentication missing: an access token alone is not enough; send "currentPassword", and "code" when two-factor is on ' +
      '(also for a client token: account security applies to user logins)',
  ),
  422: problem('The current password or the code is wrong (counts as a failed login)'),
  503: { description: 'Too many password checks in progress', headers: retryAfter, schema: ErrorModel },
};

export const twoFactorStatusRoute = routeSchema({
  operationId: 'twoFactorStatus',
  tags: ['security'],
  auth: 'bearer',
  summary: 'Whether two-factor authentication is on',
  response: { 200: TwoFactorStatus },
});

export const enrolmentRoute = routeSchema({
  operationId: 'startTwoFactorEnrolment',
  tags: ['security'],
  auth: 'bearer',
  summary: 'Issue a new pending TOTP secret (after re-authentication with the password)',
  body: Reauthentication,
  response: { 201: { description: 'Pending secret', schema: TwoFactorEnrolment }, 409: problem('Two-factor authentication is already on'), ...reauthenticated },
});

export const confirmationRoute = routeSchema({
  operationId: 'confirmTwoFactorEnrolment',
  tags: ['security'],
  auth: 'bearer',
  summary: 'Confirm the pending secret with a code; turns two-factor on and returns the recovery codes once',
  body: TwoFactorCode,
  response: {
    200: { description: 'On', schema: TwoFactorConfirmation },
    409: problem('Already on, or no enrolment pending'),
    422: problem('The code does not match'),
    ...throttled,
  },
});

export const deactivationRoute = routeSchema({
  operationId: 'disableTwoFactor',
  tags: ['security'],
  auth: 'bearer',
  summary: 'Turn two-factor off with the password and a current code or a recovery code',
  body: Reauthentication,
  response: { 200: { description: 'Off', schema: TwoFactorOff }, 409: problem('Two-factor authentication is not on'), ...reauthenticated },
});

export const passwordChangeRoute = routeSchema({
  operationId: 'changePassword',
  tags: ['security'],
  auth: 'bearer',
  summary: 'Change the password (after re-authentication; other sessions stay open unless signOutOthers)',
  body: PasswordChange,
  response: {
    200: { description: 'Changed, and the other sessions ended (signOutOthers)', schema: Revoked },
    204: { description: 'Changed', schema: null },
    ...reauthenticated,
  },
});

export const listSessionsRoute = routeSchema({
  operationId: 'listSessions',
  tags: ['security'],
  auth: 'bearer',
  summary: "The caller's active sessions, most recently used first",
  response: { 200: { description: 'Sessions', schema: z.array(Session) } },
});

export const revokeOtherSessionsRoute = routeSchema({
  operationId: 'revokeOtherSessions',
  tags: ['security'],
  auth: 'bearer',
  summary: 'End every active session of the caller except the current one (after re-authentication)',
  description: 'The body carries the re-authentication (RFC 9110 gives DELETE content no general meaning; this server defines it).',
  querystring: z.object({ others: z.literal('true').describe('Must be "true"') }),
  body: Reauthentication,
  response: { 200: { description: 'How many ended', schema: Revoked }, ...reauthenticated },
});

export const revokeSessionRoute = routeSchema({
  operationId: 'revokeSession',
  tags: ['security'],
  auth: 'bearer',
  summary: "End one of the caller's sessions (its tokens stop working at once; after re-authentication)",
  description: 'The body carries the re-authentication (RFC 9110 gives DELETE content no general meaning; this server defines it).',
  params: idParams,
  body: Reauthentication,
  response: { 204: { description: 'Ended', schema: null }, ...reauthenticated },
});
