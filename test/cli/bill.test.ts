/**
 * `bill list` and `bill show` end to end, in-process, against a real sandbox over HTTP: every
 * seeded bill must add up to the cent, with taxes on the right base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox } from '../helpers/sandbox.js';
import { passwordToken } from '../helpers/tokens.js';
import { cliEnv } from '../helpers/env.js';

type MoneyJson = { amount: number; currency: string; formatted: string };
type Line = { name: string; kind: string; amount: MoneyJson };
type BillJson = {
  id: string;
  number: string;
  account: string;
  state: string;
  totalDue: MoneyJson;
  currentCharges: MoneyJson;
  taxExcludedAmount: MoneyJson;
  discrepancy: MoneyJson;
  sections: {
    serviceCharges: { lines: Line[]; subtotal: MoneyJson };
    addOns: { lines: Line[]; subtotal: MoneyJson };
    taxesAndFees: { taxes: Array<{ category: string; rate: number; amount: MoneyJson }>; fees: Line[]; subtotal: MoneyJson };
    previousBalanceAndPayments: { previousBalance: MoneyJson | null; payments: Array<{ amount: MoneyJson }>; balanceForward: MoneyJson };
    currentChargesAndTotalDue: { currentCharges: MoneyJson; totalDue: MoneyJson };
  };
};

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
const tokens: Record<string, string> = {};
const env = (who: string) => cliEnv({ url: sandbox.url, token: tokens[who] });

const customers = [
  { who: 'marie', account: 'BA-1001', province: 'QC' },
  { who: 'james', account: 'BA-2001', province: 'ON' },
  { who: 'luc', account: 'BA-3001', province: 'QC' },
] as const;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const users = SEED_CREDENTIALS as unknown as Record<string, { username: string; password: string }>;
  for (const [who, username] of [
    ['marie', 'marie.tremblay'],
    ['james', 'james.wilson'],
    ['luc', 'luc.gagnon'],
    ['agent', 'agent.roy'],
  ] as const) {
    const seed = Object.values(users).find((user) => user?.username === username);
    if (!seed) throw new Error(`no seed credentials for ${username}`);
    tokens[who] = (await passwordToken(sandbox.url, seed.username, seed.password)).access_token;
  }
});
afterAll(async () => sandbox?.close());

const sum = (items: Array<{ amount: MoneyJson }>) => items.reduce((total, item) => total + item.amount.amount, 0);

/** Round half up to the cent, in integer arithmetic on a base in cents and a rate in 1/100000. */
const taxOn = (baseCents: number, rate: number) => {
  const scaled = baseCents * Math.round(rate * 100_000);
  return Math.floor((scaled + 50_000) / 100_000);
};

