/**
 * Canadian postal codes and the provinces they belong to: the one place that knows their shape,
 * for the profile checks and the outage lookup alike.
 */

/** Province and territory codes, with the first letters of their postal codes. */
export const PROVINCE_POSTAL_LETTERS: Readonly<Record<string, string>> = {
  NL: 'A',
  NS: 'B',
  PE: 'C',
  NB: 'E',
  QC: 'GHJ',
  ON: 'KLMNP',
  MB: 'R',
  SK: 'S',
  AB: 'T',
  BC: 'V',
  NT: 'X',
  NU: 'X',
  YT: 'Y',
};

export const PROVINCES = Object.keys(PROVINCE_POSTAL_LETTERS);

/** Postal codes never use D, F, I, O, Q or U, nor W or Z in first position. */
const POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]$/;
/** The first three characters (forward sortation area), with the same letters. */
const POSTAL_PREFIX = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z]$/;

export interface PostalCodeOptions {
  /** Also accept the first three characters alone (an area, as outages are announced for). */
  allowPrefix?: boolean;
}

/** `h2x1y4` → `H2X 1Y4` (and `h2x` → `H2X` with allowPrefix); undefined when it is neither. */
export function normalizePostalCode(value: string, options: PostalCodeOptions = {}): string | undefined {
  const compact = value.toUpperCase().replace(/\s+/g, '');
  if (POSTAL_CODE.test(compact)) return `${compact.slice(0, 3)} ${compact.slice(3)}`;
  return options.allowPrefix && POSTAL_PREFIX.test(compact) ? compact : undefined;
}

/** Whether a (normalized) postal code belongs to a (normalized) province. */
export function postalCodeMatchesProvince(postalCode: string, province: string): boolean {
  return (PROVINCE_POSTAL_LETTERS[province] ?? '').includes(postalCode[0] ?? '?');
}
