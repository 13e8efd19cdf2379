/**
 * Bulk `payment list`, `ticket list`, `plan show`, `usage show` and `profile show` in batches, against a real
 * sandbox behind the recording proxy: a batch's accounts and their lists take two requests
 * (profiles: the accounts with their holders, then each holder once), and every record equals the
 * one-at-a-time run's — for an agent, for a customer (their own account, not-found records for
 * the others), and against a server that ignores the batch's filter (every account then alone).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectOnlyOwnAccount, recordsByAccount, useBulkFixture } from './fixture.js';
import type { LoggedRequest } from './proxy.js';

const generated = Array.from({ length: 60 }, (_, i) => `BA-${100001 + i}`);
/** Generated accounts, seeded ones (payments, tickets, several services), an unknown one and a duplicate. */
const LIST = [...generated.slice(0, 30), 'BA-1001', 'BA-999999', ...generated.slice(30), 'BA-2001', 'BA-3001', generated[3]!];
const LISTED = new Set(LIST).size;
const fixture = useBulkFixture(LIST, generated.length);
const env = (token: string) => ({ ESPACE_API_URL: fixture.proxy.url, ESPACE_TOKEN: token, ESPACE_CONFIG_DIR: join(fixture.dir, 'config') });

/** Each command, the list a batch reads, the filter on the account it sends, and its requests naming several accounts. */
const COMMANDS = [
  { command: ['payment', 'list'], list: '/payment?', filter: 'account.id', perBatch: 2 },
  { command: ['ticket', 'list'], list: '/troubleTicket?', filter: 'billingAccount.id', perBatch: 2 },
  { command: ['ticket', 'list', '--status', 'open'], list: '/troubleTicket?', filter: 'billingAccount.id', perBatch: 2 },
  { command: ['plan', 'show'], list: '/product?', filter: 'billingAccount.id', perBatch: 2 },
  { command: ['profile', 'show'], list: '/billingAccount?', filter: 'id', perBatch: 1 },
  { command: ['usage', 'show'], list: '/usage?', filter: 'billingAccount.id', perBatch: 3, widen: true },
  { command: ['usage', 'show', '--period', 'previous'], list: '/usage?', filter: 'billingAccount.id', perBatch: 3, widen: true },
];

const run = (command: string[], token: string, extra: string[] = []) =>
  runCli([...command, '--accounts-from', fixture.list, '--ordered', '--concurrency', '4', ...extra], { env: env(token) });

const queryOf = (entry: LoggedRequest) => new URL(entry.url, 'http://proxy').searchParams;
/** Reads naming several accounts at once (their first pages): a batch's. */
const batchRequests = (log: readonly LoggedRequest[]) =>
  log.filter(
    (entry) =>
      entry.injected === undefined &&
      (queryOf(entry).get('offset') ?? '0') === '0' &&
      ['id', 'account.id', 'billingAccount.id'].some((name) => (queryOf(entry).get(name) ?? '').includes(',')),
  );
/** GETs of one billingAccount: one per account looked up alone. */
const singleAccountReads = (log: readonly LoggedRequest[]) =>
  log.filter((entry) => /\/billingAccount\/[^/?]+$/.test(new URL(entry.url, 'http://proxy').pathname)).length;

/** `path` without the query parameter `name`: what a server that ignores that filter reads. */
function withoutParameter(path: string, name: string): string {
  const url = new URL(path, 'http://proxy');
  url.searchParams.delete(name);
  return `${url.pathname}${url.search}`;
}

/**
 * `path` with the filter `name` naming every listed account: a server that answers with more
 * accounts than asked (the sandbox needs the usage filter, so it cannot just be dropped).
 */
function widened(path: string, name: string): string {
  const url = new URL(path, 'http://proxy');
  url.searchParams.set(name, [...new Set(LIST)].join(','));
  return `${url.pathname}${url.search}`;
}

describe.each(COMMANDS)('$command.0 $command.1 $command.2 in batches', ({ command, list, filter, perBatch, widen }) => {
  let oneAtATime: Map<string, string>;
  let singleRequests: number;

  beforeAll(async () => {
    fixture.proxy.reset();
    const single = await run(command, fixture.sandbox.tokens.agent, ['--batch-size', '1']);
    expect(single.code, single.stderr).toBe(3);
    oneAtATime = recordsByAccount(single.stdout);
    expect(oneAtATime.size).toBe(LISTED);
    expect(batchRequests(fixture.proxy.log)).toEqual([]);
    singleRequests = fixture.proxy.log.length;
  });

  it('writes the very records of one-at-a-time lookups, in a fraction of the requests', async () => {
    const batched = await run(command, fixture.sandbox.tokens.agent);
    expect(batched.code).toBe(3);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    const records = [...oneAtATime.values()].map((line) => JSON.parse(line) as { ok: boolean; data?: unknown });
    const failed = records.filter((record) => !record.ok).length;
    expect(batched.stderr).toContain(`${LISTED} accounts: ${LISTED - failed} ok, ${failed} failed`);
    // Some accounts have something to show: the comparison is not of empty lists only.
    expect(records.filter((record) => record.ok && !(Array.isArray(record.data) && record.data.length === 0)).length).toBeGreaterThan(0);
    // 64 accounts over 4 workers: 4 batches. Only the accounts the batches could not give (the
    // unknown one; for profiles, also those whose holder has no readable profile) are looked up alone.
    expect(batchRequests(fixture.proxy.log).length).toBeGreaterThanOrEqual(4);
    expect(singleAccountReads(fixture.proxy.log)).toBe(failed);
    if (failed === 1) expect(fixture.proxy.log.length).toBeLessThan(singleRequests / 2);
  });

  it('gives a customer their own record and not-found records for the others, as one at a time does', async () => {
    const batched = await run(command, fixture.sandbox.tokens.marie);
    const single = await run(command, fixture.sandbox.tokens.marie, ['--batch-size', '1']);
    expectOnlyOwnAccount(batched.stdout, single.stdout, 'BA-1001', LISTED);
  });

  it('goes one account at a time after a server ignores the batch filter', async () => {
    // A server that drops the account filter of a batch's list: its answer holds other accounts'
    // items, which must never be shown as these accounts'.
    fixture.proxy.setRewrite((path) =>
      path.includes(list) && (new URL(path, 'http://proxy').searchParams.get(filter) ?? '').includes(',')
        ? widen
          ? widened(path, filter)
          : withoutParameter(path, filter)
        : path,
    );
    const batched = await run(command, fixture.sandbox.tokens.agent);
    expect(recordsByAccount(batched.stdout)).toEqual(oneAtATime);
    // The first batches' answers (the 4 workers start at once) gave it away; every account was then read alone.
    expect(batchRequests(fixture.proxy.log).length).toBeLessThanOrEqual(perBatch * 4);
    expect(singleAccountReads(fixture.proxy.log)).toBe(LISTED);
  });
});
