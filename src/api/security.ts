/**
 * The account security endpoints (not TMF; the sandbox documents them in its OpenAPI document):
 * two-factor enrolment, password change, active sessions. They act on the logged-in user only, and
 * every change that could hand the account to someone else carries a re-authentication (the
 * current password, and a one-time code when two-factor is on): the access token alone is not
 * enough.
 */
import * as z from 'zod';
import type { HttpClient } from './http.js';
import { parseResource } from './tmf/common.js';

const BASE = '/espace-api/security/v1';
export const SECURITY = {
  twoFactor: `${BASE}/twoFactor`,
  enrolment: `${BASE}/twoFactor/enrolment`,
  confirmation: `${BASE}/twoFactor/confirmation`,
  deactivation: `${BASE}/twoFactor/deactivation`,
  passwordChange: `${BASE}/passwordChange`,
  session: `${BASE}/session`,
} as const;

const TwoFactorStatus = z.looseObject({ enabled: z.boolean(), pending: z.boolean().default(false), recoveryCodesLeft: z.number().int().default(0) });
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

const Enrolment = z.looseObject({ secret: z.string().min(16), otpauthUri: z.string().startsWith('otpauth://') });
export type Enrolment = z.infer<typeof Enrolment>;

const Confirmation = z.looseObject({ enabled: z.literal(true), recoveryCodes: z.array(z.string()).min(1) });

const SessionAnswer = z.looseObject({
  id: z.string(),
  current: z.boolean().default(false),
  clientId: z.string().optional(),
  grantType: z.string().optional(),
  userAgent: z.string().nullish(),
  ipAddress: z.string().nullish(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
});

/** An active login of the user, as `auth sessions` shows it. */
export interface ActiveSession {
  id: string;
  current: boolean;
  device: string | null;
  ipAddress: string | null;
  createdAt: string;
  lastUsedAt: string;
}

/** Proof that the person at the keyboard is the account's owner, sent with each sensitive change. */
export interface Reauthentication {
  currentPassword: string;
  /** A current 6-digit code or an unused recovery code; needed when two-factor is on. */
  code?: string;
}

function reauthBody(reauth: Reauthentication): Record<string, string> {
  return { currentPassword: reauth.currentPassword, ...(reauth.code !== undefined ? { code: reauth.code } : {}) };
}

export async function twoFactorStatus(client: HttpClient): Promise<TwoFactorStatus> {
  return parseResource(TwoFactorStatus, await client.get(SECURITY.twoFactor), 'Two-factor status', SECURITY.twoFactor);
}

export async function startEnrolment(client: HttpClient, reauth: Reauthentication): Promise<Enrolment> {
  const response = await client.request({ method: 'POST', path: SECURITY.enrolment, json: reauthBody(reauth) });
  return parseResource(Enrolment, response, 'Two-factor enrolment', SECURITY.enrolment);
}

/** Confirms the pending secret with a code; returns the recovery codes (shown once). */
export async function confirmEnrolment(client: HttpClient, code: string): Promise<string[]> {
  const response = await client.request({ method: 'POST', path: SECURITY.confirmation, json: { code } });
  return parseResource(Confirmation, response, 'Two-factor confirmation', SECURITY.confirmation).recoveryCodes;
}

/** Turns two-factor off; the re-authentication must carry a code (two-factor is on). */
export async function disableTwoFactor(client: HttpClient, reauth: Reauthentication): Promise<void> {
  await client.request({ method: 'POST', path: SECURITY.deactivation, json: reauthBody(reauth) });
}

/**
 * Changes the password; with `signOutOthers`, the other sessions end in the same request (a code
 * works once, so a second request could not re-authenticate). Returns how many ended.
 */
export async function changePassword(client: HttpClient, reauth: Reauthentication, newPassword: string, signOutOthers: boolean): Promise<number> {
  const response = await client.request({
    method: 'POST',
    path: SECURITY.passwordChange,
    json: { ...reauthBody(reauth), newPassword, ...(signOutOthers ? { signOutOthers: true } : {}) },
  });
  if (!signOutOthers) return 0;
  return parseResource(z.looseObject({ revoked: z.number().int() }), response, 'Password change', SECURITY.passwordChange).revoked;
}

export async function listSessions(client: HttpClient): Promise<ActiveSession[]> {
  const answer = parseResource(z.array(SessionAnswer), await client.get(SECURITY.session), 'Sessions', SECURITY.session);
  return answer.map((session) => ({
    id: session.id,
    current: session.current,
    device: session.userAgent ?? null,
    ipAddress: session.ipAddress ?? null,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
  }));
}

export async function revokeSession(client: HttpClient, id: string, reauth: Reauthentication): Promise<void> {
  await client.request({ method: 'DELETE', path: `${SECURITY.session}/${encodeURIComponent(id)}`, json: reauthBody(reauth) });
}

/** Ends every session but the current one; returns how many ended. */
export async function revokeOtherSessions(client: HttpClient, reauth: Reauthentication): Promise<number> {
  const response = await client.request({ method: 'DELETE', path: SECURITY.session, query: { others: 'true' }, json: reauthBody(reauth) });
  return parseResource(z.looseObject({ revoked: z.number().int() }), response, 'Session revocation', SECURITY.session).revoked;
}
