/**
 * Paths of the account security endpoints. Not TMF (no TM Forum API covers two-factor enrolment,
 * password change or session management), so espace defines them and documents them in the
 * sandbox's OpenAPI document.
 */
export const SECURITY_API = '/espace-api/security/v1';

export const SECURITY_PATHS = {
  twoFactor: `${SECURITY_API}/twoFactor`,
  enrolment: `${SECURITY_API}/twoFactor/enrolment`,
  confirmation: `${SECURITY_API}/twoFactor/confirmation`,
  deactivation: `${SECURITY_API}/twoFactor/deactivation`,
  passwordChange: `${SECURITY_API}/passwordChange`,
  session: `${SECURITY_API}/session`,
} as const;

/** Issuer shown by authenticator apps next to the account name. */
export const TOTP_ISSUER = 'Espace Client';
