/**
 * Calendar helpers for the seed. Date-only facts (bill dates, due dates, periods) are written as
 * 12:00 UTC so that they read as the same calendar day in every Canadian time zone
 * (UTC−3:30 to UTC−8), whichever way a client formats them.
 */

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

const ANCHOR = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a seed anchor (`YYYY-MM-DD`); throws on anything else, including impossible dates. */
export function parseSeedAnchor(anchor: string): YearMonth & { day: number } {
  const match = ANCHOR.exec(anchor);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth({ year, month })) {
    throw new Error(`invalid seed anchor "${anchor}": expected a date as YYYY-MM-DD`);
  }
  return { year, month, day };
}

/** The default anchor: the first day of the current month, UTC. */
export function defaultSeedAnchor(now: Date): string {
  return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-01`;
}

export function addMonths(ym: YearMonth, months: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function daysInMonth(ym: YearMonth): number {
  return new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();
}

/** ISO timestamp of the given calendar day at 12:00 UTC. */
export function noonUtc(ym: YearMonth, day: number): string {
  return new Date(Date.UTC(ym.year, ym.month - 1, day, 12)).toISOString();
}

/** Adds whole days to an ISO timestamp. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

/** `2026-11` style label, used in ids and bill numbers. */
export function monthLabel(ym: YearMonth, separator = '-'): string {
  return `${ym.year}${separator}${pad(ym.month)}`;
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