describe.each(customers)('bills of $who ($account, $province)', ({ who, account, province }) => {
  it('lists twelve bills, most recent first', async () => {
    const result = await runCli(['bill', 'list', '--json'], { env: env(who) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const bills = JSON.parse(result.stdout) as Array<{ id: string; billDate: string; account: string }>;
    expect(bills).toHaveLength(12);
    expect(bills.every((bill) => bill.account === account)).toBe(true);
    expect(bills.map((bill) => bill.billDate)).toEqual([...bills.map((bill) => bill.billDate)].sort().reverse());
  });

  it('shows every bill with five sections that add up to the total due, taxes on the right base', async () => {
    const list = JSON.parse((await runCli(['bill', 'list', '--json', '--limit', '12'], { env: env(who) })).stdout) as Array<{ id: string }>;
    for (const { id } of list) {
      const result = await runCli(['bill', 'show', id, '--json'], { env: env(who) });
      expect(result.code, result.stderr).toBe(0);
      const bill = JSON.parse(result.stdout) as BillJson;
      const { serviceCharges, addOns, taxesAndFees, previousBalanceAndPayments, currentChargesAndTotalDue } = bill.sections;

      const lines = serviceCharges.subtotal.amount + addOns.subtotal.amount + sum(taxesAndFees.fees);
      const taxes = sum(taxesAndFees.taxes);
      expect(lines, `${id} lines = tax-excluded amount`).toBe(bill.taxExcludedAmount.amount);
      expect(lines + taxes, `${id} current charges`).toBe(currentChargesAndTotalDue.currentCharges.amount);
      expect(previousBalanceAndPayments.previousBalance, `${id} carries the previous balance`).not.toBeNull();
      const forward = previousBalanceAndPayments.previousBalance!.amount - sum(previousBalanceAndPayments.payments);
      expect(forward).toBe(previousBalanceAndPayments.balanceForward.amount);
      expect(lines + taxes + forward, `${id} total due`).toBe(bill.totalDue.amount);
      expect(bill.discrepancy.amount).toBe(0);

      const categories = taxesAndFees.taxes.map((tax) => tax.category).sort();
      if (province === 'QC') {
        expect(categories).toEqual(['GST', 'QST']);
        // Quebec: the 9-1-1 municipal tax and late-payment charges are not taxable.
        const base = serviceCharges.subtotal.amount + addOns.subtotal.amount;
        const gst = taxesAndFees.taxes.find((tax) => tax.category === 'GST')!;
        const qst = taxesAndFees.taxes.find((tax) => tax.category === 'QST')!;
        expect(gst.rate).toBe(0.05);
        expect(qst.rate).toBe(0.09975);
        expect(gst.amount.amount, `${id} GST`).toBe(taxOn(base, 0.05));
        expect(qst.amount.amount, `${id} QST (not compounded on GST)`).toBe(taxOn(base, 0.09975));
      } else {
        expect(categories).toEqual(['HST']);
        // Ontario: the carrier's 9-1-1 fee is subject to HST.
        const base = serviceCharges.subtotal.amount + addOns.subtotal.amount + sum(taxesAndFees.fees.filter((fee) => fee.kind !== 'penalty'));
        expect(taxesAndFees.taxes[0]!.amount.amount, `${id} HST`).toBe(taxOn(base, 0.13));
      }
    }
  });
});

describe('bill show', () => {
  it('shows the latest bill by default, with the five section titles, as tab-separated lines when piped', async () => {
    const result = await runCli(['bill', 'show'], { env: env('marie') });
    expect(result.code, result.stderr).toBe(0);
    const sections = new Set(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[0]),
    );
    expect([...sections]).toEqual([
      'Service charges',
      'Add-ons and features',
      'Taxes and fees',
      'Previous balance and payments',
      'Current charges and total due',
    ]);
    for (const line of result.stdout.trim().split('\n')) expect(line).toMatch(/^[^\t]+\t[^\t]+\t-?\d+\.\d\d$/);
  });

  it('speaks French and formats money the French-Canadian way', async () => {
    const result = await runCli(['--lang', 'fr', 'bill', 'show'], { env: env('marie'), tty: true });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Frais de services');
    expect(result.stdout).toContain('Total à payer');
    expect(result.stdout).toMatch(/\d+,\d\d\s\$/);
    expect(result.stdout).not.toMatch(/\$\d/);
  });

  it('answers 404 and exit code 1 when a customer asks for another customer’s bill', async () => {
    const others = JSON.parse((await runCli(['bill', 'list', '--json'], { env: env('james') })).stdout) as Array<{ id: string }>;
    const result = await runCli(['bill', 'show', others[0]!.id, '--json'], { env: env('marie') });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `No CustomerBill with id ${others[0]!.id}, or not visible to this account (GET /tmf-api/customerBillManagement/v4/customerBill/${others[0]!.id}: HTTP 404)`,
    );
  });

  it('says "not found" for the latest bill of an account that does not exist or is not visible, not "no bill yet"', async () => {
    for (const [who, account] of [
      ['agent', 'BA-999999'],
      ['marie', 'BA-2001'],
    ] as const) {
      const result = await runCli(['bill', 'show', '--account', account], { env: env(who) });
      expect(result.code, `${who} ${account}`).toBe(1);
      expect(result.stderr, `${who} ${account}`).toMatch(/(No \w+ with id \S+|nothing at GET \S+ on this server), or not visible to this account/);
      expect(result.stderr).not.toMatch(/no bill yet/);
    }
  });

  it('refuses another customer’s account in a list, without revealing it', async () => {
    const result = await runCli(['bill', 'list', '--account', 'BA-2001'], { env: env('marie') });
    expect(result.stdout).toBe('');
    expect([0, 1]).toContain(result.code);
    if (result.code === 0) expect(result.stderr).toMatch(/No bills/);
  });

  it('lets an agent read any account, and asks which one', async () => {
    const ambiguous = await runCli(['bill', 'list'], { env: env('agent') });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/--account/);
    const result = await runCli(['bill', 'show', '--account', 'BA-2001', '--json'], { env: env('agent') });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as BillJson).account).toBe('BA-2001');
  });

  it('says what to do when not logged in', async () => {
    const result = await runCli(['bill', 'list'], { env: cliEnv({ url: sandbox.url }), vault: emptyVault() });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/not logged in/);
    expect(result.stderr).toMatch(/espace auth login/);
  });
});

function emptyVault() {
  return {
    load: async () => undefined,
    save: async () => 'memory' as const,
    remove: async () => false,
  };
}
