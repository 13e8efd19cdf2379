/**
 * `bill explain` and `bill diff` in-process against a real sandbox: every consecutive pair of
 * seeded bills is explained to the cent (no "other" remainder), and the explanations name the
 * events the seed planted (src/sandbox/party/customers.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

type MoneyJson = { amount: number; currency: string; formatted: string };
type Change = { reason: string; section: string; item: string; before: MoneyJson | null; after: MoneyJson | null; effect: MoneyJson; explanation: string };
type DiffJson = {
  before: { id: string; totalDue: MoneyJson };
  after: { id: string; totalDue: MoneyJson };
  totalChange: MoneyJson;
  unexplained: MoneyJson;
  changes: Change[];
};
type BillSummary = { id: string; totalDue: MoneyJson };

let sandbox: TestSandbox;
type Who = 'marie' | 'james' | 'luc' | 'agent';
const env = (who: Who, lang = 'en') => cliEnv({ url: sandbox.url, token: sandbox.tokens[who], extra: { ESPACE_LANG: lang } });

beforeAll(async () => {
  sandbox = await startTestSandbox({ syntheticAccounts: 10 });
});
afterAll(async () => sandbox?.close());

async function json<T>(who: Who, argv: string[], lang = 'en'): Promise<T> {
  const result = await runCli(['--json', ...argv], { env: env(who, lang) });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** Oldest first: index k is the seed's month index. */
async function billsOf(who: Who, account: string): Promise<BillSummary[]> {
  const bills = await json<BillSummary[]>(who, ['bill', 'list', '--limit', '12', '--account', account]);
  expect(bills).toHaveLength(12);
  return bills.reverse();
}

/** Every pair explained to the cent; returns the explanation of each bill by its index. */
async function explainAll(who: Who, account: string, lang = 'en'): Promise<Map<number, DiffJson>> {
  const bills = await billsOf(who, account);
  const explained = new Map<number, DiffJson>();
  for (let k = 1; k < bills.length; k++) {
    const diff = await json<DiffJson>(who, ['bill', 'explain', bills[k]!.id, '--account', account], lang);
    expect(diff.before.id).toBe(bills[k - 1]!.id);
    expect(diff.after.id).toBe(bills[k]!.id);
    expect(diff.totalChange.amount).toBe(bills[k]!.totalDue.amount - bills[k - 1]!.totalDue.amount);
    expect(
      diff.changes.reduce((total, change) => total + change.effect.amount, 0),
      `${account} bill ${k}`,
    ).toBe(diff.totalChange.amount);
    expect(diff.unexplained.amount, `${account} bill ${k}`).toBe(0);
    expect(diff.changes.map((change) => change.reason)).not.toContain('other');
    for (const change of diff.changes) expect(change.explanation).not.toMatch(/\{\w+\}/);
    explained.set(k, diff);
  }
  return explained;
}

const reasons = (diff: DiffJson | undefined) => (diff?.changes ?? []).map((change) => change.reason);
const find = (diff: DiffJson | undefined, reason: string) => diff?.changes.find((change) => change.reason === reason);

describe('bill explain on every seeded pair', () => {
  it("Marie's: the add-on, the promotion's end, the price increase, the overages", async () => {
    const marie = await explainAll('marie', 'BA-1001');
    expect(find(marie.get(3), 'addOnAdded')).toMatchObject({ item: 'Super Écran', after: { amount: 1500 }, effect: { amount: 1500 } });
    expect(find(marie.get(6), 'promotionEnded')).toMatchObject({ item: 'Internet Giga promotion', effect: { amount: 1000 } });
    expect(reasons(marie.get(5))).not.toContain('promotionEnded');
    expect(find(marie.get(7), 'priceChanged')).toMatchObject({ item: 'Mobile 20 GB', before: { amount: 5000 }, after: { amount: 5500 } });
    expect(find(marie.get(6), 'usageAdded')?.item).toMatch(/Mobile data overage/);
    expect(reasons(marie.get(7))).toContain('usageRemoved');
    expect(reasons(marie.get(10))).toContain('usageAdded');
    expect(reasons(marie.get(4))).toContain('oneTimeAdded');
    expect(reasons(marie.get(3))).toContain('taxChanged');
    // Marie pays every bill in full until the last one, which she has not paid.
    expect(reasons(marie.get(11))).toContain('paymentsReceived');
    expect(find(marie.get(3), 'addOnAdded')?.explanation).toBe('New add-on Super Écran: $15.00 a month.');
  });

  it("James's: the roaming pass and the data overage", async () => {
    const james = await explainAll('james', 'BA-2001');
    expect(find(james.get(6), 'oneTimeAdded')?.item).toBe('US Roaming Pass – 5 days');
    expect(reasons(james.get(7))).toContain('oneTimeRemoved');
    expect(find(james.get(9), 'usageAdded')).toMatchObject({ item: 'Data overage – 1 GB', effect: { amount: 750 } });
    const hst = find(james.get(9), 'taxChanged');
    expect(hst?.item).toBe('HST');
    // 13 % of the $7.50 overage, give or take the rounding of the bill's tax.
    expect(hst?.effect.amount).toBeGreaterThanOrEqual(97);
    expect(hst?.effect.amount).toBeLessThanOrEqual(98);
  });

  it("Luc's: the pay-per-view event, the payments that fell short and the late fees", async () => {
    const luc = await explainAll('luc', 'BA-3001');
    expect(reasons(luc.get(8))).toContain('oneTimeAdded');
    expect(reasons(luc.get(8))).not.toContain('lateFeeAdded');
    expect(find(luc.get(9), 'lateFeeAdded')).toMatchObject({ item: 'Late payment fee', before: null });
    expect(reasons(luc.get(9))).toEqual(expect.arrayContaining(['previousBalance', 'paymentsReceived', 'oneTimeRemoved']));
    expect(reasons(luc.get(10))).toContain('lateFeeChanged');
  });

  it('generated accounts, overdue ones included (as an agent)', async () => {
    for (const account of ['BA-100001', 'BA-100004', 'BA-100010']) await explainAll('agent', account);
    const overdue = await explainAll('agent', 'BA-100010');
    expect(reasons(overdue.get(10))).toContain('lateFeeAdded');
  });

  it('speaks French', async () => {
    const bills = await billsOf('marie', 'BA-1001');
    const diff = await json<DiffJson>('marie', ['bill', 'explain', bills[6]!.id], 'fr');
    expect(find(diff, 'promotionEnded')?.explanation?.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Une promotion a pris fin : Promotion Internet Giga (un crédit de 10,00 $) ne s’applique plus.',
    );
  });
});

