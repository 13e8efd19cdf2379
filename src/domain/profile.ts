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

/**
 * The address on one line. With `unitLabel`, a second line that names an apartment or unit is
 * written the reader's way (`App. 5` in French, `Apt 5` in English), whatever way it was stored.
 */
export function formatAddress(address: MailingAddress, unitLabel?: (unit: string) => string): string {
  const unit = unitOf(address.street2);
  const street2 = unit !== undefined && unitLabel ? unitLabel(unit) : address.street2;
  const lines = [address.street1, street2, `${address.city} (${address.province}) ${address.postalCode}`];
  return lines.filter(Boolean).join(', ');
}

/** The words a second address line uses for an apartment or unit, in French and English. */
const UNIT_LINE = /^\s*(?:app(?:artement)?|apt|apartment|unit[ée]?|suite|bureau|#)\.?\s*#?\s*([\p{L}\p{N}][\p{L}\p{N}-]{0,9})\s*$/iu;

/** The apartment or unit a second address line names (`App. 5`, `Apt 5`, `Unit 1204` → `5`, `1204`), or undefined. */
export function unitOf(street2: string | undefined): string | undefined {
  return street2 === undefined ? undefined : UNIT_LINE.exec(street2)?.[1];
}

/** A unit as given (`5`, `App. 5`, `apt 12B`) → its designator (`5`, `12B`), or undefined when it is not one. */
export function normalizeUnit(typed: string): string | undefined {
  const text = typed.trim();
  if (/^[\p{L}\p{N}][\p{L}\p{N}-]{0,9}$/u.test(text)) return text;
  return unitOf(text);
}
