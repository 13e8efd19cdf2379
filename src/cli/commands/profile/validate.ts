/**
 * Checks of `profile set` values, made before any request: each failure is a usage error naming
 * the flag and the value. Prompts use the same checks.
 */
import { normalizeCanadianPhone } from '../../../domain/phone.js';
import { normalizePostalCode, postalCodeMatchesProvince, PROVINCES } from '../../../domain/postal-code.js';
import { isValidEmail, isValidName, type Language, normalizeProvince, normalizeUnit } from '../../../domain/profile.js';
import { UsageError } from '../../../errors.js';
import type { MessageKey } from '../../../i18n/catalog.js';

/** Address parts given on the command line (the rest comes from the current address). */
export interface AddressParts {
  street?: string;
  /** The apartment or unit; '' removes it. Not given: the current one is kept, even on a new street. */
  unit?: string;
  city?: string;
  province?: string;
  postalCode?: string;
}

export interface CheckedValues {
  givenName?: string;
  familyName?: string;
  email?: string;
  phone?: string;
  language?: Language;
  address: AddressParts;
}

export interface RawValues {
  givenName?: string;
  familyName?: string;
  email?: string;
  phone?: string;
  street?: string;
  /** '' (from --no-unit): no unit. */
  unit?: string;
  city?: string;
  province?: string;
  postalCode?: string;
  language?: string;
}

type Check = (value: string) => string | undefined;

/** One check per field: the normalized value, or undefined when invalid, and the message then. */
export const FIELD_CHECKS: Record<keyof RawValues, { flag: string; check: Check; message: MessageKey }> = {
  givenName: { flag: '--given-name', check: (v) => (isValidName(v.trim()) ? v.trim() : undefined), message: 'profile.invalid.name' },
  familyName: { flag: '--family-name', check: (v) => (isValidName(v.trim()) ? v.trim() : undefined), message: 'profile.invalid.name' },
  email: { flag: '--email', check: (v) => (isValidEmail(v.trim()) ? v.trim() : undefined), message: 'profile.invalid.email' },
  phone: { flag: '--phone', check: normalizeCanadianPhone, message: 'profile.invalid.phone' },
  street: { flag: '--street', check: (v) => (/\p{L}/u.test(v) && v.trim().length <= 100 ? v.trim() : undefined), message: 'profile.invalid.street' },
  unit: { flag: '--unit', check: (v) => (v.trim() === '' ? '' : normalizeUnit(v)), message: 'profile.invalid.unit' },
  city: { flag: '--city', check: (v) => (/\p{L}/u.test(v) && v.trim().length <= 60 ? v.trim() : undefined), message: 'profile.invalid.city' },
  province: { flag: '--province', check: normalizeProvince, message: 'profile.invalid.province' },
  postalCode: { flag: '--postal-code', check: normalizePostalCode, message: 'profile.invalid.postalCode' },
  language: {
    flag: '--language',
    check: (v) => (['en', 'fr'].includes(v.trim().toLowerCase()) ? v.trim().toLowerCase() : undefined),
    message: 'profile.invalid.language',
  },
};

/** The normalized value of one field, or a usage error naming its flag. */
export function checkField(field: keyof RawValues, value: string): string {
  const { flag, check, message } = FIELD_CHECKS[field];
  const checked = check(value);
  if (checked === undefined) throw new UsageError(message, { params: { flag, value, provinces: PROVINCES.join(', ') } });
  return checked;
}

/** The postal code must belong to the province (its first letter). */
export function checkPostalProvince(postalCode: string, province: string): void {
  if (!postalCodeMatchesProvince(postalCode, province)) {
    throw new UsageError('profile.invalid.postalProvince', { params: { postalCode, province } });
  }
}

export function checkValues(raw: RawValues): CheckedValues {
  const get = (field: keyof RawValues) => (raw[field] === undefined ? undefined : checkField(field, raw[field]!));
  const values: CheckedValues = {
    givenName: get('givenName'),
    familyName: get('familyName'),
    email: get('email'),
    phone: get('phone'),
    language: get('language') as Language | undefined,
    address: { street: get('street'), unit: get('unit'), city: get('city'), province: get('province'), postalCode: get('postalCode') },
  };
  if (values.address.postalCode && values.address.province) checkPostalProvince(values.address.postalCode, values.address.province);
  return values;
}

export function hasAnyValue(raw: RawValues): boolean {
  return Object.values(raw).some((value) => value !== undefined);
}
