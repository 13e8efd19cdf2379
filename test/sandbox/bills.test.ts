import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ACCOUNTS, BILLS, RATES, cents, get, taxOf } from './client.js';

// Every seeded bill is checked against the rules a portal bill must satisfy, recomputed here from
// the line items rather than trusted from the server.

let sandbox: TestSandbox;
let bills: any[];
let lines: any[];
/** Province of each account, from its billing address. */
let PROVINCE: Record<string, 'QC' | 'ON'>;

const ANCHOR = '2026-11-01';
const SECTIONS = ['serviceCharges', 'addOns', 'fees'];

const sectionOf = (line: any): string => line.characteristic.find((c: any) => c.name === 'billSection')?.value;
const is911 = (line: any): boolean => sectionOf(line) === 'fees' && line.name.includes('9-1-1');
const isPenalty = (line: any): boolean => line.appliedBillingRateType === 'appliedPenaltyCharge';
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const linesOf = (bill: any): any[] => lines.filter((l) => l.bill.id === bill.id);
const taxShare = (line: any, category: string): number =>
  sum(line.appliedTax.filter((t: any) => t.taxCategory === category).map((t: any) => cents(t.taxAmount)));
const billsOf = (account: string): any[] => bills.filter((b) => b.billingAccount.id === account).sort((a, b) => a.billDate.localeCompare(b.billDate));

/** Every item of a list, page by page. */
async function all(s: TestSandbox, path: string): Promise<any[]> {
  const items: any[] = [];
  for (;;) {
    const page = await get(s.url, `${path}${path.includes('?') ? '&' : '?'}limit=1000&offset=${items.length}`, s.tokens.agent);
    items.push(...page.body);
    if (items.length >= Number(page.headers.get('x-total-count'))) return items;
  }
}

async function load(options: { syntheticAccounts?: number }) {
  sandbox = await startTestSandbox({ seedAnchor: ANCHOR, ...options });
  bills = await all(sandbox, BILLS);
  lines = await all(sandbox, RATES);
  const accounts = await all(sandbox, ACCOUNTS);
  PROVINCE = Object.fromEntries(
    accounts.map((a) => [a.id, a.contact[0].contactMedium.find((m: any) => m.mediumType === 'postalAddress').characteristic.stateOrProvince]),
  );
}

