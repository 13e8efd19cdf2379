/**
 * The account security endpoints (not TMF; the sandbox documents them in its OpenAPI document):
 * two-factor enrolment, password change, active sessions. They act on the logged-in user only.
 */
import { z } from 'zod';
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

export async function twoFactorStatus(client: HttpClient): Promise<TwoFactorStatus> {
  return parseResource(TwoFactorStatus, await client.get(SECURITY.twoFactor), 'Two-factor status', SECURITY.twoFactor);
}

export async function startEnrolment(client: HttpClient): Promise<Enrolment> {
  const response = await client.request({ method: 'POST', path: SECURITY.enrolment, json: {} });
  return parseResource(Enrolment, response, 'Two-factor enrolment', SECURITY.enrolment);
}

/** Confirms the pending secret with a code; returns the recovery codes (shown once). */
export async function confirmEnrolment(client: HttpClient, code: string): Promise<string[]> {
  const response = await client.request({ method: 'POST', path: SECURITY.confirmation, json: { code } });
  return parseResource(Confirmation, response, 'Two-factor confirmation', SECURITY.confirmation).recoveryCodes;
}

export async function disableTwoFactor(client: HttpClient, code: string): Promise<void> {
  await client.request({ method: 'POST', path: SECURITY.deactivation, json: { code } });
}

export async function changePassword(client: HttpClient, currentPassword: string, newPassword: string): Promise<void> {
  await client.request({ method: 'POST', path: SECURITY.passwordChange, json: { currentPassword, newPassword } });
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

export async function revokeSession(client: HttpClient, id: string): Promise<void> {
  await client.request({ method: 'DELETE', path: `${SECURITY.session}/${encodeURIComponent(id)}` });
}

/** Ends every session but the current one; returns how many ended. */
export async function revokeOtherSessions(client: HttpClient): Promise<number> {
  const response = await client.request({ method: 'DELETE', path: SECURITY.session, query: { others: 'true' } });
  return parseResource(z.looseObject({ revoked: z.number().int() }), response, 'Session revocation', SECURITY.session).revoked;
}
