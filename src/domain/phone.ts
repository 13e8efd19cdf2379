/**
 * Canadian phone numbers, checked with libphonenumber-js (the metadata of Google's libphonenumber):
 * a number must be valid in Canada's numbering plan. This module is imported only by `profile set`.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** `514 555 0142` or `+1-514-555-0142` → `+1 514-555-0142`; undefined if not a valid Canadian number. */
export function normalizeCanadianPhone(value: string): string | undefined {
  const parsed = parsePhoneNumberFromString(value.trim(), 'CA');
  if (!parsed || parsed.country !== 'CA' || !parsed.isValid()) return undefined;
  const national = parsed.nationalNumber;
  return `+1 ${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
}