/** Rules every bill must follow, whoever it belongs to. */
function billRules(): void {
  it('adds up: lines to the bill, taxes to the tax items, current charges to the amount due', () => {
    for (const bill of bills) {
      const own = linesOf(bill);
      expect(own.length).toBeGreaterThan(0);
      expect(sum(own.map((l) => cents(l.taxExcludedAmount)))).toBe(cents(bill.taxExcludedAmount));
      expect(sum(own.map((l) => cents(l.taxIncludedAmount)))).toBe(cents(bill.taxIncludedAmount));
      const taxes = sum(bill.taxItem.map((t: any) => cents(t.taxAmount)));
      expect(cents(bill.taxIncludedAmount)).toBe(cents(bill.taxExcludedAmount) + taxes);
      for (const item of bill.taxItem) {
        expect(sum(own.map((l) => taxShare(l, item.taxCategory)))).toBe(cents(item.taxAmount));
      }
      for (const line of own) {
        expect(cents(line.taxIncludedAmount)).toBe(cents(line.taxExcludedAmount) + sum(line.appliedTax.map((t: any) => cents(t.taxAmount))));
      }
      const received = sum(bill.paymentReceived.map((p: any) => cents(p.appliedAmount)));
      expect(cents(bill.amountDue)).toBe(cents(bill.previousBalance) - received + cents(bill.taxIncludedAmount));
    }
  });

  it('taxes Quebec bills with GST and QST on the base without the 9-1-1 tax or late charges', () => {
    for (const bill of bills.filter((b) => PROVINCE[b.billingAccount.id] === 'QC')) {
      const own = linesOf(bill);
      const base = sum(own.filter((l) => !is911(l) && !isPenalty(l)).map((l) => cents(l.taxExcludedAmount)));
      expect(bill.taxItem.map((t: any) => [t.taxCategory, t.taxRate])).toEqual([
        ['GST', 0.05],
        ['QST', 0.09975],
      ]);
      expect(cents(bill.taxItem[0].taxAmount)).toBe(taxOf(base, 5, 100));
      expect(cents(bill.taxItem[1].taxAmount)).toBe(taxOf(base, 9975, 100_000));
      for (const line of own.filter((l) => is911(l) || isPenalty(l))) expect(line.appliedTax).toEqual([]);
    }
  });

  it('taxes Ontario bills with 13 % HST, the 9-1-1 fee included', () => {
    const ontario = bills.filter((b) => PROVINCE[b.billingAccount.id] === 'ON');
    expect(ontario.length).toBeGreaterThanOrEqual(12);
    let fees = 0;
    for (const bill of ontario) {
      const own = linesOf(bill);
      for (const fee of own.filter(is911)) {
        fees += 1;
        expect(cents(fee.taxExcludedAmount)).toBe(75);
        expect(taxShare(fee, 'HST')).toBeGreaterThan(0);
      }
      const base = sum(own.filter((l) => !isPenalty(l)).map((l) => cents(l.taxExcludedAmount)));
      expect(bill.taxItem).toEqual([{ taxCategory: 'HST', taxRate: 0.13, taxAmount: { unit: 'CAD', value: taxOf(base, 13, 100) / 100 } }]);
    }
    expect(fees).toBeGreaterThanOrEqual(12);
  });

  it('puts every line in a section with a product, a period and a rate type that fits', () => {
    for (const line of lines) {
      expect(SECTIONS).toContain(sectionOf(line));
      expect(line.isBilled).toBe(true);
      expect(line.billingAccount.id).toMatch(/^BA-/);
      expect(line.periodCoverage.startDateTime <= line.periodCoverage.endDateTime).toBe(true);
      expect(line.name).toBeTruthy();
      expect(line.description).toBeTruthy();
      if (isPenalty(line)) {
        expect(sectionOf(line)).toBe('fees');
        expect(line.product).toBeUndefined();
      } else {
        expect(line.product).toMatchObject({ id: expect.stringMatching(/^PRD-/), name: expect.any(String) });
      }
      if (line.appliedBillingRateType === 'appliedBillingCredit') expect(cents(line.taxExcludedAmount)).toBeLessThan(0);
      else expect(cents(line.taxExcludedAmount)).toBeGreaterThan(0);
    }
  });

  it('carries balances forward: previous balance is the last amount due; the first was paid in full', () => {
    for (const account of Object.keys(PROVINCE)) {
      const own = billsOf(account);
      const first = own[0];
      expect(cents(first.previousBalance)).toBeGreaterThan(0);
      expect(sum(first.paymentReceived.map((p: any) => cents(p.appliedAmount)))).toBe(cents(first.previousBalance));
      for (let i = 1; i < own.length; i++) {
        expect(cents(own[i].previousBalance)).toBe(cents(own[i - 1].amountDue));
        for (const payment of own[i].paymentReceived) {
          expect(payment.date >= own[i - 1].billDate && payment.date < own[i].billDate).toBe(true);
        }
      }
    }
  });

  it('keeps state, remaining amount and applied payments consistent', () => {
    for (const bill of bills) {
      const charges = cents(bill.taxIncludedAmount);
      const remaining = cents(bill.remainingAmount);
      const applied = sum(bill.appliedPayment.map((p: any) => cents(p.appliedAmount)));
      expect(applied).toBe(charges - remaining);
      const expected = remaining === 0 ? 'settled' : remaining < charges ? 'partiallyPaid' : 'sent';
      expect(bill.state).toBe(expected);
    }
  });
}

describe.each([
  { label: 'the three seeded customers', syntheticAccounts: 0, accounts: 3 },
  { label: 'generated accounts too', syntheticAccounts: 40, accounts: 43 },
])('bill arithmetic of $label', ({ syntheticAccounts, accounts }) => {
  beforeAll(() => load({ syntheticAccounts }));
  afterAll(() => sandbox?.close());

  it('gives each account twelve monthly bills, the latest dated in the anchor month', () => {
    expect(Object.keys(PROVINCE)).toHaveLength(accounts);
    for (const account of Object.keys(PROVINCE)) {
      const own = billsOf(account);
      expect(own).toHaveLength(12);
      expect(own.at(-1).billDate.slice(0, 7)).toBe('2026-11');
      expect(own[0].billDate.slice(0, 7)).toBe('2025-12');
      expect(own.at(-1).state).toBe('sent');
      for (const bill of own) {
        expect(bill['@type']).toBe('EspaceCustomerBill');
        expect(bill['@baseType']).toBe('CustomerBill');
        expect(bill.category).toBe('normal');
        expect(bill.runType).toBe('onCycle');
        expect(Date.parse(bill.paymentDueDate) - Date.parse(bill.billDate)).toBe(21 * 86_400_000);
        expect(bill.billingPeriod.endDateTime < bill.billDate).toBe(true);
        expect(bill.billNo).toBe(`${bill.billDate.slice(0, 7)}-${account.slice(3)}`);
      }
    }
  });

  billRules();
});