describe('bill explain and bill diff output', () => {
  it('explain prints sentences on a terminal, with the reconciliation', async () => {
    const result = await runCli(['bill', 'explain', 'latest'], { env: env('marie'), tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Bill 2\d{3}-\d{2}-1001 compared with bill 2\d{3}-\d{2}-1001/);
    expect(result.stdout).toContain('Total due:');
    expect(result.stdout).toMatch(/These changes account for the whole difference of [+-]?\$/);
  });

  it('explain prints one tab-separated change per line when piped', async () => {
    const result = await runCli(['bill', 'explain'], { env: env('luc') });
    expect(result.code).toBe(0);
    for (const line of result.stdout.trim().split('\n')) expect(line.split('\t')).toHaveLength(4);
  });

  it('diff of two named bills compares them in date order, whichever comes first', async () => {
    const bills = await billsOf('marie', 'BA-1001');
    const forward = await json<DiffJson>('marie', ['bill', 'diff', bills[2]!.id, bills[8]!.id]);
    const backward = await json<DiffJson>('marie', ['bill', 'diff', bills[8]!.id, bills[2]!.id]);
    expect(forward).toEqual(backward);
    expect(forward.before.id).toBe(bills[2]!.id);
    expect(forward.changes.reduce((total, change) => total + change.effect.amount, 0)).toBe(forward.totalChange.amount);
    expect(forward.unexplained.amount).toBe(0);
    expect(forward.changes.map((change) => change.reason)).toEqual(expect.arrayContaining(['addOnAdded', 'promotionEnded', 'priceChanged']));
  });

  it('diff renders a table on a terminal and tab-separated rows when piped', async () => {
    const table = await runCli(['bill', 'diff'], { env: env('james'), tty: true });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Section');
    expect(table.stdout).toContain('Change');
    const piped = await runCli(['bill', 'diff'], { env: env('james') });
    expect(piped.code).toBe(0);
    for (const line of piped.stdout.trim().split('\n')) expect(line.split('\t')).toHaveLength(5);
  });

  it('says so when nothing changed (a generated account billed the same every month)', async () => {
    const bills = await billsOf('agent', 'BA-100001');
    const result = await runCli(['bill', 'explain', bills[5]!.id, '--account', 'BA-100001'], { env: env('agent'), tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Total due: $');
    expect(result.stdout).toContain('($0.00)');
    expect(result.stdout).toContain('Nothing changed: the two bills have the same charges and the same total.');
    expect(result.stdout).not.toContain('account for the whole difference');
  });

  it('says clearly when there is nothing to compare', async () => {
    const bills = await billsOf('marie', 'BA-1001');
    const first = await runCli(['bill', 'explain', bills[0]!.id], { env: env('marie') });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('is the first bill of account BA-1001');
    const same = await runCli(['bill', 'diff', bills[3]!.id, bills[3]!.id], { env: env('marie') });
    expect(same.code).toBe(2);
    const james = (await billsOf('james', 'BA-2001'))[3]!.id;
    const foreign = await runCli(['bill', 'diff', bills[3]!.id, james], { env: env('agent') });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('belong to different accounts');
  });
});
