import { describe, expect, it } from 'vitest';
import { type Outage, isOutageOver, sortOutages } from '../../src/domain/outage.js';

const outage = (id: string, status: string, raisedAt: string): Outage => ({
  id,
  name: id,
  category: 'outage',
  status,
  areas: [],
  services: [],
  raisedAt,
});

describe('outage states', () => {
  it('counts resolved, closed, cancelled and rejected problems as over', () => {
    for (const status of ['resolved', 'closed', 'cancelled', 'rejected']) expect(isOutageOver(outage('o', status, ''))).toBe(true);
    for (const status of ['acknowledged', 'inProgress', 'pending', 'held']) expect(isOutageOver(outage('o', status, ''))).toBe(false);
  });

  it('sorts a rejected problem after the ones still open, even when it is more recent', () => {
    const sorted = sortOutages([outage('rejected', 'rejected', '2026-05-02'), outage('open', 'inProgress', '2026-05-01')]);
    expect(sorted.map((o) => o.id)).toEqual(['open', 'rejected']);
  });
});
