/**
 * Proration over a billing cycle. Cycles are calendar months (bills fall on the 1st); a change
 * takes effect on the day it is ordered, and that day is charged at the new price. Each amount is
 * the monthly price × days left ÷ days in the cycle, rounded half-up to the cent, separately for
 * the credit of the old price and the charge of the new one, as the bill shows them.
 */
import type { Money } from './money.js';

export interface Cycle {
  /** ISO dates (YYYY-MM-DD) of the first and last day. */
  start: string;
  end: string;
  days: number;
}

export function cycleOf(at: Date): Cycle {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const iso = (day: number) => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
  return { start: iso(1), end: iso(days), days };
}

/** The previous calendar-month cycle. */
export function previousCycleOf(at: Date): Cycle {
  return cycleOf(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 0)));
}

/** numerator ÷ denominator rounded to the nearest integer, halves away from zero. */
function roundHalfUp(numerator: number, denominator: number): number {
  const sign = numerator < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
}

export function prorate(monthly: Money, days: number, cycleDays: number): Money {
  return { amount: roundHalfUp(monthly.amount * days, cycleDays), currency: monthly.currency };
}

export interface Proration {
  /** The day the change takes effect (YYYY-MM-DD). */
  effectiveDate: string;
  daysLeft: number;
  cycle: Cycle;
  /** Negative: the unused rest of the cycle at the old price (zero when nothing is replaced). */
  credit: Money;
  /** The rest of the cycle at the new price (zero when nothing replaces it). */
  charge: Money;
  /** credit + charge: what the next bill adds before taxes. */
  net: Money;
}

/** What changing from `from` to `to` (monthly prices; undefined for none) on `at` adds to the next bill. */
export function prorateChange(from: Money | undefined, to: Money | undefined, at: Date): Proration {
  const cycle = cycleOf(at);
  const daysLeft = cycle.days - at.getUTCDate() + 1;
  const currency = (from ?? to)?.currency ?? 'CAD';
  const credit = from ? -prorate(from, daysLeft, cycle.days).amount : 0;
  const charge = to ? prorate(to, daysLeft, cycle.days).amount : 0;
  return {
    effectiveDate: at.toISOString().slice(0, 10),
    daysLeft,
    cycle,
    credit: { amount: credit || 0, currency },
    charge: { amount: charge, currency },
    net: { amount: credit + charge, currency },
  };
}
