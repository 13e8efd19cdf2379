/** Card checks done before anything is sent: the Luhn checksum and the expiry month. */

/** The Luhn (mod 10) checksum every payment card number carries. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A card network: the prefixes of its numbers (IIN ranges) and the lengths they come in. */
export interface CardBrand {
  name: string;
  prefix: RegExp;
  lengths: readonly number[];
}

/** The networks a Canadian operator takes, as their numbers announce them. */
export const CARD_BRANDS: readonly CardBrand[] = [
  { name: 'Visa', prefix: /^4/, lengths: [13, 16, 19] },
  { name: 'Mastercard', prefix: /^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16] },
  { name: 'American Express', prefix: /^3[47]/, lengths: [15] },
  { name: 'Discover', prefix: /^(6011|65|64[4-9])/, lengths: [16, 19] },
];

/** Why a typed card number cannot be one, or its digits and network. */
export type CardNumberCheck =
  | { ok: true; digits: string; brand: CardBrand }
  | { ok: false; problem: 'notDigits' | 'checkDigit' | 'unknownBrand' }
  | { ok: false; problem: 'length'; brand: CardBrand };

/**
 * Checks a card number as typed (spaces and dashes allowed): digits only, a network espace
 * knows, a length that network issues, and the Luhn check digit — in that order, so that the
 * message names the first thing to correct.
 */
export function checkCardNumber(typed: string): CardNumberCheck {
  const digits = typed.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return { ok: false, problem: 'notDigits' };
  const brand = CARD_BRANDS.find((b) => b.prefix.test(digits));
  if (!brand) return { ok: false, problem: 'unknownBrand' };
  if (!brand.lengths.includes(digits.length)) return { ok: false, problem: 'length', brand };
  if (!luhnValid(digits)) return { ok: false, problem: 'checkDigit' };
  return { ok: true, digits, brand };
}

/** A card number as typed (spaces and dashes allowed) → its digits, or undefined if it cannot be one. */
export function cardDigits(typed: string): string | undefined {
  const check = checkCardNumber(typed);
  return check.ok ? check.digits : undefined;
}

/** The last instant of an expiry month (`YYYY-MM`), as TMF670's date-time `expirationDate`. */
export function expiryDateTime(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year!, monthNumber!, 1) - 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * An expiry as printed on cards (MM/YY, MM/YYYY) or ISO (YYYY-MM) → `YYYY-MM`; undefined when it
 * is malformed or the month is over (a card is valid through the last day of its month).
 */
export function cardExpiry(typed: string, now: Date): string | undefined {
  const text = typed.trim();
  let year: number;
  let month: number;
  const printed = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})$/.exec(text);
  if (printed) {
    month = Number(printed[1]);
    year = printed[2]!.length === 2 ? 2000 + Number(printed[2]) : Number(printed[2]);
  } else if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
  } else return undefined;
  if (month < 1 || month > 12) return undefined;
  const value = `${year}-${String(month).padStart(2, '0')}`;
  return value < now.toISOString().slice(0, 7) ? undefined : value;
}
