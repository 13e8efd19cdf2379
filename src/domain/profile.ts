/**
 * Personal information as espace shows and edits it, and the checks made before anything is sent:
 * email, Canadian postal code and province (phone numbers are checked by domain/phone.ts, which
 * loads libphonenumber-js only where it is needed).
 */

export type Language = 'en' | 'fr';

export interface MailingAddress {
  street1: string;
  street2?: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
}

export interface Profile {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  phone?: string;
  address?: MailingAddress;
  language: Language;
}

/** The fields `profile set` can change. */
export interface ProfileChanges {
  givenName?: string;
  familyName?: string;
  email?: string;
  phone?: string;
  address?: MailingAddress;
  language?: Language;
}

/** Province and territory codes, with the first letters of their postal codes. */
export const PROVINCE_POSTAL_LETTERS: Readonly<Record<string, string>> = {
  NL: 'A', NS: 'B', PE: 'C', NB: 'E', QC: 'GHJ', ON: 'KLMNP', MB: 'R', SK: 'S', AB: 'T', BC: 'V', NT: 'X', NU: 'X', YT: 'Y',
};

export const PROVINCES = Object.keys(PROVINCE_POSTAL_LETTERS);

/** Postal codes never use D, F, I, O, Q or U, nor W or Z in first position. */
const POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]$/;
/** Deliberately simple: one @, no spaces, a dot in the domain. The server has the last word. */
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]{0,59}$/u;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function isValidName(value: string): boolean {
  return NAME.test(value);
}

/** `h2x1y4` → `H2X 1Y4`; undefined when it is not a Canadian postal code. */
export function normalizePostalCode(value: string): string | undefined {
  const compact = value.toUpperCase().replace(/\s+/g, '');
  return POSTAL_CODE.test(compact) ? `${compact.slice(0, 3)} ${compact.slice(3)}` : undefined;
}

/** `qc` → `QC`; undefined when it is not a province or territory code. */
export function normalizeProvince(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  return Object.prototype.hasOwnProperty.call(PROVINCE_POSTAL_LETTERS, code) ? code : undefined;
}

/** Whether a (normalized) postal code belongs to a (normalized) province. */
export function postalCodeMatchesProvince(postalCode: string, province: string): boolean {
  return (PROVINCE_POSTAL_LETTERS[province] ?? '').includes(postalCode[0] ?? '?');
}

export function formatAddress(address: MailingAddress): string {
  const lines = [address.street1, address.street2, `${address.city} (${address.province}) ${address.postalCode}`];
  return lines.filter(Boolean).join(', ');
}
