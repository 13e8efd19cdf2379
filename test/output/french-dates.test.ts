/** Dates and times as a Quebecer writes them: 1er for the first of the month, 9 h 05, unambiguous chart days. */
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatPeriod } from '../../src/output/formats.js';

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('French dates', () => {
  it('writes the first of the month 1er, in a date, a period and a chart day', () => {
    expect(formatDate('2026-12-01', 'fr-CA')).toBe('1er déc. 2026');
    expect(formatDate('2026-08-01', 'fr-CA')).toBe('1er août 2026');
    expect(formatDate('2026-12-11', 'fr-CA')).toBe('11 déc. 2026');
    expect(spaces(formatPeriod('2026-11-01', '2026-11-30', 'fr-CA'))).toBe('1er–30 nov. 2026');
    expect(formatDay('2026-12-01', 'fr-CA')).toBe('1er déc.');
    expect(formatDay('2026-12-01', 'en-CA')).toBe('Dec 1');
    expect(formatDate('2026-12-01', 'en-CA')).toBe('Dec 1, 2026');
  });

  it('writes hours with h and without a leading zero', () => {
    // 9:05 in this machine's time zone, which formatDateTime shows.
    const nineOhFive = new Date(2026, 11, 11, 9, 5).toISOString();
    expect(spaces(formatDateTime(nineOhFive, 'fr-CA'))).toBe('11 déc. 2026, 9 h 05');
    expect(spaces(formatDateTime(new Date(2026, 11, 1, 14, 5).toISOString(), 'fr-CA'))).toBe('1er déc. 2026, 14 h 05');
    // The time is one unit: no-break spaces around the h, so wrapping never splits it.
    expect(formatDateTime(new Date(2026, 11, 1, 14, 5).toISOString(), 'fr-CA')).toContain('14\u00a0h\u00a005');
  });
});
