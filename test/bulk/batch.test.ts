/**
 * Bulk `bill show` in batches (TMF630 multi-value filters), against a real sandbox behind the
 * recording proxy: batching changes how many requests a run makes, never a record. Every record
 * equals the one-at-a-time run's; accounts a batch leaves out (unknown, not the caller's, no
 * recent bill) are looked up alone, as are those of a batch the server failed; a server that
 * refuses or ignores the batch's filters gets one batch, then one account at a time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectOnlyOwnAccount, recordsByAccount, useBulkFixture } from './fixture.js';
import { accountsOf, lookupsPerAccount, type LoggedRequest } from './proxy.js';
import { cliEnv } from '../helpers/env.js';

const generated = Array.from({ length: 120 }, (_, i) => `BA-${100001 + i}`);
/** Generated accounts, a seeded one, an unknown one and a duplicate, in one list. */
const LIST = [...generated.slice(0, 60), 'BA-1001', 'BA-999999', ...generated.slice(60), generated[3]!];
const LISTED = new Set(LIST).size;
const fixture = useBulkFixture(LIST, generated.length);

const showBills = (token: string, extra: string[] = [], clock?: () => Date) =>
  runCli(['bill', 'show', '--accounts-from', fixture.list, '--ordered', '--concurrency', '4', ...extra], {
    env: cliEnv({ url: fixture.proxy.url, token, home: fixture.dir }),
    ...(clock ? { clock } : {}),
  });

/** The bill-list requests that named several accounts: the batches. */
const batchRequests = (log: readonly LoggedRequest[]) => log.filter((entry) => entry.injected === undefined && accountsOf(entry.url).length > 1);

let oneAtATime: Map<string, string>;

describe('bill show in batches', () => {
  beforeAll(async () => {
    const single = await showBills(fixture.sandbox.tokens.agent, ['--batch-size', '1']);
    expect(single.code).toBe(3);
    oneAtATime = recordsByAccount(single.stdout);
    expect(oneAtATime.size).toBe(LISTED);
    fixture.proxy.log.length = 0;
  });

  it('writes the very records of one-at-a-time lookups, in a fraction of the requests', async () => {
    const batched = await showBills(fixture.sandbox.tokens.agent);
    expect(batched.code).toBe(3);
    expect(batched.stdout.trim().split('\n')).toHaveLength(LISTED);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    // 122 accounts over 4 workers: batches of 31, two requests each; the unknown account is then
    // looked up alone: its bill list (empty), and the account itself (404).
    const batches = batchRequests(fixture.proxy.log);
    expect(batches).toHaveLength(4);
    expect(fixture.proxy.log.length).toBe(4 * 2 + 2);
    expect(lookupsPerAccount(fixture.proxy.log).get('BA-999999')).toBe(2);
    expect(batched.stderr).toContain(`${LISTED} accounts: ${LISTED - 1} ok, 1 failed`);
  });

  it('gives a customer their own bill and not-found records for the others, as one at a time does', async () => {
    const batched = await showBills(fixture.sandbox.tokens.marie);
    const single = await showBills(fixture.sandbox.tokens.marie, ['--batch-size', '1']);
    expectOnlyOwnAccount(batched.stdout, single.stdout, 'BA-1001', LISTED);
  });

  it('looks up alone the accounts whose latest bill is older than the batch window', async () => {
    // Three months from now: no account has a bill in the last 35 days.
    const later = () => new Date(Date.now() + 90 * 86_400_000);
    const batched = await showBills(fixture.sandbox.tokens.agent, [], later);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    expect(batchRequests(fixture.proxy.log)).toHaveLength(4);
    expect([...lookupsPerAccount(fixture.proxy.log).values()].every((count) => count === 2)).toBe(true);
  });

  it("looks a batch's accounts up one by one when the batch fails for the server's own reasons", async () => {
    // The first batch (the one naming the list's first account) always answers 503.
    fixture.proxy.setFault((request) => {
      const named = accountsOf(request.url ?? '');
      return named.length > 1 && named[0] === LIST[0] ? { status: 503 } : undefined;
    });
    const batched = await showBills(fixture.sandbox.tokens.agent);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    // Five attempts (the first and four retries) at that batch, then its accounts one by one;
    // the other three batches as usual.
    expect(fixture.proxy.log.filter((entry) => entry.injected === 503)).toHaveLength(5);
    expect(batchRequests(fixture.proxy.log)).toHaveLength(3);
    const lookups = lookupsPerAccount(fixture.proxy.log);
    expect([...lookups].filter(([account, count]) => count !== (account === 'BA-999999' ? 2 : 1))).toEqual([]);
  }, 300_000);

  it('goes one account at a time after a server refuses the batch filters', async () => {
    fixture.proxy.setFault((request) => (accountsOf(request.url ?? '').length > 1 ? { status: 400 } : undefined));
    const batched = await showBills(fixture.sandbox.tokens.agent);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    // The first batch of each worker was in flight before any was refused; none after.
    expect(fixture.proxy.log.filter((entry) => entry.injected === 400).length).toBeLessThanOrEqual(4);
  });

  it('goes one account at a time after a server ignores a filter', async () => {
    // A server that does not know `billingAccount.id` with several values, and drops it: its answer
    // holds other accounts' bills, which must never be taken for these accounts'.
    fixture.proxy.setRewrite((path) => (accountsOf(path).length > 1 ? path.replace(/billingAccount\.id=[^&]*&?/, '') : path));
    const batched = await showBills(fixture.sandbox.tokens.agent);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    expect(batchRequests(fixture.proxy.log).length).toBeLessThanOrEqual(4);
  });
});
