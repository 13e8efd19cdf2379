/**
 * OpenAPI paths, schemas and tags of personal information (TMF632 individual, TMF673 address
 * validation) and account security (espace's own endpoints: two-factor, password, sessions),
 * spread into the sandbox's document by openapi.ts.
 */
import { ADDRESS_VALIDATION_PATH, INDIVIDUAL_PATH } from '../party/paths.js';
import { SECURITY_PATHS } from '../auth/security-paths.js';
import { RECOVERY_CODE_COUNT } from '../auth/two-factor.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/security-routes.js';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const error = (name: string): Json => ({ $ref: `#/components/responses/${name}` });
const json = (schema: Json): Json => ({ 'application/json': { schema } });
const str = (description: string, extra: Json = {}): Json => ({ type: 'string', description, ...extra });
const bearer = [{ bearerAuth: [] }];
const idParam = { $ref: '#/components/parameters/id' };
const problem = (description: string): Json => ({ description, content: json(ref('Error')) });
const common = { '400': error('BadRequest'), '401': error('Unauthorized'), '403': error('Forbidden') };
const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };
const throttled = {
  '429': {
    description:
      'Too many failed attempts: they count as failed logins of the user from this address (5 free within 15 minutes, then a ' +
      'back-off from 15 seconds, doubling, at most 15 minutes)',
    headers: retryAfter,
    content: json(ref('Error')),
  },
};
/** Answers of an operation that needs re-authentication (and so a password hash). */
const reauthenticated = {
  ...throttled,
  '403': problem(
    'Re-authentication missing: an access token alone is not enough; send "currentPassword", and "code" when two-factor is on ' +
      '(also for a client token: account security applies to user logins)',
  ),
  '422': problem('The current password or the code is wrong (counts as a failed login)'),
  '503': { description: 'Too many password checks in progress', headers: retryAfter, content: json(ref('Error')) },
};

export const ACCOUNT_SECURITY_TAGS: Json[] = [
  { name: 'individual', description: 'TMF632 Party: personal information' },
  { name: 'geographicAddress', description: 'TMF673 Geographic Address: address validation' },
  { name: 'security', description: 'Account security of the caller: two-factor, password, sessions (not TMF)' },
];

