/**
 * Personal information as espace shows and edits it, and the checks made before anything is sent:
 * email and province (postal codes by domain/postal-code.ts; phone numbers by domain/phone.ts,
 * which loads libphonenumber-js only where it is needed).
 */
import { PROVINCE_POSTAL_LETTERS } from './postal-code.js';

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

/** Deliberately simple: one @, no spaces, a dot in the domain. The server has the last word. */
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]{0,59}$/u;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function isValidName(value: string): boolean {
  return NAME.test(value);
}

/** `qc` → `QC`; undefined when it is not a province or territory code. */
export function normalizeProvince(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  return Object.prototype.hasOwnProperty.call(PROVINCE_POSTAL_LETTERS, code) ? code : undefined;
}

export function formatAddress(address: MailingAddress): string {
  const lines = [address.street1, address.street2, `${address.city} (${address.province}) ${address.postalCode}`];
  return lines.filter(Boolean).join(', ');
}
