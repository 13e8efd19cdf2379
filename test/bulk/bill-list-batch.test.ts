/**
 * Bulk `bill list` in batches, against a real sandbox behind the recording proxy: one request
 * reads the bills of a whole batch from a window of `--limit` monthly cycles, and every record
 * equals the one-at-a-time run's (the same scheme as bill show's, in batch.test.ts). An account
 * with fewer bills than the limit in the window is listed alone.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectOnlyOwnAccount, recordsByAccount, useBulkFixture } from './fixture.js';
import { accountsOf, lookupsPerAccount } from './proxy.js';
import { cliEnv } from '../helpers/env.js';

const generated = Array.from({ length: 80 }, (_, i) => `BA-${100001 + i}`);
/** Generated accounts, a seeded one, an unknown one and a duplicate. */
const LIST = [...generated.slice(0, 40), 'BA-1001', 'BA-999999', ...generated.slice(40), generated[3]!];
const LISTED = new Set(LIST).size;
const fixture = useBulkFixture(LIST, generated.length);

const listBills = (token: string, extra: string[] = []) =>
  runCli(['bill', 'list', '--accounts-from', fixture.list, '--ordered', '--concurrency', '4', ...extra], {
    env: cliEnv({ url: fixture.proxy.url, token, home: fixture.dir }),
  });

/** The same list, batched and one at a time, with the batched run's requests. */
async function bothWays(token: string, extra: string[] = []) {
  const batched = await listBills(token, extra);
  const batchedLog = [...fixture.proxy.log];
  const single = await listBills(token, [...extra, '--batch-size', '1']);
  return { batched, single, batchedLog, batches: batchedLog.filter((entry) => accountsOf(entry.url).length > 1).length };
}

describe('bill list in batches', () => {
  it('writes the very records of one-at-a-time lookups, in a fraction of the requests', async () => {
    const { batched, single, batchedLog, batches } = await bothWays(fixture.sandbox.tokens.agent);
    expect(batched.code).toBe(3);
    expect(recordsByAccount(batched.stdout)).toEqual(recordsByAccount(single.stdout));
    // 81 accounts over 4 workers: one request per batch. Every account listed has a bill a month,
    // so the default --limit 12 of them fall in the window: only the unknown account is then
    // looked up alone (its account: 404).
    expect(batches).toBe(4);
    const alone = [...lookupsPerAccount(batchedLog)].filter(([, count]) => count > 1).map(([account]) => account);
    expect(alone).toEqual(['BA-999999']);
  });

  it('keeps --limit and --state as one at a time does', async () => {
    for (const extra of [
      ['--limit', '3'],
      ['--state', 'settled'],
      ['--limit', '30'],
    ]) {
      const { batched, single } = await bothWays(fixture.sandbox.tokens.agent, extra);
      expect(recordsByAccount(batched.stdout), extra.join(' ')).toEqual(recordsByAccount(single.stdout));
    }
  });

  it('gives a customer their own bills and not-found records for the others, as one at a time does', async () => {
    const { batched, single } = await bothWays(fixture.sandbox.tokens.marie);
    expectOnlyOwnAccount(batched.stdout, single.stdout, 'BA-1001', LISTED);
  });

  it('goes one account at a time after a server ignores the date filter', async () => {
    // A server that drops `billDate.gte`: its answer holds older bills, which would be taken for
    // the latest of an account whose recent ones are fewer than the limit.
    fixture.proxy.setRewrite((path) => (accountsOf(path).length > 1 ? path.replace(/billDate\.gte=[^&]*&?/, '') : path));
    const { batched, single, batchedLog, batches } = await bothWays(fixture.sandbox.tokens.agent, ['--limit', '3']);
    expect(recordsByAccount(batched.stdout)).toEqual(recordsByAccount(single.stdout));
    expect(batches).toBeLessThanOrEqual(4);
    // Every batch's answer held older bills: each account was then listed alone.
    expect([...lookupsPerAccount(batchedLog).values()].every((count) => count === 2)).toBe(true);
  });
});
