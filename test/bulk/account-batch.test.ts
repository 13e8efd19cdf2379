/**
 * Bulk `account show` in batches, against a real sandbox behind the recording proxy: the accounts
 * with their autopay setting, their recent bills, their open tickets and the latest bills' lines
 * take a few requests per batch, and every record equals the one-at-a-time run's (the same
 * scheme as bill show's, in batch.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectOnlyOwnAccount, recordsByAccount, useBulkFixture } from './fixture.js';
import type { LoggedRequest } from './proxy.js';
import { cliEnv } from '../helpers/env.js';

const generated = Array.from({ length: 80 }, (_, i) => `BA-${100001 + i}`);
/** Generated accounts, two seeded ones (open tickets, autopay), an unknown one and a duplicate. */
const LIST = [...generated.slice(0, 40), 'BA-1001', 'BA-999999', ...generated.slice(40), 'BA-2001', generated[3]!];
const LISTED = new Set(LIST).size;
const fixture = useBulkFixture(LIST, generated.length);

const env = (token: string) => cliEnv({ url: fixture.proxy.url, token, home: fixture.dir });
const showAccounts = (token: string, extra: string[] = [], clock?: () => Date) =>
  runCli(['account', 'show', '--accounts-from', fixture.list, '--ordered', '--concurrency', '4', ...extra], { env: env(token), ...(clock ? { clock } : {}) });

/** Requests naming several accounts, bills or ids at once: a batch's. */
const batchRequests = (log: readonly LoggedRequest[]) =>
  log.filter((entry) => {
    if (entry.injected !== undefined) return false;
    const query = new URL(entry.url, 'http://proxy').searchParams;
    return ['id', 'billingAccount.id', 'bill.id'].some((name) => (query.get(name) ?? '').includes(','));
  });

/** `path` without the query parameter `name`: what a server that ignores that filter reads. */
function withoutParameter(path: string, name: string): string {
  const url = new URL(path, 'http://proxy');
  url.searchParams.delete(name);
  return `${url.pathname}${url.search}`;
}

/** GETs of one billingAccount: one per account looked up alone. */
const singleAccountReads = (log: readonly LoggedRequest[]) =>
  log.filter((entry) => /\/billingAccount\/[^/?]+$/.test(new URL(entry.url, 'http://proxy').pathname)).length;

let oneAtATime: Map<string, string>;

describe('account show in batches', () => {
  beforeAll(async () => {
    // One account with autopay on, so that both settings are read from a batch.
    const enabled = await runCli(['autopay', 'enable', '--accept-terms'], {
      env: { ...env(fixture.sandbox.tokens.james), ESPACE_API_URL: fixture.sandbox.url },
    });
    expect(enabled.code, enabled.stderr).toBe(0);
    const single = await showAccounts(fixture.sandbox.tokens.agent, ['--batch-size', '1']);
    expect(single.code).toBe(3);
    oneAtATime = recordsByAccount(single.stdout);
    expect(oneAtATime.size).toBe(LISTED);
  });

  it('writes the very records of one-at-a-time lookups, in a fraction of the requests', async () => {
    const batched = await showAccounts(fixture.sandbox.tokens.agent);
    expect(batched.code).toBe(3);
    expect(batched.stdout.trim().split('\n')).toHaveLength(LISTED);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    const records = [...oneAtATime.values()].map((line) => JSON.parse(line) as { account: string; data?: { autopay: boolean; openTickets: number } });
    expect(records.find((record) => record.account === 'BA-2001')?.data?.autopay).toBe(true);
    expect(records.find((record) => record.account === 'BA-1001')?.data?.openTickets).toBe(1);
    // 83 accounts over 4 workers: batches of 21, four requests each (accounts, bills, tickets,
    // lines). The unknown account is then looked up alone: its account (404), bills and tickets.
    expect(batchRequests(fixture.proxy.log)).toHaveLength(4 * 4);
    expect(fixture.proxy.log.length).toBe(4 * 4 + 3);
    expect(batched.stderr).toContain(`${LISTED} accounts: ${LISTED - 1} ok, 1 failed`);
  });

  it('gives a customer their own summary and not-found records for the others, as one at a time does', async () => {
    const batched = await showAccounts(fixture.sandbox.tokens.marie);
    const single = await showAccounts(fixture.sandbox.tokens.marie, ['--batch-size', '1']);
    expectOnlyOwnAccount(batched.stdout, single.stdout, 'BA-1001', LISTED);
  });

  it('summarises alone the accounts whose latest bill is older than the batch window', async () => {
    const later = () => new Date(Date.now() + 90 * 86_400_000);
    const batched = await showAccounts(fixture.sandbox.tokens.agent, [], later);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    // Three requests per batch (no bill: no lines to read), then every account alone.
    expect(batchRequests(fixture.proxy.log)).toHaveLength(4 * 3);
  });

  it('goes one account at a time after a server ignores the ticket filter', async () => {
    // A server that drops `billingAccount.id` from the ticket list: its answer holds other
    // accounts' tickets, which must never be counted for these accounts.
    fixture.proxy.setRewrite((path) =>
      path.includes('/troubleTicket?') && (new URL(path, 'http://proxy').searchParams.get('billingAccount.id') ?? '').includes(',')
        ? withoutParameter(path, 'billingAccount.id')
        : path,
    );
    const batched = await showAccounts(fixture.sandbox.tokens.agent);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    expect(batchRequests(fixture.proxy.log).length).toBeLessThanOrEqual(4 * 4);
    // Every batch's answer held another account's data: each account was then read alone.
    expect(singleAccountReads(fixture.proxy.log)).toBe(LISTED);
  });

  it('goes one account at a time after a server ignores the account filter', async () => {
    fixture.proxy.setRewrite((path) => (path.includes('/billingAccount?') ? withoutParameter(path, 'id') : path));
    const batched = await showAccounts(fixture.sandbox.tokens.agent);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    expect(batchRequests(fixture.proxy.log).length).toBeLessThanOrEqual(4 * 4);
    // Every batch's answer held another account's data: each account was then read alone.
    expect(singleAccountReads(fixture.proxy.log)).toBe(LISTED);
  });
});
