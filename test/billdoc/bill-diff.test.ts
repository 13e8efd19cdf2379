/** The pure comparison of two bills: matching of line items, typed reasons, reconciliation to the cent. */
import { describe, expect, it } from 'vitest';
import type { Bill, BillLine, TaxLine } from '../../src/domain/bill.js';
import { diffBills, type BillWithLines } from '../../src/domain/bill-diff.js';
import { cad } from '../../src/domain/money.js';

let nextId = 0;
function line(name: string, cents: number, extra: Partial<BillLine> = {}): BillLine {
  return { id: `L${++nextId}`, name, section: 'serviceCharges', kind: 'recurring', amount: cad(cents), ...extra };
}

/** A bill whose totals follow from its lines, taxes and balance, as a consistent server sends them. */
function bill(
  id: string,
  billDate: string,
  lines: BillLine[],
  options: { taxes?: TaxLine[]; previousBalance?: number; paid?: number[]; totalDueOffset?: number; noBalance?: boolean } = {},
): BillWithLines {
  const taxes = options.taxes ?? [];
  const current = lines.reduce((sum, item) => sum + item.amount.amount, 0) + taxes.reduce((sum, tax) => sum + tax.amount.amount, 0);
  const paid = options.paid ?? [];
  const previous = options.previousBalance ?? 0;
  const totalDue = previous - paid.reduce((a, b) => a + b, 0) + current + (options.totalDueOffset ?? 0);
  const value: Bill = {
    id,
    number: id,
    accountId: 'BA-1',
    billDate,
    period: {},
    state: 'sent',
    totalDue: cad(totalDue),
    currentCharges: cad(current),
    taxExcluded: cad(current - taxes.reduce((sum, tax) => sum + tax.amount.amount, 0)),
    taxes,
    ...(options.noBalance ? {} : { previousBalance: cad(previous) }),
    paymentsReceived: options.noBalance ? [] : paid.map((amount, index) => ({ id: `P${index}`, amount: cad(amount) })),
  };
  return { bill: value, lines };
}

const internet = (cents: number, name = 'Internet 100') => line(name, cents, { productId: 'INT', productName: name });
const gst = (cents: number, rate = 0.05): TaxLine => ({ category: 'GST', rate, amount: cad(cents) });
const sumOfEffects = (changes: readonly { effect: { amount: number } }[]) => changes.reduce((total, change) => total + change.effect.amount, 0);