describe('the seeded customers', () => {
  beforeAll(() => load({}));
  afterAll(() => sandbox?.close());

  it('gives Marie real changes between bills: a promotion that ends, a price change, add-ons and usage', () => {
    const own = billsOf(SEED_CREDENTIALS.marie.billingAccountId);
    const credits = own.map((b) => linesOf(b).filter((l) => l.appliedBillingRateType === 'appliedBillingCredit').length);
    expect(credits.slice(0, 6).every((n) => n === 1)).toBe(true);
    expect(credits.slice(6).every((n) => n === 0)).toBe(true);
    const mobile = own.map((b) => cents(linesOf(b).find((l) => l.name === 'Mobile 20 Go').taxExcludedAmount));
    expect(new Set(mobile)).toEqual(new Set([5000, 5500]));
    expect(mobile.at(-1)).toBe(5500);
    const types = new Set(lines.filter((l) => l.billingAccount.id === 'BA-1001').map((l) => l.appliedBillingRateType));
    expect(types).toEqual(new Set(['recurringCharge', 'appliedBillingCredit', 'oneTimeCharge', 'usageCharge']));
    const latest = linesOf(own.at(-1));
    const previous = linesOf(own.at(-2));
    expect(latest.map((l) => l.name)).not.toEqual(previous.map((l) => l.name));
    expect(latest.filter(is911)).toHaveLength(2);
    expect(latest.filter(is911).every((l) => cents(l.taxExcludedAmount) === 46)).toBe(true);
  });

  it('shows Luc overdue: partial and missed payments, late charges, a balance carried forward', async () => {
    const own = billsOf(SEED_CREDENTIALS.luc.billingAccountId);
    expect(own.some((b) => b.state === 'partiallyPaid')).toBe(true);
    expect(own.filter((b) => b.state !== 'settled').length).toBeGreaterThanOrEqual(3);
    const penalties = own.flatMap((b) => linesOf(b).filter(isPenalty));
    expect(penalties.length).toBeGreaterThanOrEqual(2);
    expect(own.some((b) => b.paymentReceived.length === 0)).toBe(true);
    const latest = own.at(-1);
    expect(cents(latest.amountDue)).toBeGreaterThan(cents(latest.taxIncludedAmount));
    // On the day of the anchor, the balance owed equals the latest amount due, and part of it is late.
    const at = new Date('2026-11-02T12:00:00Z');
    const s = await startTestSandbox({ seedAnchor: ANCHOR, now: () => at });
    try {
      const account = (await get(s.url, `${ACCOUNTS}/BA-3001`, s.tokens.luc)).body;
      const balance = (type: string) => cents(account.accountBalance.find((b: any) => b.balanceType === type).amount);
      expect(balance('currentBalance')).toBe(cents(latest.amountDue));
      expect(balance('overdueBalance')).toBe(sum(own.filter((b) => b.paymentDueDate < at.toISOString()).map((b) => cents(b.remainingAmount))));
      expect(balance('overdueBalance')).toBeGreaterThan(0);
      expect(account.paymentStatus).toBe('overdue');
      const marie = (await get(s.url, `${ACCOUNTS}/BA-1001`, s.tokens.marie)).body;
      expect(marie.paymentStatus).toBe('due');
    } finally {
      await s.close();
    }
  });

  it('has the same amounts whatever the anchor; only dates move', async () => {
    const other = await startTestSandbox({ seedAnchor: '2027-03-15' });
    try {
      const moved = (await get(other.url, `${BILLS}?limit=1000`, other.tokens.agent)).body;
      const amounts = (list: any[]) => list.map((b) => [b.billingAccount.id, b.taxIncludedAmount.value, b.amountDue.value, b.state]);
      expect(amounts(moved)).toEqual(amounts(bills));
      expect(moved[0].billDate.slice(0, 10)).toBe('2027-03-01');
    } finally {
      await other.close();
    }
  });
});
