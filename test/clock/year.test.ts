/**
 * A year of sandbox time, as a user would live it: autopay on for Marie, a plan change for James,
 * an add-on for Marie, a declined autopay card for Luc (who pays late), then `espace sandbox clock
 * advance 1y`. Every new bill reconciles to the cent with `bill explain`, every autopay debit
 * happened once, Luc's bills carry late fees and his account says overdue.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

/** 7 December 2026, 15:00 UTC: the real clock the sandbox adds its offset to. */
const REAL = new Date('2026-12-07T15:00:00Z');
let sandbox: TestSandbox;

type Who = 'marie' | 'james' | 'luc' | 'agent';
const env = (who: Who) => ({ ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens[who], ESPACE_CONFIG_DIR: '/nonexistent/espace-test' });
const cli = (who: Who, argv: string[]) => runCli(argv, { env: env(who) });
async function json(who: Who, argv: string[]): Promise<any> {
  const result = await cli(who, [...argv, '--json']);
  expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout);
}
const sandboxCli = (argv: string[]) => runCli(['sandbox', ...argv, '--data', sandbox.dataDir], { env: { ESPACE_CONFIG_DIR: '/nonexistent/espace-test' } });

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAnchor: '2026-12-01', now: () => REAL, clockTickMs: 0 });
  // What `espace sandbox start` would have written: lets `espace sandbox clock --data DIR` find it.
  writeFileSync(join(sandbox.dataDir, 'sandbox.json'), JSON.stringify({ pid: process.pid, url: sandbox.url, port: sandbox.port }));

  const on = await cli('marie', ['autopay', 'enable', '--method', 'PM-1001-1', '--accept-terms']);
  expect(on.code, on.stderr).toBe(0);
  const changed = await cli('james', ['plan', 'change', '--service', 'mobile', '--to', 'OFF-MOB-20', '--accept-terms', '--yes']);
  expect(changed.code, changed.stderr).toBe(0);
  const added = await cli('marie', ['addon', 'add', 'OFF-ADD-WIFI', '--accept-terms', '--yes']);
  expect(added.code, added.stderr).toBe(0);
  expect((await cli('luc', ['autopay', 'enable', '--method', 'PM-3001-1', '--accept-terms'])).code).toBe(0);

  const advanced = await sandboxCli(['clock', 'advance', '1y', '--json']);
  expect(advanced.code, advanced.stderr).toBe(0);
}, 300_000);
afterAll(async () => {
  await sandbox?.close();
});

const CUSTOMERS = [
  ['marie', 'BA-1001'],
  ['james', 'BA-2001'],
  ['luc', 'BA-3001'],
] as const;

describe('a year of sandbox time', () => {
  it('moved the clock a year, and says so', async () => {
    const shown = await sandboxCli(['clock', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).now.slice(0, 10)).toBe('2027-12-07');
  });

  it.each(CUSTOMERS)(
    'issued twelve bills for %s, each reconciling to the cent with bill explain',
    async (who, account) => {
      const bills: any[] = await json(who, ['bill', 'list', '--limit', '100']);
      const issued = bills.filter((b) => b.billDate > '2026-12-07');
      expect(issued.map((b) => b.billDate.slice(0, 10)).sort()).toEqual(
        Array.from({ length: 12 }, (_, i) => `${2027 + Math.floor((i + 0) / 12)}-${String(i + 1).padStart(2, '0')}-01`),
      );
      for (const bill of issued) {
        expect(bill.id).toMatch(new RegExp(`^CB-${account.slice(3)}-2027\\d\\d$`));
        const explained = await json(who, ['bill', 'explain', bill.id]);
        expect(explained.after.id).toBe(bill.id);
        expect(explained.unexplained.amount, `${bill.id} unexplained`).toBe(0);
      }
    },
    300_000,
  );
});