describe('diffBills', () => {
  it('finds nothing between two identical bills', () => {
    const a = bill('A', '2026-01-01', [internet(6500)], { taxes: [gst(325)] });
    const b = bill('B', '2026-02-01', [internet(6500)], { taxes: [gst(325)] });
    const diff = diffBills(a, b);
    expect(diff.changes).toEqual([]);
    expect(diff.totalChange.amount).toBe(0);
  });

  it('explains a prorated plan change: credit, charge, the new plan, and their taxes', () => {
    const before = bill('A', '2026-01-01', [internet(6500)], { taxes: [gst(325)] });
    const after = bill(
      'B',
      '2026-02-01',
      [
        internet(7500, 'Internet 400'),
        line('Internet 100 – unused part', -3250, { kind: 'proration', productId: 'INT', productName: 'Internet 100' }),
        line('Internet 400 – rest of the period', 3750, { kind: 'proration', productId: 'INT', productName: 'Internet 400' }),
      ],
      { taxes: [gst(400)] },
    );
    const diff = diffBills(before, after);
    expect(diff.changes.map((change) => change.reason)).toEqual(['planChanged', 'prorationCredit', 'prorationCharge', 'taxChanged']);
    expect(diff.changes[0]).toMatchObject({ label: 'Internet 400', previousLabel: 'Internet 100', before: cad(6500), after: cad(7500), effect: cad(1000) });
    expect(diff.changes[1]).toMatchObject({ effect: cad(-3250), section: 'serviceCharges' });
    expect(sumOfEffects(diff.changes)).toBe(diff.totalChange.amount);
    expect(diff.unexplained.amount).toBe(0);

    // On the next bill the one-time adjustments are gone.
    const next = bill('C', '2026-03-01', [internet(7500, 'Internet 400')], { taxes: [gst(375)] });
    const following = diffBills(after, next);
    expect(
      following.changes
        .filter((change) => change.reason === 'prorationEnded')
        .map((change) => change.effect.amount)
        .sort(),
    ).toEqual([-3750, 3250]);
    expect(sumOfEffects(following.changes)).toBe(following.totalChange.amount);
  });

  it('tells apart add-ons added and removed, promotions started, and fees of the same name on different products', () => {
    const fee = (product: string, cents: number) => line('9-1-1 fee', cents, { section: 'fees', productId: product, productName: product });
    const before = bill('A', '2026-01-01', [internet(6500), line('Movies', 1500, { section: 'addOns', productId: 'MOV' }), fee('TEL', 46), fee('MOB', 46)]);
    const after = bill('B', '2026-02-01', [
      internet(6500),
      line('Welcome credit', -500, { kind: 'credit', productId: 'INT' }),
      line('Sports', 1200, { section: 'addOns', productId: 'SPO' }),
      fee('TEL', 46),
      fee('MOB', 50),
    ]);
    const diff = diffBills(before, after);
    const byReason = Object.fromEntries(diff.changes.map((change) => [change.reason, change]));
    expect(byReason.promotionStarted).toMatchObject({ label: 'Welcome credit', effect: cad(-500) });
    expect(byReason.addOnAdded).toMatchObject({ label: 'Sports', after: cad(1200) });
    expect(byReason.addOnRemoved).toMatchObject({ label: 'Movies', before: cad(1500), effect: cad(-1500) });
    expect(byReason.priceChanged).toMatchObject({ label: '9-1-1 fee – MOB', section: 'taxesAndFees', effect: cad(4) });
    expect(diff.changes).toHaveLength(4);
    expect(sumOfEffects(diff.changes)).toBe(diff.totalChange.amount);
  });

  it('explains late fees, the previous balance and payments received', () => {
    const penalty = (cents: number) => line('Late payment charge', cents, { section: 'fees', kind: 'penalty' });
    const before = bill('A', '2026-01-01', [internet(6500)], { previousBalance: 6500, paid: [3000] });
    const after = bill('B', '2026-02-01', [internet(6500), penalty(70)], { previousBalance: 10000, paid: [] });
    const diff = diffBills(before, after);
    expect(diff.changes.map((change) => change.reason)).toEqual(['lateFeeAdded', 'previousBalance', 'paymentsReceived']);
    expect(diff.changes[1]!.effect).toEqual(cad(3500));
    // Less was paid this time, so more is due.
    expect(diff.changes[2]).toMatchObject({ before: cad(3000), after: cad(0), effect: cad(3000) });
    expect(sumOfEffects(diff.changes)).toBe(diff.totalChange.amount);
  });

  it('reports a change of tax rate as such', () => {
    const before = bill('A', '2026-01-01', [internet(10000)], { taxes: [gst(500)] });
    const after = bill('B', '2026-02-01', [internet(10000)], { taxes: [gst(600, 0.06)] });
    expect(diffBills(before, after).changes).toEqual([
      expect.objectContaining({ reason: 'taxRateChanged', label: 'GST', rateBefore: 0.05, rateAfter: 0.06, effect: cad(100) }),
    ]);
  });

  it('uses the balance carried forward when a server does not give the previous balance', () => {
    const before = bill('A', '2026-01-01', [internet(6500)], { noBalance: true, totalDueOffset: 0 });
    const after = bill('B', '2026-02-01', [internet(6500)], { noBalance: true, totalDueOffset: 1234 });
    const diff = diffBills(before, after);
    expect(diff.changes).toEqual([expect.objectContaining({ reason: 'balanceForward', effect: cad(1234) })]);
    expect(diff.unexplained.amount).toBe(0);
  });

  it('shows what the figures cannot explain as an explicit "other" change', () => {
    const before = bill('A', '2026-01-01', [internet(6500)]);
    const after = bill('B', '2026-02-01', [internet(7000)], { totalDueOffset: 7 });
    const diff = diffBills(before, after);
    expect(diff.changes.at(-1)).toMatchObject({ reason: 'other', section: 'other', effect: cad(7) });
    expect(diff.unexplained).toEqual(cad(7));
    expect(sumOfEffects(diff.changes)).toBe(diff.totalChange.amount);
  });
});
