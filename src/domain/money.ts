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

export function equals(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`cannot combine ${a.currency} and ${b.currency}`);
}

/**
 * Converts a decimal amount (a JSON number or a string such as "65.5") to cents, exactly.
 * A value with more than two decimals is rounded half away from zero, as billing systems do.
 */
export function centsFromDecimal(value: number | string): number {
  const text = typeof value === 'number' ? decimalText(value) : value.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new RangeError(`not a decimal amount: ${String(value)}`);
  const sign = match[1] === '-' ? -1 : 1;
  const whole = match[2] || '0';
  const fraction = (match[3] ?? '').padEnd(3, '0');
  let cents = Number(whole) * 100 + Number(fraction.slice(0, 2));
  if (Number(fraction[2]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount out of range: ${String(value)}`);
  return sign * cents || 0;
}

function decimalText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  // toFixed gives the exact decimal digits of what a short JSON literal such as 65.5 meant,
  // without the exponent notation String() uses for very small or large numbers.
  return value.toFixed(6);
}

/** Cents back to a decimal number for the wire (TMF Money.value). */
export function decimalFromCents(cents: number): number {
  return Number((cents / 100).toFixed(2));
}

/** Plain decimal text ("-12.30") for tab-separated output, independent of the locale. */
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
    intl ??= new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
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
