/**
 * Proration of a monthly price over the rest of a billing cycle. Cycles are calendar months (bills
 * fall on the 1st); a change takes effect on its day, which is charged at the new price.
 */
import { daysInMonth, noonUtc, type YearMonth } from '../dates.js';
import { roundHalfUp } from '../billing/taxes.js';

export interface Cycle {
  month: YearMonth;
  /** ISO date-times at 12:00 UTC of the first and last day. */
  start: string;
  end: string;
  days: number;
}

export function cycleOf(at: Date): Cycle {
  const month = { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1 };
  const days = daysInMonth(month);
  return { month, start: noonUtc(month, 1), end: noonUtc(month, days), days };
}

/** The share of a monthly price for `days` of a cycle of `cycleDays`, rounded half-up to the cent. */
export function prorate(monthlyCents: number, days: number, cycleDays: number): number {
  return roundHalfUp(monthlyCents * days, cycleDays);
}
