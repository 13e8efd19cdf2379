/**
 * What the bulk tests share: a sandbox holding generated accounts, behind the recording proxy,
 * and a temporary directory with a list of accounts in it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { startProxy, type Proxy } from './proxy.js';

export interface BulkFixture {
  sandbox: TestSandbox;
  proxy: Proxy;
  dir: string;
  /** `accounts`, one per line. */
  list: string;
  close(): Promise<void>;
}

export async function startBulkFixture(accounts: readonly string[], syntheticAccounts = accounts.length): Promise<BulkFixture> {
  const sandbox = await startTestSandbox({ syntheticAccounts });
  const proxy = await startProxy(sandbox.url);
  const dir = await mkdtemp(join(tmpdir(), 'espace-bulk-'));
  const list = join(dir, 'accounts.txt');
  await writeFile(list, `${accounts.join('\n')}\n`);
  return {
    sandbox,
    proxy,
    dir,
    list,
    close: async () => {
      await proxy.close();
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The fixture of a test file: started before its tests and closed after them, with the proxy's log
 * emptied (and its faults and rewrites undone) before each test. Its fields are set once started.
 */
export function useBulkFixture(accounts: readonly string[], syntheticAccounts = accounts.length): BulkFixture {
  const fixture = {} as BulkFixture;
  beforeAll(async () => {
    Object.assign(fixture, await startBulkFixture(accounts, syntheticAccounts));
  });
  afterAll(() => fixture.close?.());
  beforeEach(() => fixture.proxy.reset());
  return fixture;
}

/** Records by account, as written, with the request ids (new at every request) blanked out. */
export function recordsByAccount(stdout: string): Map<string, string> {
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => line.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<request id>'));
  return new Map(lines.map((line) => [(JSON.parse(line) as { account: string }).account, line]));
}

/**
 * A customer's batched run over the list writes what their one-at-a-time run writes: data for
 * `own`, their account, and a not-found record (HTTP 404) for every other account listed.
 */
export function expectOnlyOwnAccount(batchedStdout: string, singleStdout: string, own: string, listed: number): void {
  const batched = recordsByAccount(batchedStdout);
  expect(batched).toEqual(recordsByAccount(singleStdout));
  const records = [...batched.values()].map((line) => JSON.parse(line) as { account: string; ok: boolean; error?: { status: number | null } });
  expect(records.filter((record) => record.ok).map((record) => record.account)).toEqual([own]);
  expect(records.filter((record) => !record.ok && record.error?.status === 404)).toHaveLength(listed - 1);
}
