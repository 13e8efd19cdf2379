/** The date rules lists are checked and ordered by, whatever way a server writes its dates. */
import { describe, expect, it } from 'vitest';
import { newestFirst, withinDays } from '../../src/api/tmf/checked-list.js';

describe('newestFirst', () => {
  it('orders by instant, not by text: offsets and precision differ between servers', () => {
    const bills = [
      { id: 'a', billDate: '2026-11-30T23:00:00-05:00' }, // 2026-12-01T04:00Z: the newest
      { id: 'b', billDate: '2026-12-01T01:00:00Z' },
      { id: 'c', billDate: '2026-11-01' },
      { id: 'd', billDate: 'not a date' },
    ];
    expect(newestFirst(bills, (bill) => bill.billDate).map((bill) => bill.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the order of equal dates (the first of the newest wins, as the server gave it)', () => {
    const bills = [
      { id: 'x', at: '2026-12-01T12:00:00Z' },
      { id: 'y', at: '2026-12-01T12:00:00.000Z' },
      { id: 'z', at: '2026-10-01T12:00:00Z' },
    ];
    expect(newestFirst(bills, (bill) => bill.at).map((bill) => bill.id)).toEqual(['x', 'y', 'z']);
  });
});

describe('withinDays', () => {
  it('takes bare dates as whole UTC days, both ends included', () => {
    expect(withinDays('2026-12-01T00:00:00Z', '2026-12-01', '2026-12-07')).toBe(true);
    expect(withinDays('2026-12-07T23:59:59.999Z', '2026-12-01', '2026-12-07')).toBe(true);
    expect(withinDays('2026-12-08T00:00:00Z', '2026-12-01', '2026-12-07')).toBe(false);
    expect(withinDays('2026-11-30T23:59:59Z', '2026-12-01', undefined)).toBe(false);
  });

  it('cannot tell for a date it cannot read', () => {
    expect(withinDays(undefined, '2026-12-01', undefined)).toBeUndefined();
    expect(withinDays('yesterday', '2026-12-01', undefined)).toBeUndefined();
  });
});
