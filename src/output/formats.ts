/**
 * Locale-aware formatting of money, dates and rates, and the stable JSON shape of money
 * (`{"amount": 1234, "currency": "CAD", "formatted": "$12.34"}`: integer cents plus display text).
 */
import { type Money, formatMoney, plainDecimal } from '../domain/money.js';
import { formatRangeWithFirst, formatWithFirst } from './first-of-month.js';
import { jsonText, sanitizeLine } from './sanitize.js';

export interface MoneyJson {
  amount: number;
  currency: string;
  formatted: string;
}

export function moneyJson(money: Money, locale: string): MoneyJson {
  return { amount: money.amount, currency: money.currency, formatted: formatMoney(money, locale) };
}

/**
 * Amounts: localized on a terminal, plain decimals when piped. A plain amount in another currency
 * than Canadian dollars carries its code ("12.00 USD"), so that a script never adds it to CAD.
 */
export function amountText(money: Money, plain: boolean, locale: string): string {
  if (!plain) return formatMoney(money, locale);
  return money.currency === 'CAD' ? plainDecimal(money) : `${plainDecimal(money)} ${money.currency}`;
}

/** "+$5.00" / "-$10.00": the sign always shows, so a change reads as a change. */
export function signedAmount(money: Money, locale: string): string {
  const text = formatMoney(money, locale);
  return money.amount > 0 ? `+${text}` : text;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates of bills are calendar dates: formatted in UTC so that no time zone shifts the day. */
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format;
}

export function formatDate(iso: string | undefined, locale: string): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  // A date the server wrote that is no date is shown as it came, made safe.
  return Number.isNaN(time) ? sanitizeLine(iso) : formatWithFirst(dateFormat(locale), time, locale);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time, to the minute, in the user's locale and time zone (sessions, tickets, expiries). */
export function formatDateTime(iso: string | undefined, locale: string): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return sanitizeLine(iso);
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return formatWithFirst(format, time, locale);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day without the year, for chart labels: `1er déc.` or `Dec 1`, which no reader takes
 * for another day (unlike `12-01`).
 */
export function formatDay(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return sanitizeLine(iso);
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return formatWithFirst(format, time, locale);
}

export function formatPeriod(start: string | undefined, end: string | undefined, locale: string): string {
  if (!start || !end) return start || end ? formatDate(start ?? end, locale) : '—';
  const from = Date.parse(start);
  const to = Date.parse(end);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
  return formatRangeWithFirst(dateFormat(locale), from, to, locale);
}

const UTC_DAY_FIRST = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/;

/** A date as YYYY-MM-DD for JSON and tab-separated output (ISO 8601, no locale). */
export function isoDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  // A date, or a UTC date-time, already starts with its UTC day: no need to parse it.
  if (UTC_DAY_FIRST.test(iso)) return iso.slice(0, 10);
  const time = Date.parse(iso);
  return Number.isNaN(time) ? sanitizeLine(iso) : new Date(time).toISOString().slice(0, 10);
}

/** 0.09975 → "9.975 %" (fr-CA) or "9.975%" (en-CA). */
export function formatRate(rate: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(rate);
}

/** Stable JSON: two-space indentation, a final newline, and no character a terminal would act on (see jsonText). */
export function toJson(value: unknown): string {
  return `${jsonText(value, 2)}\n`;
}
