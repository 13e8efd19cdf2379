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

/** A card number as typed (spaces and dashes allowed) → its digits, or undefined if it cannot be one. */
export function cardDigits(typed: string): string | undefined {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{12,19}$/.test(digits) && luhnValid(digits) ? digits : undefined;
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
