/**
 * `--amount`, read before anything is sent. Dollars with at most two decimals, more than zero,
 * written the English way (50.25) or the French way (50,25); thousands may be grouped by spaces
 * (1 234,56, with an ordinary, no-break or thin space) in groups of three. Anything else — an
 * exponent, a sign, NaN, three decimals, a comma for thousands (1,234.56 is ambiguous) — is
 * refused with a message naming the flag.
 */
import { UsageError } from '../../errors.js';

/** Ordinary space, no-break space, narrow no-break space (French typography), thin space. */
const GROUP_SEPARATOR = '[ \u00a0\u202f\u2009]';
const AMOUNT = new RegExp(`^(\\d{1,9}|\\d{1,3}(?:${GROUP_SEPARATOR}\\d{3}){1,2})(?:[.,](\\d{1,2}))?$`);

/** The amount in cents; a UsageError naming `--amount` if it is not one espace can pay. */
export function parseAmountOption(text: string): number {
  const match = AMOUNT.exec(text.trim());
  const whole = match?.[1]?.replace(new RegExp(GROUP_SEPARATOR, 'g'), '');
  const cents = whole === undefined ? 0 : Number(whole) * 100 + Number((match?.[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents <= 0) throw new UsageError('pay.badAmount', { params: { amount: text } });
  return cents;
}
