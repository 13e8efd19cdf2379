/** Where an advance of the sandbox clock goes: a duration (`30d`) from now, or a date (`--to`). */
import { TmfError } from '../tmf-errors.js';

const DURATION = /^(\d{1,4})(h|d|w|mo|y)$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const HOUR_MS = 3_600_000;

/** Adds a duration such as `12h`, `30d`, `2w`, `3mo` or `1y` (calendar months and years, day clamped). */
export function addDuration(now: Date, text: string): Date {
  const match = DURATION.exec(text.trim());
  if (!match) throw new TmfError(400, `"by" must be a duration such as 12h, 30d, 2w, 3mo or 1y, got "${text}"`);
  const n = Number(match[1]);
  switch (match[2]) {
    case 'h':
      return new Date(now.getTime() + n * HOUR_MS);
    case 'd':
      return new Date(now.getTime() + n * 24 * HOUR_MS);
    case 'w':
      return new Date(now.getTime() + n * 7 * 24 * HOUR_MS);
    default: {
      const months = match[2] === 'y' ? n * 12 : n;
      const at = new Date(now);
      const day = at.getUTCDate();
      at.setUTCDate(1);
      at.setUTCMonth(at.getUTCMonth() + months);
      const last = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
      at.setUTCDate(Math.min(day, last));
      return at;
    }
  }
}

/** A date (`2027-01-15`, read as 12:00 UTC like every date-only fact of the sandbox) or an ISO date-time. */
export function parseTargetDate(text: string): Date {
  const value = text.trim();
  const iso = DATE_ONLY.test(value) ? `${value}T12:00:00Z` : DATE_TIME.test(value) ? value : null;
  const at = iso ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime()) || (DATE_ONLY.test(value) && at.toISOString().slice(0, 10) !== value)) {
    throw new TmfError(400, `"to" must be a date (YYYY-MM-DD) or an ISO 8601 date-time, got "${text}"`);
  }
  return at;
}
