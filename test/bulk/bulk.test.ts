/**
 * Bulk runs end to end, in-process, against a real sandbox holding 300 generated accounts, behind
 * a proxy that logs every request: each account appears exactly once, failures are per account,
 * shards split the list, a customer reads only their own account.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_HEADER } from '../../src/bulk/journal.js';
import { runCli } from '../helpers/cli.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { startBulkFixture } from './fixture.js';
import { lookupsPerAccount, type Proxy } from './proxy.js';
import { cliEnv } from '../helpers/env.js';

const SYNTHETIC = 300;
const generated = Array.from({ length: SYNTHETIC }, (_, i) => `BA-${100001 + i}`);
let sandbox: TestSandbox;
let proxy: Proxy;
let dir: string;

type Record = { account: string; ok: boolean; data?: any; error?: { code: string; message: string; status: number | null; requestId: string | null } };

let close: () => Promise<void>;

beforeAll(async () => ({ sandbox, proxy, dir, close } = await startBulkFixture(generated)));
afterAll(() => close?.());
beforeEach(() => proxy.reset());

const env = (token: string) => cliEnv({ url: proxy.url, token, home: dir });
const records = (stdout: string): Record[] =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record);

async function listFile(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

describe('bill show --accounts-from', () => {
  it('looks every account up exactly once and writes one record each', async () => {
    const file = await listFile('all.txt', ['# generated accounts', ...generated, '', generated[0]!, generated[7]!]);
    const result = await runCli(['bill', 'show', '--accounts-from', file, '--concurrency', '8'], { env: env(sandbox.tokens.agent) });
    expect(result.stderr).toContain(`${SYNTHETIC} accounts: ${SYNTHETIC} ok, 0 failed`);
    expect(result.code).toBe(0);
    const out = records(result.stdout);
    expect(out.map((record) => record.account).sort()).toEqual([...generated].sort());
    for (const record of out) {
      expect(record.ok).toBe(true);
      expect(record.data.account).toBe(record.account);
      expect(record.data.totalDue.currency).toBe('CAD');
    }
    const lookups = lookupsPerAccount(proxy.log);
    expect(lookups.size).toBe(SYNTHETIC);
    expect([...lookups.values()].every((count) => count === 1)).toBe(true);
  });

  it('reports failures per account and exits with the partial code', async () => {
    const file = await listFile('mixed.txt', ['BA-100001', 'BA-999999', 'BA-100002']);
    const result = await runCli(['bill', 'show', '--accounts-from', file, '--ordered'], { env: env(sandbox.tokens.agent) });
    expect(result.code).toBe(3);
    const out = records(result.stdout);
    expect(out.map((record) => [record.account, record.ok])).toEqual([
      ['BA-100001', true],
      ['BA-999999', false],
      ['BA-100002', true],
    ]);
    expect(out[1]!.error).toMatchObject({ code: 'notFound', status: 404 });
    expect(result.stderr).toContain('1 of 3 accounts failed');
  });

  it('gives a customer not-found records for accounts that are not theirs', async () => {
    const file = await listFile('customer.txt', ['BA-1001', 'BA-2001', 'BA-100003']);
    const result = await runCli(['account', 'show', '--accounts-from', file, '--ordered'], { env: env(sandbox.tokens.marie) });
    expect(result.code).toBe(3);
    const out = records(result.stdout);
    expect(out[0]).toMatchObject({ account: 'BA-1001', ok: true, data: { holder: 'Marie Tremblay' } });
    for (const other of out.slice(1)) {
      expect(other.ok).toBe(false);
      expect(other.error?.status).toBe(404);
      expect(other.data).toBeUndefined();
    }
  });

  it('splits a list into shards that together cover it once', async () => {
    const file = await listFile('shards.txt', generated.slice(0, 60));
    const seen: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const result = await runCli(['bill', 'list', '--limit', '1', '--accounts-from', file, '--shard', shard], { env: env(sandbox.tokens.ci) });
      expect(result.code).toBe(0);
      const out = records(result.stdout);
      expect(out.length).toBeLessThan(60);
      seen.push(...out.map((record) => record.account));
    }
    expect(seen.sort()).toEqual(generated.slice(0, 60).sort());
  });

  it('writes CSV with the chosen columns', async () => {
    const file = await listFile('csv-input.csv', ['ticket,account', '1,BA-100010', '2,BA-100011', '3,BA-404']);
    const result = await runCli(
      ['bill', 'show', '--accounts-from', file, '--ordered', '--format', 'csv', '--fields', 'account,ok,data.totalDue.amount,error.code'],
      { env: env(sandbox.tokens.ci) },
    );
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('account,ok,data.totalDue.amount,error.code');
    expect(lines[1]).toMatch(/^BA-100010,true,\d+,$/);
    expect(lines[2]).toMatch(/^BA-100011,true,\d+,$/);
    expect(lines[3]).toBe('BA-404,false,,notFound');
  });

  it('reads the list from stdin and rejects flags that need one', async () => {
    const result = await runCli(['account', 'show', '--accounts-from', '-'], { env: env(sandbox.tokens.agent), stdin: 'BA-100020\nBA-100021\n' });
    expect(result.code).toBe(0);
    expect(
      records(result.stdout)
        .map((record) => record.data.account)
        .sort(),
    ).toEqual(['BA-100020', 'BA-100021']);
    const stray = await runCli(['bill', 'show', '--resume'], { env: env(sandbox.tokens.agent) });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--resume applies to bulk runs only');
  });

  it('stops at once when the session itself is refused', async () => {
    const file = await listFile('refused.txt', generated.slice(0, 50));
    const result = await runCli(['bill', 'show', '--accounts-from', file], { env: env('esp_at_not-a-real-token') });
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(proxy.log.length).toBeLessThanOrEqual(16 * 2);
  });

  it('resumes from the journal without looking anything up twice', async () => {
    const file = await listFile('resume.txt', generated.slice(0, 40));
    const journal = join(dir, 'resume.journal');
    // A journal as an interrupted run leaves it: 25 accounts done, the last line cut short.
    await writeFile(journal, `${JOURNAL_HEADER}${generated.slice(0, 25).join('\n')}\nBA-1000`);
    const result = await runCli(['bill', 'show', '--accounts-from', file, '--journal', journal, '--resume'], { env: env(sandbox.tokens.agent) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('25 accounts already done, 15 to go');
    expect(
      records(result.stdout)
        .map((record) => record.account)
        .sort(),
    ).toEqual(generated.slice(25, 40).sort());
    expect([...lookupsPerAccount(proxy.log).keys()].sort()).toEqual(generated.slice(25, 40).sort());
    const lines = (await readFile(journal, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(JOURNAL_HEADER.trim());
    expect(lines.slice(1).sort()).toEqual(generated.slice(0, 40).sort());
  });
});

describe('account show', () => {
  it('sums an account up on one line, and in JSON', async () => {
    const line = await runCli(['account', 'show'], { env: env(sandbox.tokens.marie) });
    expect(line.code).toBe(0);
    expect(line.stdout.trim().split('\n')).toHaveLength(1);
    expect(line.stdout).toMatch(/^BA-1001\tMarie Tremblay\t.*Internet/);
    const json = await runCli(['--json', 'account', 'show', '--account', 'BA-100004'], { env: env(sandbox.tokens.agent) });
    expect(JSON.parse(json.stdout)).toMatchObject({ account: 'BA-100004', lastBill: { id: expect.stringMatching(/^CB-100004-\d{6}$/) } });
  });
});

it('draws no progress line when stderr is not a terminal', async () => {
  const file = await listFile('quiet.txt', generated.slice(0, 5));
  const result = await runCli(['bill', 'list', '--accounts-from', file], { env: env(sandbox.tokens.agent) });
  expect(result.code).toBe(0);
  expect(result.stderr).not.toContain('\r');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
});

it('draws its progress line on a terminal, and none in the plain layout a screen reader follows', async () => {
  const file = await listFile('plain.txt', generated.slice(0, 5));
  const drawn = await runCli(['bill', 'list', '--accounts-from', file], { env: env(sandbox.tokens.agent), tty: true });
  expect(drawn.code).toBe(0);
  expect(drawn.stderr).toContain('\r');
  const plain = await runCli(['--plain', 'bill', 'list', '--accounts-from', file], { env: env(sandbox.tokens.agent), tty: true });
  expect(plain.code).toBe(0);
  expect(plain.stderr).not.toContain('\r');
  expect(plain.stderr).not.toMatch(/[\u2580-\u259f]/);
});