describe('autopay, late payment and changes over the year', () => {
  it('debited Marie once on each due date, from her default card, and settled those bills', async () => {
    const payments: any[] = await json('marie', ['payment', 'list', '--limit', '100']);
    const debits = payments.filter((p) => p.date > '2026-12-07');
    expect(debits.every((p) => p.channel === 'preAuthorized' && p.method?.id === 'PM-1001-1' && p.status === 'succeeded')).toBe(true);
    // Due dates from the seeded December bill to November's; December 2027's is still ahead.
    const expected = ['2026-12-22', ...Array.from({ length: 11 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}-22`)];
    expect(debits.map((p) => p.date.slice(0, 10)).sort()).toEqual(expected);
    expect(new Set(debits.map((p) => p.correlatorId)).size).toBe(debits.length);
    const bills: any[] = await json('marie', ['bill', 'list', '--limit', '100']);
    for (const bill of bills.filter((b) => b.billDate >= '2026-12-01' && b.billDate < '2027-12-01')) {
      expect([bill.id, bill.state, bill.remainingAmount.amount]).toEqual([bill.id, 'settled', 0]);
      // What was debited for a bill is what it asked for: the seeded one carried an unpaid balance.
      const debit = debits.find((p) => p.correlatorId === `autopay:${bill.id}`);
      expect(debit.amount.amount).toBe(bill.totalDue.amount);
    }
    const status = await json('marie', ['autopay', 'status']);
    expect(status.lastDebit).toMatchObject({ outcome: 'paid', billId: 'CB-1001-202711', date: '2027-11-22T12:00:00.000Z' });
  });

  it('charged the add-on Marie took: prorated on the next bill, monthly after', async () => {
    const january = await json('marie', ['bill', 'show', 'CB-1001-202701']);
    const wifi = (bill: any) => bill.sections.addOns.lines.filter((l: any) => l.product?.id === 'PRD-1001-WIFI').map((l: any) => [l.kind, l.amount.amount]);
    // 5.00 a month, 25 of 31 days of December: 4.03.
    expect(wifi(january)).toEqual([['proration', 403]]);
    expect(wifi(await json('marie', ['bill', 'show', 'CB-1001-202702']))).toEqual([['recurring', 500]]);
  });

  it('prorated James’s plan change on the next bill, then charged the new plan', async () => {
    const january = await json('james', ['bill', 'show', 'CB-2001-202701']);
    const mobile = (bill: any) =>
      bill.sections.serviceCharges.lines.filter((l: any) => l.product?.id === 'PRD-2001-MOB').map((l: any) => [l.kind, l.amount.amount]);
    expect(mobile(january)).toEqual([
      ['recurring', 5000],
      ['proration', -4032],
      ['proration', 4435],
    ]);
    expect(mobile(await json('james', ['bill', 'show', 'CB-2001-202702']))).toEqual([['recurring', 5500]]);
  });

  it('declined Luc’s card each due date, saying why, left his bills due with late fees, and says overdue', async () => {
    const status = await json('luc', ['autopay', 'status']);
    expect(status.lastDebit).toMatchObject({ outcome: 'declined', billId: 'CB-3001-202711', reason: 'the issuer declined Visa •••• 0002' });
    const text = await cli('luc', ['autopay', 'status']);
    expect(text.stdout).toContain('the issuer declined Visa •••• 0002');
    const payments: any[] = await json('luc', ['payment', 'list', '--limit', '100']);
    expect(payments.filter((p) => p.date > '2026-12-07')).toEqual([]);
    const bills: any[] = await json('luc', ['bill', 'list', '--limit', '100']);
    const issued = bills.filter((b) => b.billDate > '2026-12-07');
    expect(issued.every((b) => b.state === 'sent' && b.remainingAmount.amount === b.currentCharges.amount)).toBe(true);
    for (const bill of issued) {
      const shown = await json('luc', ['bill', 'show', bill.id]);
      const previous = bills.find((b) => b.billDate.slice(0, 7) === previousMonth(bill.billDate));
      const fee = shown.sections.taxesAndFees.fees.filter((l: any) => l.kind === 'penalty');
      // 2 % of the previous bill's unpaid amount due, rounded half-up to the cent.
      expect(
        fee.map((l: any) => l.amount.amount),
        bill.id,
      ).toEqual([Math.round((previous.totalDue.amount * 2) / 100)]);
    }
    const log = await sandboxCli(['clock', 'log', '--account', 'BA-3001', '--json']);
    const autopay = JSON.parse(log.stdout).filter((e: any) => e.kind === 'autopay');
    expect(autopay.map((e: any) => e.outcome)).toEqual(Array(12).fill('declined'));
    expect(autopay.every((e: any) => e.detail === 'the issuer declined Visa •••• 0002')).toBe(true);
    const account = await json('luc', ['account', 'show']);
    expect(account.paymentStatus).toBe('overdue');
  });
});

function previousMonth(billDate: string): string {
  const [year, month] = billDate.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