export const ACCOUNT_SECURITY_SCHEMAS: Record<string, Json> = {
  Individual: {
    type: 'object',
    description:
      'TMF632 Individual (the attributes this server fills). contactMedium holds email, phone and postalAddress (the mailing ' +
      'address of the billing accounts the person owns); languageAbility holds the preferred language.',
    properties: {
      id: str('Identifier, e.g. IND-1001 (the userinfo sub)'),
      href: str('Absolute URL', { format: 'uri' }),
      givenName: str('Given name'),
      familyName: str('Family name'),
      fullName: str('Given and family name'),
      status: str('"validated"'),
      contactMedium: { type: 'array', items: ref('ContactMedium') },
      languageAbility: { type: 'array', items: ref('LanguageAbility') },
      '@type': str('"Individual"'),
    },
  },
  LanguageAbility: {
    type: 'object',
    properties: { languageCode: str('"en" or "fr"'), languageName: str('Name'), isFavouriteLanguage: { type: 'boolean' } },
  },
  IndividualMergePatch: {
    type: 'object',
    description:
      'Merge patch of an individual. Unlike RFC 7396 array replacement, each contactMedium entry replaces the medium of its ' +
      'mediumType and the others are kept. Email must be an address, phone a North American number (stored as +1 NXX-NXX-XXXX), ' +
      'postalAddress a Canadian address that geographicAddressValidation answers "success" for. The whole patch is refused ' +
      '(400, nothing written) if any part is invalid.',
    additionalProperties: false,
    properties: {
      givenName: str('1–60 letters'),
      familyName: str('1–60 letters'),
      contactMedium: { type: 'array', items: ref('ContactMedium') },
      languageAbility: { type: 'array', items: ref('LanguageAbility'), description: 'One favourite language, "en" or "fr"' },
      '@type': str('"Individual"'),
    },
  },
  GeographicAddress: {
    type: 'object',
    properties: {
      streetNr: str('Civic number'),
      streetName: str('Street (or the whole street line)'),
      city: str('City'),
      stateOrProvince: str('Province or territory code, e.g. QC'),
      postcode: str('Postal code, A1A 1A1'),
      country: str('CA'),
      '@type': str('"GeographicAddress"'),
    },
  },
  GeographicAddressValidationCreate: {
    type: 'object',
    required: ['submittedGeographicAddress', 'provideAlternative'],
    properties: { provideAlternative: { type: 'boolean' }, submittedGeographicAddress: ref('GeographicAddress') },
  },
  GeographicAddressValidation: {
    type: 'object',
    description:
      "Checked by rules standing in for a postal database: postal code format, province code, the postal code's first letter " +
      'against the province, and the city against a seeded list per province. validationResult: "success" (validGeographicAddress ' +
      'is the normalized address), "partial" (a near-miss city: alternateGeographicAddress holds the proper spelling) or "fails". ' +
      '"problem" (an espace extension) says why, one sentence per problem.',
    properties: {
      id: str('Identifier'),
      href: str('Absolute URL', { format: 'uri' }),
      provideAlternative: { type: 'boolean' },
      validationDate: str('When', { format: 'date-time' }),
      validationResult: str('Outcome', { enum: ['success', 'partial', 'fails'] }),
      state: str('Always "done" (validation is synchronous)'),
      submittedGeographicAddress: ref('GeographicAddress'),
      validGeographicAddress: ref('GeographicAddress'),
      alternateGeographicAddress: { type: 'array', items: ref('GeographicAddress') },
      problem: { type: 'array', items: { type: 'string' } },
      '@type': str('"GeographicAddressValidation"'),
    },
  },
  TwoFactorStatus: {
    type: 'object',
    required: ['enabled', 'pending', 'recoveryCodesLeft'],
    properties: {
      enabled: { type: 'boolean', description: 'Logins need a code' },
      pending: { type: 'boolean', description: 'An enrolment waits for its confirming code' },
      recoveryCodesLeft: { type: 'integer', description: 'Unused recovery codes' },
    },
  },
  TwoFactorEnrolment: {
    type: 'object',
    description: 'A new TOTP secret (RFC 6238, SHA-1, 6 digits, 30-second steps), pending until confirmed. Cache-Control: no-store.',
    required: ['secret', 'otpauthUri'],
    properties: {
      secret: str('Base32 secret'),
      otpauthUri: str('otpauth://totp/… URI for authenticator apps (QR code)'),
      issuer: str('Issuer'),
      accountName: str('Login name'),
      algorithm: str('SHA1'),
      digits: { type: 'integer' },
      period: { type: 'integer' },
    },
  },
  TwoFactorCode: {
    type: 'object',
    required: ['code'],
    properties: { code: str('A current 6-digit code from the pending secret') },
  },
  Reauthentication: {
    type: 'object',
    description:
      'Proof, in the request that makes a sensitive change, that the owner is at the keyboard (not only their access token): ' +
      'the current password, and when two-factor is on a current code or an unused recovery code (spent). Checked under the login throttle.',
    required: ['currentPassword'],
    properties: {
      currentPassword: str('The current password', { format: 'password' }),
      code: str('Needed when two-factor is on: a current 6-digit code (each works once) or an unused recovery code'),
    },
  },
  TwoFactorDeactivation: {
    type: 'object',
    description: 'Re-authentication with both factors (two-factor is on)',
    required: ['currentPassword', 'code'],
    properties: {
      currentPassword: str('The current password', { format: 'password' }),
      code: str('A current 6-digit code or an unused recovery code'),
    },
  },
  TwoFactorConfirmation: {
    type: 'object',
    required: ['enabled', 'recoveryCodes'],
    properties: {
      enabled: { type: 'boolean' },
      recoveryCodes: {
        type: 'array',
        items: { type: 'string' },
        description: `${RECOVERY_CODE_COUNT} one-time recovery codes (xxxxx-xxxxx), shown this once: only their hashes are kept. Each works once in place of a code, at login ("otp") or to turn two-factor off.`,
      },
    },
  },
  PasswordChange: {
    type: 'object',
    required: ['currentPassword', 'newPassword'],
    properties: {
      currentPassword: str('The current password', { format: 'password' }),
      code: str('Needed when two-factor is on: a current 6-digit code or an unused recovery code'),
      newPassword: str(`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, different from the current one (stored as scrypt)`, {
        format: 'password',
      }),
      signOutOthers: {
        type: 'boolean',
        description: 'Also end every other session of the caller, in this request (its code could not re-authenticate a second one)',
      },
    },
  },
  Session: {
    type: 'object',
    required: ['id', 'current', 'createdAt', 'lastUsedAt'],
    properties: {
      id: str('Session identifier'),
      current: { type: 'boolean', description: 'The session of the token making this request' },
      clientId: str('OAuth client'),
      grantType: str('How it was opened (password, …)'),
      userAgent: { type: 'string', nullable: true, description: 'User agent at login (device)' },
      ipAddress: { type: 'string', nullable: true, description: 'Address at login' },
      createdAt: str('Login time', { format: 'date-time' }),
      lastUsedAt: str('Last use (updated at most once a minute)', { format: 'date-time' }),
    },
  },
};

const securityOperation = (operationId: string, summary: string, responses: Json, requestSchema?: string): Json => ({
  operationId,
  tags: ['security'],
  summary,
  security: bearer,
  ...(requestSchema ? { requestBody: { required: true, content: json(ref(requestSchema)) } } : {}),
  responses: { ...common, ...responses },
});

