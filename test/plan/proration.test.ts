/** The CLI's proration (src/domain/proration.ts) and the sandbox's agree, and round half-up to the cent. */
import { describe, expect, it } from 'vitest';
import { cycleOf, previousCycleOf, prorate, prorateChange } from '../../src/domain/proration.js';
import { planChangeProblem, type Offering, type Product } from '../../src/domain/plan.js';
import { cycleOf as sandboxCycleOf, prorate as sandboxProrate } from '../../src/sandbox/plan/proration.js';

const cad = (amount: number) => ({ amount, currency: 'CAD' });

describe('proration', () => {
  it('knows the length of each cycle, leap years included', () => {
    expect(cycleOf(new Date('2028-02-10T00:00:00Z'))).toEqual({ start: '2028-02-01', end: '2028-02-29', days: 29 });
    expect(cycleOf(new Date('2026-02-10T23:59:59Z')).days).toBe(28);
    expect(previousCycleOf(new Date('2026-01-15T12:00:00Z'))).toEqual({ start: '2025-12-01', end: '2025-12-31', days: 31 });
  });

  it('counts the day of the change as a day of the new price', () => {
    const first = prorateChange(cad(3000), cad(6000), new Date('2026-11-01T08:00:00Z'));
    expect([first.daysLeft, first.credit.amount, first.charge.amount]).toEqual([30, -3000, 6000]);
    const last = prorateChange(cad(3000), cad(6000), new Date('2026-11-30T23:00:00Z'));
    expect([last.daysLeft, last.credit.amount, last.charge.amount, last.net.amount]).toEqual([1, -100, 200, 100]);
  });

  it('rounds halves away from zero, for credits and charges alike', () => {
    expect(prorate(cad(15), 1, 30).amount).toBe(1); // 0.5 → 1
    expect(prorate(cad(14), 1, 30).amount).toBe(0);
    const change = prorateChange(cad(15), undefined, new Date('2026-11-30T12:00:00Z'));
    expect(change.credit.amount).toBe(-1);
    expect(change.charge.amount).toBe(0);
  });

  it('gives the same amounts as the sandbox for every day of a year and a range of prices', () => {
    for (let day = 0; day < 366; day += 1) {
      const at = new Date(Date.UTC(2028, 0, 1 + day, 12));
      const cycle = sandboxCycleOf(at);
      const left = cycle.days - at.getUTCDate() + 1;
      for (const price of [300, 1499, 4500, 5500, 8500, 9900, 12_345]) {
        expect(prorateChange(cad(price), cad(price), at).charge.amount).toBe(sandboxProrate(price, left, cycle.days));
      }
      expect(cycleOf(at).days).toBe(cycle.days);
    }
  });
});

describe('plan change rules', () => {
  const product: Product = {
    id: 'P',
    name: 'Internet Giga',
    status: 'active',
    kind: 'internet',
    isAddOn: false,
    offeringId: 'OFF-INT-GIGA',
    monthly: cad(8500),
    contractEnd: '2027-07-01T12:00:00.000Z',
  };
  const offer = (id: string, kind: Offering['kind'], price: number): Offering => ({ id, name: id, kind, monthly: cad(price), termMonths: 0 });
  const now = new Date('2026-11-17T12:00:00Z');

  it('refuses a cheaper plan only while the contract runs', () => {
    expect(planChangeProblem(product, offer('OFF-INT-400', 'internet', 7500), now)).toBe('downgradeInTerm');
    expect(planChangeProblem(product, offer('OFF-INT-400', 'internet', 7500), new Date('2027-07-02T00:00:00Z'))).toBeUndefined();
    expect(planChangeProblem(product, offer('OFF-INT-GIGA-PLUS', 'internet', 9900), now)).toBeUndefined();
    expect(planChangeProblem(product, offer('OFF-MOB-50', 'mobile', 9900), now)).toBe('incompatible');
    expect(planChangeProblem(product, offer('OFF-INT-GIGA', 'internet', 8500), now)).toBe('same');
  });
});
