/**
 * `pay` shows what the account owes, not only the latest bill: Luc (seeded overdue) is shown his
 * whole balance, overdue bills first, and may pay everything (one payment per bill, each with its
 * own key and journal entry), choose one bill, or look first with `--dry-run` (nothing sent).
 * In-process against a real sandbox.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/prompt.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let home: string;
beforeEach(async () => {
  sandbox = await startTestSandbox();
  home = await mkdtemp(join(tmpdir(), 'espace-pay-balance-'));
});
afterEach(async () => {
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});
afterAll(() => undefined);

const env = () => cliEnv({ url: sandbox.url, token: sandbox.tokens.luc, home });
const luc = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { env: env(), ...options });

interface BillJson {
  id: string;
  state: string;
  remainingAmount: { amount: number } | null;
}
const owedBills = async () =>
  (JSON.parse((await luc(['bill', 'list', '--json'])).stdout) as BillJson[]).filter((bill) => (bill.remainingAmount?.amount ?? 0) > 0);
const onlinePayments = async () =>
  (JSON.parse((await luc(['payment', 'list', '--json'])).stdout) as { channel: string; correlatorId: string | null; bills: { bill: string }[] }[]).filter(
    (payment) => payment.channel === 'online',
  );

/** Luc's card on file is declined (the seed's 0002 card): a test card that is accepted, its id. */
async function acceptedCard(): Promise<string> {
  const added = await luc(['payment-method', 'add', '--json'], { stdin: '4242 4242 4242 4242\n12/31\n123\n' });
  expect(added.code, added.stderr).toBe(0);
  return JSON.parse(added.stdout).id as string;
}

describe('pay and the account balance', () => {
  it('shows the whole balance, overdue first, and offers --all when paying the latest bill alone', async () => {
    const result = await luc(['pay', '--method', 'PM-3001-1', '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Account BA-3001 owes \$354\.09 in all, \$228\.79 of it overdue:/);
    const lines = result.stderr.split('\n').filter((line) => /^ {2}CB-/.test(line));
    expect(lines.map((line) => line.trim().split(/\s+/)[0])).toEqual(['CB-3001-202610', 'CB-3001-202611', 'CB-3001-202612']);
    expect(lines.map((line) => line.includes('OVERDUE'))).toEqual([true, true, false]);
    expect(result.stderr).toMatch(/`espace pay --all` pays everything owed \(\$354\.09\)/);
    expect(result.stderr).toMatch(/About to charge \$125\.30 .* bill CB-3001-202612/);
  });

  it('--dry-run checks and shows every payment and sends none', async () => {
    const before = await owedBills();
    const result = await luc(['pay', '--all', '--method', 'PM-3001-1', '--dry-run', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan).toMatchObject({ dryRun: true, account: 'BA-3001' });
    expect(plan.payments.map((p: { bill: string; amount: { amount: number } }) => [p.bill, p.amount.amount])).toEqual([
      ['CB-3001-202610', 10301],
      ['CB-3001-202611', 12578],
      ['CB-3001-202612', 12530],
    ]);
    expect(result.stderr).toMatch(/Dry run: 3 payment\(s\) checked, nothing was charged or sent/);
    expect(await owedBills()).toEqual(before);
    expect(await onlinePayments()).toEqual([]);
    // Nothing journaled either: no payment was about to leave.
    expect(await readdir(join(home, 'data')).catch(() => [])).not.toContain('payment-journal');
  });

  it('--all pays every bill owed, overdue first, one payment (and key) per bill, and settles the account', async () => {
    const result = await luc(['pay', '--all', '--method', await acceptedCard(), '--yes', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const payments = JSON.parse(result.stdout) as { id: string; correlatorId: string; bills: { bill: string; amount: { amount: number } }[] }[];
    expect(payments.map((p) => p.bills.map((b) => [b.bill, b.amount.amount]))).toEqual([
      [['CB-3001-202610', 10301]],
      [['CB-3001-202611', 12578]],
      [['CB-3001-202612', 12530]],
    ]);
    expect(new Set(payments.map((p) => p.correlatorId)).size).toBe(3);
    expect(await owedBills()).toEqual([]);
    // Every journal entry was settled: nothing is left pending.
    const pending = await luc(['payment', 'reconcile', '--json']);
    expect(pending.code, pending.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(pending.stdout))).not.toMatch(/CB-3001/);
  });

  it('on a terminal, asks which bill, everything owed by default, and pays the one chosen', async () => {
    const prompt = scriptedPrompter(['CB-3001-202610', true]);
    const result = await luc(['pay', '--method', await acceptedCard()], { tty: true, prompt });
    expect(result.code, result.stderr).toBe(0);
    expect(prompt.asked[0]).toBe('Pay which bill?');
    expect(result.stdout).toMatch(/Paid \$103\.01 on bill CB-3001-202610/);
    expect((await owedBills()).map((bill) => bill.id).sort()).toEqual(['CB-3001-202611', 'CB-3001-202612']);
  });

  it('refuses --all with a bill or --amount before anything is read', async () => {
    for (const argv of [
      ['pay', '--all', '--amount', '5'],
      ['pay', 'CB-3001-202612', '--all'],
    ]) {
      const result = await luc([...argv, '--yes']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--all pays what remains on every bill/);
    }
    expect(await onlinePayments()).toEqual([]);
  });
});
