/**
 * Money in integer minor units (cents) with a currency. Amounts never go through floating-point
 * arithmetic: decimals from the wire are converted once, exactly, at the API adapter.
 */
export interface Money {
  /** Integer number of cents. */
  readonly amount: number;
  readonly currency: string;
}

export const cad = (amount: number): Money => ({ amount, currency: 'CAD' });

export function zero(currency = 'CAD'): Money {
  return { amount: 0, currency };
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amount: a.amount + b.amount, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amount: a.amount - b.amount, currency: a.currency };
}

export function negate(a: Money): Money {
  return { amount: -a.amount, currency: a.currency };
}

export function sum(values: readonly Money[], currency = 'CAD'): Money {
  return values.reduce(add, zero(values[0]?.currency ?? currency));
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`cannot combine ${a.currency} and ${b.currency}`);
}

/**
 * The largest amount, in cents, espace accepts from a server: one hundred billion dollars (or
 * euros, or yen…) less a cent. Far beyond any bill, and low enough that summing a thousand such
 * amounts stays an exact integer (Number.MAX_SAFE_INTEGER is about 9 × 10^15).
 */
export const MAX_AMOUNT_CENTS = 10 ** 13 - 1;

/** Why a decimal amount could not be taken as cents (the message is for the user). */
export type AmountProblem = 'notDecimal' | 'outOfRange';

