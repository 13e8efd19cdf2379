/**
 * The sandbox's Canadian address check (TMF673 address validation): a rule set standing in for
 * Canada Post's database. Postal code format and province are checked exactly, the postal code's
 * first letter must belong to the province, and the city must be one of a small seeded list for
 * that province — a near miss ("Montreal", "Quebec City") is answered as partial, with the proper
 * spelling as the alternative.
 */

export type Province = 'AB' | 'BC' | 'MB' | 'NB' | 'NL' | 'NS' | 'NT' | 'NU' | 'ON' | 'PE' | 'QC' | 'SK' | 'YT';

/** First letters of the postal codes (forward sortation areas) of each province and territory. */
export const POSTAL_LETTERS: Record<Province, string> = {
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

/** Postal codes never use D, F, I, O, Q or U, nor W or Z in first position. */
export const POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$/;

const CITIES: Record<Province, readonly string[]> = {
  QC: [
    'Montréal',
    'Québec',
    'Laval',
    'Gatineau',
    'Longueuil',
    'Sherbrooke',
    'Saguenay',
    'Lévis',
    'Trois-Rivières',
    'Terrebonne',
    'Saint-Jérôme',
    'Rimouski',
    'Brossard',
    'Drummondville',
    'Granby',
  ],
  ON: [
    'Toronto',
    'Ottawa',
    'Mississauga',
    'Brampton',
    'Hamilton',
    'London',
    'Markham',
    'Kingston',
    'Sudbury',
    'Windsor',
    'Kitchener',
    'Waterloo',
    'Oshawa',
    'Barrie',
  ],
  NB: ['Moncton', 'Saint John', 'Fredericton', 'Edmundston', 'Bathurst'],
  NS: ['Halifax', 'Sydney', 'Truro', 'Dartmouth'],
  PE: ['Charlottetown', 'Summerside'],
  NL: ["St. John's", 'Mount Pearl', 'Corner Brook'],
  MB: ['Winnipeg', 'Brandon'],
  SK: ['Saskatoon', 'Regina'],
  AB: ['Calgary', 'Edmonton', 'Red Deer', 'Lethbridge'],
  BC: ['Vancouver', 'Victoria', 'Surrey', 'Burnaby', 'Kelowna'],
  NT: ['Yellowknife'],
  NU: ['Iqaluit'],
  YT: ['Whitehorse'],
};

/** Other names people write for a seeded city. */
const ALIASES: Record<string, string> = { 'quebec city': 'Québec', 'ville de quebec': 'Québec', 'st-jerome': 'Saint-Jérôme' };

export interface CanadianAddress {
  streetNr?: string;
  streetName: string;
  city: string;
  stateOrProvince: string;
  postcode: string;
  country?: string;
}

export interface AddressCheck {
  result: 'success' | 'partial' | 'fails';
  /** The address as it should be written (normalized postal code, proper city name), when valid. */
  valid?: CanadianAddress;
  alternatives: CanadianAddress[];
  /** Why the address fails or is only partially valid, one sentence per problem. */
  problems: string[];
}

export function isProvince(code: string): code is Province {
  return Object.prototype.hasOwnProperty.call(POSTAL_LETTERS, code);
}

/** `h2x1y4` → `H2X 1Y4`; undefined when it is not a Canadian postal code. */
export function normalizePostcode(value: string): string | undefined {
  const compact = value.toUpperCase().replace(/\s+/g, '');
  if (!POSTAL_CODE.test(compact)) return undefined;
  return `${compact.slice(0, 3)} ${compact.slice(3)}`;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\bst[.-]?\s*-?/g, 'saint-')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The seeded city an entry means: exact (ignoring accents and case) or a close spelling. */
function matchCity(province: Province, city: string): { exact?: string; close: string[] } {
  const wanted = fold(city);
  const alias = ALIASES[wanted];
  if (alias && CITIES[province].includes(alias)) return { close: [alias] };
  const exact = CITIES[province].find((known) => known.toLowerCase() === city.trim().toLowerCase());
  if (exact) return { exact, close: [] };
  const close = CITIES[province].filter((known) => fold(known) === wanted || editDistance(fold(known), wanted) <= 2);
  return { close };
}

export function checkCanadianAddress(address: CanadianAddress): AddressCheck {
  const problems: string[] = [];
  const country = (address.country ?? 'CA').toUpperCase();
  if (country !== 'CA') problems.push(`country "${address.country}" is not served: only Canadian addresses (CA)`);
  const province = address.stateOrProvince.trim().toUpperCase();
  if (!isProvince(province)) problems.push(`stateOrProvince "${address.stateOrProvince}" is not a Canadian province or territory code`);
  const postcode = normalizePostcode(address.postcode);
  if (!postcode) problems.push(`postcode "${address.postcode}" is not a Canadian postal code (A1A 1A1)`);
  if (!/\p{L}/u.test(address.streetName)) problems.push('streetName is missing');
  if (problems.length || !isProvince(province) || !postcode) return { result: 'fails', alternatives: [], problems };
  if (!POSTAL_LETTERS[province].includes(postcode[0]!)) {
    problems.push(`postcode ${postcode} is not in ${province} (postal codes there start with ${[...POSTAL_LETTERS[province]].join(', ')})`);
    return { result: 'fails', alternatives: [], problems };
  }
  const normalized: CanadianAddress = {
    ...(address.streetNr ? { streetNr: address.streetNr.trim() } : {}),
    streetName: address.streetName.trim(),
    city: address.city.trim(),
    stateOrProvince: province,
    postcode,
    country: 'CA',
  };
  const city = matchCity(province, address.city);
  if (city.exact) return { result: 'success', valid: { ...normalized, city: city.exact }, alternatives: [], problems };
  if (city.close.length) {
    problems.push(`city "${address.city}" is not known in ${province}; did you mean ${city.close.join(' or ')}?`);
    return { result: 'partial', alternatives: city.close.map((name) => ({ ...normalized, city: name })), problems };
  }
  problems.push(`city "${address.city}" is not known in ${province}`);
  return { result: 'fails', alternatives: [], problems };
}