/** A DELETE's body: the re-authentication (RFC 9110 gives DELETE content no general meaning; this server defines it). */
const reauthBody = { required: true, content: json(ref('Reauthentication')) };

export const ACCOUNT_SECURITY_PATHS: Record<string, Json> = {
  [`${INDIVIDUAL_PATH}/{id}`]: {
    get: {
      operationId: 'retrieveIndividual',
      tags: ['individual'],
      summary: 'Personal information of a person (customers: only themselves)',
      security: bearer,
      parameters: [idParam, { $ref: '#/components/parameters/fields' }],
      responses: { '200': { description: 'Success', content: json(ref('Individual')) }, ...common, '404': error('NotFound') },
    },
    patch: {
      operationId: 'patchIndividual',
      tags: ['individual'],
      summary: 'Change names, email, phone, mailing address or preferred language',
      security: bearer,
      parameters: [idParam],
      requestBody: {
        required: true,
        content: { 'application/merge-patch+json': { schema: ref('IndividualMergePatch') }, 'application/json': { schema: ref('IndividualMergePatch') } },
      },
      responses: { '200': { description: 'Updated', content: json(ref('Individual')) }, ...common, '404': error('NotFound') },
    },
  },
  [ADDRESS_VALIDATION_PATH]: {
    post: {
      operationId: 'createGeographicAddressValidation',
      tags: ['geographicAddress'],
      summary: 'Validate a Canadian address',
      security: bearer,
      requestBody: { required: true, content: json(ref('GeographicAddressValidationCreate')) },
      responses: { '201': { description: 'Validated', content: json(ref('GeographicAddressValidation')) }, ...common },
    },
  },
  [SECURITY_PATHS.twoFactor]: {
    get: securityOperation('twoFactorStatus', 'Whether two-factor authentication is on', {
      '200': { description: 'Status', content: json(ref('TwoFactorStatus')) },
    }),
  },
  [SECURITY_PATHS.enrolment]: {
    post: securityOperation(
      'startTwoFactorEnrolment',
      'Issue a new pending TOTP secret (after re-authentication with the password)',
      {
        '201': { description: 'Pending secret', content: json(ref('TwoFactorEnrolment')) },
        '409': problem('Two-factor authentication is already on'),
        ...reauthenticated,
      },
      'Reauthentication',
    ),
  },
  [SECURITY_PATHS.confirmation]: {
    post: securityOperation(
      'confirmTwoFactorEnrolment',
      'Confirm the pending secret with a code; turns two-factor on and returns the recovery codes once',
      {
        '200': { description: 'On', content: json(ref('TwoFactorConfirmation')) },
        '409': problem('Already on, or no enrolment pending'),
        '422': problem('The code does not match'),
        ...throttled,
      },
      'TwoFactorCode',
    ),
  },
  [SECURITY_PATHS.deactivation]: {
    post: securityOperation(
      'disableTwoFactor',
      'Turn two-factor off with the password and a current code or a recovery code',
      {
        '200': { description: 'Off', content: json({ type: 'object', properties: { enabled: { type: 'boolean' } } }) },
        '409': problem('Two-factor authentication is not on'),
        ...reauthenticated,
      },
      'TwoFactorDeactivation',
    ),
  },
  [SECURITY_PATHS.passwordChange]: {
    post: securityOperation(
      'changePassword',
      'Change the password (after re-authentication; other sessions stay open unless signOutOthers)',
      {
        '200': {
          description: 'Changed, and the other sessions ended (signOutOthers)',
          content: json({ type: 'object', properties: { revoked: { type: 'integer' } } }),
        },
        '204': { description: 'Changed' },
        ...reauthenticated,
      },
      'PasswordChange',
    ),
  },
  [SECURITY_PATHS.session]: {
    get: securityOperation('listSessions', "The caller's active sessions, most recently used first", {
      '200': { description: 'Sessions', content: json({ type: 'array', items: ref('Session') }) },
    }),
    delete: {
      ...securityOperation('revokeOtherSessions', 'End every active session of the caller except the current one (after re-authentication)', {
        '200': { description: 'How many ended', content: json({ type: 'object', properties: { revoked: { type: 'integer' } } }) },
        ...reauthenticated,
      }),
      requestBody: reauthBody,
      parameters: [{ name: 'others', in: 'query', required: true, description: 'Must be "true"', schema: { type: 'string', enum: ['true'] } }],
    },
  },
  [`${SECURITY_PATHS.session}/{id}`]: {
    delete: {
      ...securityOperation('revokeSession', "End one of the caller's sessions (its tokens stop working at once; after re-authentication)", {
        '204': { description: 'Ended' },
        '404': error('NotFound'),
        ...reauthenticated,
      }),
      requestBody: reauthBody,
      parameters: [idParam],
    },
  },
};