/** A decimal amount that is not one, or beyond MAX_AMOUNT_CENTS. */
export class AmountError extends RangeError {
  constructor(
    readonly problem: AmountProblem,
    readonly value: number | string,
  ) {
    super(problem === 'notDecimal' ? `not a decimal amount: ${String(value)}` : `amount out of range: ${String(value)}`);
    this.name = 'AmountError';
  }
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Converts a decimal amount (a JSON number or a string such as "65.5", "1.5e2") to cents, exactly:
 * the digits are shifted as text, never multiplied as floats. A JSON number is read as the
 * shortest decimal that gives it back (what `String()` writes: 1.005 is "1.005", not the binary
 * 1.00499…), which is what the server wrote. More than two decimals are rounded to the cent, half
 * to even (12.345 → 12.34, 12.355 → 12.36, 1.4658129 → 1.47): a catalog may price below the cent,
 * and ties do not drift one way when many lines are added. An amount beyond MAX_AMOUNT_CENTS, or
 * anything that is not a finite decimal, throws an AmountError.
 */
export function centsFromDecimal(value: number | string): number {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new AmountError('notDecimal', value);
  if (typeof value === 'number') {
    // Nearly every amount a server sends is a number of whole cents: when the cents read back as
    // the very same double, the decimal text (its shortest round trip, below 10^11 dollars) has
    // at most two decimals and gives those cents, so the text path below is skipped.
    const cents = Math.round(value * 100);
    if (Math.abs(cents) <= MAX_AMOUNT_CENTS && cents / 100 === value) return cents || 0;
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new AmountError('notDecimal', value);
  const negative = match[1] === '-';
  const digits = `${match[2]}${match[3] ?? ''}`;
  const exponentText = match[4] ?? '0';
  // Beyond a few dozen digits of exponent nothing but zero or "out of range" can come out.
  if (exponentText.replace(/^[+-]?0*/, '').length > 6) {
    if (/^0*$/.test(digits)) return 0;
    if (exponentText.startsWith('-')) return 0;
    throw new AmountError('outOfRange', value);
  }
  // Position of the decimal point in `digits`, counted from the left, after the exponent; cents
  // are the digits left of (point + 2).
  const point = (match[2] ?? '').length + Number(exponentText) + 2;
  if (/^0*$/.test(digits)) return 0;
  const significant = digits.replace(/^0+/, '');
  const leadingZeros = digits.length - significant.length;
  // Digits of the integer part of the cents, once the leading zeros are dropped.
  const integerDigits = point - leadingZeros;
  if (integerDigits > 16) throw new AmountError('outOfRange', value);
  const padded = integerDigits > significant.length ? significant.padEnd(integerDigits, '0') : significant;
  const whole = integerDigits <= 0 ? '0' : padded.slice(0, integerDigits);
  const rest = integerDigits <= 0 ? '0'.repeat(-integerDigits) + significant : padded.slice(integerDigits);
  let cents = Number(whole);
  if (roundsUp(rest, cents)) cents += 1;
  if (cents > MAX_AMOUNT_CENTS) throw new AmountError('outOfRange', value);
  return negative ? -cents || 0 : cents;
}

/** Half to even: `rest` is the digits after the cent, `cents` what is kept so far. */
function roundsUp(rest: string, cents: number): boolean {
  if (rest === '' || /^0*$/.test(rest)) return false;
  const first = rest.charCodeAt(0) - 48;
  if (first !== 5) return first > 5;
  if (!/^0*$/.test(rest.slice(1))) return true;
  return cents % 2 === 1;
}

/** True for an ISO 4217 currency code as it must be written: three capital letters ("CAD"). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

/** Cents back to a decimal number for the wire (TMF Money.value). */
export function decimalFromCents(cents: number): number {
  return Number((cents / 100).toFixed(2));
}

/** Plain decimal text ("-12.30") for tab-separated output, independent of the locale; see plainAmount for other currencies. */
export function plainDecimal(money: Money): string {
  const sign = money.amount < 0 ? '-' : '';
  const abs = Math.abs(money.amount);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A formatter per locale and currency, with the texts it made: formatting is slow next to
 * everything else a bulk run does per bill, and bills repeat the same prices over and over.
 */
interface CachedFormatter {
  format: (cents: number) => string;
  texts: Map<number, string>;
}
const formatters = new Map<string, CachedFormatter>();
/** Enough for every distinct amount of a large run's common prices; cleared when full. */
const MAX_CACHED_TEXTS = 10_000;

/** Formats for the user's locale: "$65.00" in en-CA, "65,00 $" in fr-CA. */
export function formatMoney(money: Money, locale: string): string {
  const key = `${locale}|${money.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = { format: formatterFor(locale, money.currency), texts: new Map() };
    formatters.set(key, formatter);
  }
  let text = formatter.texts.get(money.amount);
  if (text === undefined) {
    text = formatter.format(money.amount);
    if (formatter.texts.size >= MAX_CACHED_TEXTS) formatter.texts.clear();
    formatter.texts.set(money.amount, text);
  }
  return text;
}

/**
 * Canadian dollars in the two locales espace speaks, written exactly as Intl.NumberFormat writes
 * them ("-$1,234.50"; "-1 234,50 $" with no-break spaces; test/domain/money.test.ts compares them
 * on every Node espace runs on): the first Intl.NumberFormat of a process loads ICU's currency data,
 * ≈ 12 ms of a one-bill command's ≈ 150. Other currencies and locales go through Intl.
 */
const CAD_LAYOUTS: Record<string, { group: string; decimal: string; layout: (sign: string, number: string) => string }> = {
  'en-CA': { group: ',', decimal: '.', layout: (sign, number) => `${sign}$${number}` },
  'fr-CA': { group: '\u00a0', decimal: ',', layout: (sign, number) => `${sign}${number}\u00a0$` },
};

function formatterFor(locale: string, currency: string): (cents: number) => string {
  let intl: Intl.NumberFormat | undefined;
  const viaIntl = (cents: number) => {
    // Only Canadian dollars are a bare "$": any other currency shows which it is ("US$12.00"),
    // with the two decimals espace holds (Money is in hundredths whatever the currency).
    intl ??= new Intl.NumberFormat(
      locale,
      currency === 'CAD'
        ? { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }
        : { style: 'currency', currency, currencyDisplay: 'symbol', minimumFractionDigits: 2, maximumFractionDigits: 2 },
    );
    // + 0: a negative zero is written "$0.00", not Intl's "-$0.00".
    return intl.format(cents / 100 + 0);
  };
  const cad = currency === 'CAD' ? CAD_LAYOUTS[locale] : undefined;
  if (!cad) return viaIntl;
  return (cents) => {
    // Whole cents are what Money holds; anything else is left to Intl's rounding.
    if (!Number.isSafeInteger(cents)) return viaIntl(cents);
    const abs = Math.abs(cents);
    const units = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, cad.group);
    const sign = cents < 0 ? '-' : '';
    return cad.layout(sign, `${units}${cad.decimal}${String(abs % 100).padStart(2, '0')}`);
  };
}
