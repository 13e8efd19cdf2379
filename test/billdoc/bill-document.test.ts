/** The bill document's layout: a bill too long for one page continues on the next, nothing lost. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderBillDocument } from '../../src/sandbox/billing/document/bill-document.js';
import type { AccountRow } from '../../src/sandbox/billing/billing-account-store.js';
import type { BillRow, RateRow } from '../../src/sandbox/billing/bill-store.js';

const bill = {
  id: 'CB-9-202611',
  billingAccountId: 'BA-9',
  billingAccountName: 'Test',
  billNo: '2026-11-9',
  billDate: '2026-11-01T12:00:00.000Z',
  periodStart: '2026-10-01T12:00:00.000Z',
  periodEnd: '2026-10-31T12:00:00.000Z',
  paymentDueDate: '2026-11-22T12:00:00.000Z',
  nextBillDate: null,
  category: 'normal',
  runType: 'onCycle',
  state: 'sent',
  currency: 'CAD',
  taxExcludedCents: 0,
  taxIncludedCents: 0,
  previousBalanceCents: 0,
  amountDueCents: 0,
  remainingCents: 0,
  lastUpdate: '2026-11-01T12:00:00.000Z',
} as BillRow;
const account = {
  id: 'BA-9',
  ownerName: 'Julie Côté',
  street1: '1 rue Principale',
  street2: null,
  city: 'Québec',
  province: 'QC',
  postcode: 'G1R 1A1',
} as AccountRow;

describe('renderBillDocument', () => {
  it('continues a long bill on further pages', () => {
    const rates = Array.from({ length: 80 }, (_, i) => ({
      id: `R${i}`,
      name: `Ligne numéro ${i + 1}`,
      section: i < 40 ? 'serviceCharges' : 'addOns',
      rateType: 'recurringCharge',
      taxExcludedCents: 100 + i,
    })) as RateRow[];
    const total = rates.reduce((sum, rate) => sum + rate.taxExcludedCents, 0);
    const pdf = renderBillDocument({ bill: { ...bill, taxIncludedCents: total, amountDueCents: total }, account, rates, taxes: [], received: [], lang: 'fr' });
    expect(execFileSync('pdfinfo', ['-'], { input: pdf }).toString()).toMatch(/Pages:\s+[23]/);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf })
      .toString('utf8')
      .replace(/\u00a0/g, ' ');
    for (let i = 1; i <= 80; i++) expect(text).toContain(`Ligne numéro ${i} `);
    expect(text).toMatch(/Total à payer\s+111,60 \$/);
  });
});
