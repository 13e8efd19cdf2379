import { describe, expect, it } from 'vitest';
import { type Bill, type BillLine, billSections } from '../../src/domain/bill.js';
import { cad } from '../../src/domain/money.js';

const line = (id: string, section: BillLine['section'], cents: number, kind: BillLine['kind'] = 'recurring'): BillLine => ({
  id,
  name: id,
  section,
  kind,
  amount: cad(cents),
});

const lines = [
  line('internet', 'serviceCharges', 6500),
  line('tv', 'serviceCharges', 7500),
  line('promo', 'serviceCharges', -1000, 'credit'),
  line('movies', 'addOns', 1500),
  line('911', 'fees', 46),
];

// Taxable base 13 000 + 1 500 = 14 500 (the 9-1-1 tax is not taxable in Quebec):
// GST 725, QST 1 446.375 → 1 446.
const bill: Bill = {
  id: 'B1',
  number: '2026-11-1',
  accountId: 'BA-1',
  billDate: '2026-11-05',
  period: {},
  state: 'sent',
  taxExcluded: cad(14546),
  taxes: [
    { category: 'GST', rate: 0.05, amount: cad(725) },
    { category: 'QST', rate: 0.09975, amount: cad(1446) },
  ],
  currentCharges: cad(14546 + 725 + 1446),
  previousBalance: cad(16000),
  paymentsReceived: [{ id: 'P1', amount: cad(16000) }],
  totalDue: cad(14546 + 725 + 1446),
};

describe('billSections', () => {
  it('puts every line in its section and reconciles to the cent', () => {
    const sections = billSections(bill, lines);
    expect(sections.serviceCharges.subtotal.amount).toBe(13000);
    expect(sections.addOns.subtotal.amount).toBe(1500);
    expect(sections.taxesAndFees.subtotal.amount).toBe(725 + 1446 + 46);
    expect(sections.previousBalanceAndPayments.balanceForward.amount).toBe(0);
    expect(sections.discrepancy.amount).toBe(0);
  });

  it('reports figures that do not add up', () => {
    const sections = billSections({ ...bill, totalDue: cad(bill.totalDue.amount + 1) }, lines);
    expect(sections.discrepancy.amount).toBe(1);
  });

  it('carries an unpaid balance forward', () => {
    const unpaid = { ...bill, paymentsReceived: [{ id: 'P1', amount: cad(6000) }], totalDue: cad(bill.currentCharges.amount + 10000) };
    const sections = billSections(unpaid, lines);
    expect(sections.previousBalanceAndPayments.balanceForward.amount).toBe(10000);
    expect(sections.discrepancy.amount).toBe(0);
  });

  it('derives the balance forward when the server does not carry the extension', () => {
    const plain = { ...bill, previousBalance: undefined, paymentsReceived: [], totalDue: cad(bill.currentCharges.amount + 2500) };
    const sections = billSections(plain, lines);
    expect(sections.previousBalanceAndPayments.previousBalance).toBeUndefined();
    expect(sections.previousBalanceAndPayments.balanceForward.amount).toBe(2500);
    expect(sections.discrepancy.amount).toBe(0);
  });
});
