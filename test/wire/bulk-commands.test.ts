/**
 * Bulk mode of the read commands wired after the engine (payment list, plan show, usage show,
 * ticket list, profile show) against a real sandbox, as the agent: one record per account, the
 * unknown account a per-account failure, and each record's data exactly what the command's
 * single-account `--json` prints for that account.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

const KNOWN = ['BA-1001', 'BA-2001', 'BA-3001'];
const UNKNOWN = 'BA-9999';

let sandbox: TestSandbox;
let dir: string;
let list: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = await mkdtemp(join(tmpdir(), 'espace-wire-bulk-'));
  list = join(dir, 'accounts.txt');
  await writeFile(list, `# seeded accounts, and one that does not exist\n${[...KNOWN, UNKNOWN].join('\n')}\n`);
});
afterAll(async () => {
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => cliEnv({ url: sandbox.url, token: sandbox.tokens.agent, home: dir });

type BulkRecord = { account: string; ok: boolean; data?: unknown; error?: { code: string; status: number | null } };

/** The command words, any options it takes in both modes, and bulk-only ones. */
const COMMANDS: [string, string[], string[]][] = [
  // Two workers: batches of two accounts.
  ['bill show', [], ['--concurrency', '2']],
  ['payment list', ['--limit', '5'], []],
  ['plan show', [], []],
  ['usage show', [], []],
  ['ticket list', [], []],
  ['profile show', [], []],
];

describe.each(COMMANDS)('%s --accounts-from', (name, options, bulkOptions) => {
  it('writes one record per account, the unknown one failed, each equal to the single --json output', async () => {
    const words = name.split(' ');
    const bulk = await runCli([...words, ...options, ...bulkOptions, '--accounts-from', list, '--ordered'], { env: env() });
    expect(bulk.stderr).toContain('4 accounts: 3 ok, 1 failed');
    expect(bulk.code).toBe(3);
    const records = bulk.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as BulkRecord);
    expect(records.map((record) => [record.account, record.ok])).toEqual([...KNOWN.map((account) => [account, true]), [UNKNOWN, false]]);
    expect(records[3]!.error?.status).toBe(404);

    for (const record of records.slice(0, 3)) {
      const single = await runCli(['--json', ...words, ...options, '--account', record.account], { env: env() });
      expect(single.code, single.stderr).toBe(0);
      expect(record.data).toEqual(JSON.parse(single.stdout));
    }
  });
});

describe.each(COMMANDS)('%s --accounts-from --format csv', (name, options) => {
  it('fills every default data column for some account (the column paths exist)', async () => {
    const bulk = await runCli([...name.split(' '), ...options, '--accounts-from', list, '--ordered', '--format', 'csv'], { env: env() });
    expect(bulk.code).toBe(3);
    const [header, ...rows] = bulk.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    expect(header!.slice(0, 2)).toEqual(['account', 'ok']);
    expect(rows.map((row) => row[0])).toEqual([...KNOWN, UNKNOWN]);
    header!.forEach((column, index) => {
      if (column.startsWith('data.'))
        expect(
          rows.slice(0, 3).some((row) => row[index] !== ''),
          column,
        ).toBe(true);
    });
  });
});

it('gives a customer not-found records, not empty lists, for accounts that are not theirs', async () => {
  const customer = { ...env(), ESPACE_TOKEN: sandbox.tokens.marie };
  for (const words of [
    ['bill', 'show'],
    ['bill', 'list'],
    ['ticket', 'list'],
    ['payment', 'list'],
    ['usage', 'show'],
    ['profile', 'show'],
  ]) {
    const bulk = await runCli([...words, '--accounts-from', list, '--ordered'], { env: customer });
    const records = bulk.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as BulkRecord);
    expect(
      records.map((record) => [record.account, record.ok, record.error?.status ?? null]),
      words.join(' '),
    ).toEqual([
      ['BA-1001', true, null],
      ['BA-2001', false, 404],
      ['BA-3001', false, 404],
      [UNKNOWN, false, 404],
    ]);
  }
});

describe('bulk-only checks', () => {
  it('refuses options that name something of one account', async () => {
    const bill = await runCli(['payment', 'list', '--bill', 'CB-1001-202611', '--accounts-from', list], { env: env() });
    expect(bill.code).toBe(2);
    expect(bill.stderr).toContain('--bill names something that belongs to one account');
    const user = await runCli(['profile', 'show', '--user', 'IND-1001', '--accounts-from', list], { env: env() });
    expect(user.code).toBe(2);
    expect(user.stderr).toContain('--user names something');
  });

  it('shows each account holder in the profile records', async () => {
    const bulk = await runCli(
      ['profile', 'show', '--accounts-from', list, '--ordered', '--format', 'csv', '--fields', 'account,data.givenName,data.familyName'],
      {
        env: env(),
      },
    );
    expect(bulk.stdout.trim().split('\n').slice(1, 4)).toEqual(['BA-1001,Marie,Tremblay', 'BA-2001,James,Wilson', 'BA-3001,Luc,Gagnon']);
  });
});
