/**
 * How many requests one lookup makes, counted by a proxy in front of a test sandbox (counts, not
 * timings): the latest bill and its lines take two, its recent bills (whole) then its lines, and
 * the answer is the same bill as a lookup by its id, and as a server that ignores the date filter
 * or has no recent bill gives. With no --account, `bill show` and `bill list` ask for the account
 * list and the caller's bills together (the proxy holds both until both have arrived).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startProxy, type Proxy } from '../bulk/proxy.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const BILLS = '/tmf-api/customerBillManagement/v4/customerBill';
const RATES = '/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate';

let sandbox: TestSandbox;
let proxy: Proxy;
let home: string;
/** BA-1001's latest bill, as read from the sandbox directly: every bill, newest by date. */
let latest: { id: string; billDate: string };

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-lookup-trips-'));
  sandbox = await startTestSandbox();
  proxy = await startProxy(sandbox.url);
  const all = (await (
    await fetch(`${sandbox.url}${BILLS}?billingAccount.id=BA-1001&fields=id,billDate`, { headers: { authorization: `Bearer ${sandbox.tokens.agent}` } })
  ).json()) as { id: string; billDate: string }[];
  latest = all.sort((a, b) => Date.parse(b.billDate) - Date.parse(a.billDate))[0]!;
}, 300_000);
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => proxy.reset());

/** `espace ARGS` as `token`'s caller, through the proxy, `daysAfter` days after the latest bill's date. */
function runAs(token: string, args: string[], daysAfter = 3) {
  const now = new Date(Date.parse(latest.billDate) + daysAfter * 86_400_000);
  return runCli(args, {
    env: { ESPACE_API_URL: proxy.url, ESPACE_TOKEN: token, ESPACE_CONFIG_DIR: join(home, 'config'), ESPACE_DATA_DIR: join(home, 'data') },
    clock: () => now,
  });
}

/** `espace ARGS` as the agent, through the proxy, `daysAfter` days after the latest bill's date. */
async function agent(args: string[], daysAfter = 3) {
  const result = await runAs(sandbox.tokens.agent, args, daysAfter);
  expect(result.code, result.stderr).toBe(0);
  return { shown: JSON.parse(result.stdout) as { id: string }, requests: proxy.log.map((entry) => entry.url) };
}

/** The latest bill by its id and its lines, in either order (they are sent together). */
function expectBillAndLines(requests: string[]) {
  expect(requests).toHaveLength(2);
  expect(requests).toContain(`${BILLS}/${latest.id}`);
  expect(requests.filter((url) => url.startsWith(`${RATES}?`) && new URL(url, 'http://x').searchParams.get('bill.id') === latest.id)).toHaveLength(1);
}

describe('bill show --account A (the latest bill)', () => {
  it('takes two requests: the recent bills whole, then the latest one’s lines', async () => {
    const { shown, requests } = await agent(['bill', 'show', '--account', 'BA-1001', '--json']);
    expect(shown.id).toBe(latest.id);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatch(new RegExp(`^${BILLS}\\?`));
    expect(new URL(requests[0]!, 'http://x').searchParams.get('billDate.gte')).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(requests[1]).toContain(`${RATES}?`);
    expect(new URL(requests[1]!, 'http://x').searchParams.get('bill.id')).toBe(latest.id);
  });

  it('shows the very record a lookup of that bill by its id shows (two requests, sent together)', async () => {
    const byLatest = await agent(['bill', 'show', '--account', 'BA-1001', '--json']);
    proxy.reset();
    const byId = await agent(['bill', 'show', latest.id, '--account', 'BA-1001', '--json']);
    expect(byId.shown).toEqual(byLatest.shown);
    expectBillAndLines(byId.requests);
  });

  it('from a server that ignores billDate.gte: every bill comes back, and the latest is still the one shown', async () => {
    const expected = (await agent(['bill', 'show', latest.id, '--account', 'BA-1001', '--json'])).shown;
    proxy.reset();
    proxy.setRewrite((path) => path.replace(/&?billDate\.gte=[^&]*/, ''));
    const { shown, requests } = await agent(['bill', 'show', '--account', 'BA-1001', '--json']);
    expect(shown).toEqual(expected);
    expect(requests).toHaveLength(2);
  });

  it('with no bill in the window (the last one is old): reads every bill’s date, and finds it all the same', async () => {
    const expected = (await agent(['bill', 'show', latest.id, '--account', 'BA-1001', '--json'])).shown;
    proxy.reset();
    const { shown, requests } = await agent(['bill', 'show', '--account', 'BA-1001', '--json'], 400);
    expect(shown).toEqual(expected);
    // The empty window, every bill's id and date, then the bill and its lines together.
    expect(requests).toHaveLength(4);
    expectBillAndLines(requests.slice(2));
  });

  it('from a server whose window holds another account’s bill: refused, not shown as this account’s', async () => {
    proxy.setRewrite((path) => path.replace('billingAccount.id=BA-1001', 'billingAccount.id=BA-2001'));
    const now = new Date(Date.parse(latest.billDate) + 3 * 86_400_000);
    const result = await runCli(['bill', 'show', '--account', 'BA-1001', '--json'], {
      env: { ESPACE_API_URL: proxy.url, ESPACE_TOKEN: sandbox.tokens.agent, ESPACE_CONFIG_DIR: join(home, 'config'), ESPACE_DATA_DIR: join(home, 'data') },
      clock: () => now,
    });
    // Every bill of the answer is another account's: none is BA-1001's latest.
    expect(result.stdout).not.toContain('BA-2001');
    expect(result.code).not.toBe(0);
  });
});

describe('bill show with no --account (the caller’s only account)', () => {
  const ACCOUNTS = '/tmf-api/accountManagement/v4/billingAccount';
  const accountsOfMarie = async () =>
    (await (await fetch(`${sandbox.url}${ACCOUNTS}?fields=id`, { headers: { authorization: `Bearer ${sandbox.tokens.marie}` } })).json()) as { id: string }[];

  it('asks for the account list and the caller’s recent bills together, then the lines: the bill --account shows', async () => {
    const [only] = await accountsOfMarie();
    expect(await accountsOfMarie()).toHaveLength(1);
    const expected = await runAs(sandbox.tokens.marie, ['bill', 'show', '--account', only!.id, '--json']);
    expect(expected.code, expected.stderr).toBe(0);
    proxy.reset();
    // Neither is answered until both have arrived: asked one after the other, the second never would.
    proxy.setHold((request) => request.url!.startsWith(`${ACCOUNTS}?`) || request.url!.startsWith(`${BILLS}?`));
    const run = runAs(sandbox.tokens.marie, ['bill', 'show', '--json']);
    await proxy.waitForHeld(2);
    proxy.releaseHeld();
    const result = await run;
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(expected.stdout));
    const requests = proxy.log.map((entry) => entry.url);
    expect(requests).toHaveLength(3);
    const bills = new URL(
      requests.find((url) => url.startsWith(`${BILLS}?`))!,
      'http://x',
    ).searchParams;
    expect(bills.get('billingAccount.id')).toBeNull();
    expect(bills.get('billDate.gte')).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(requests[2]).toContain(`${RATES}?`);
  });

  it('an answer without the caller’s recent bill: found all the same, by every bill’s date', async () => {
    const [only] = await accountsOfMarie();
    const expected = await runAs(sandbox.tokens.marie, ['bill', 'show', '--account', only!.id, '--json']);
    proxy.reset();
    // The caller's bills left out of the answer naming no account (here: another account's, which
    // the caller may not read, so none).
    proxy.setRewrite((path) => (path.startsWith(`${BILLS}?`) && !path.includes('billingAccount.id') ? path.replace('?', '?billingAccount.id=BA-2001&') : path));
    const result = await runAs(sandbox.tokens.marie, ['bill', 'show', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(expected.stdout));
    // The accounts and the (empty) recent bills, every bill's date, then the bill and its lines.
    expect(proxy.log).toHaveLength(5);
  });

  it('bill list asks for the account list and the caller’s bills together: the list --account gives, --state too', async () => {
    const [only] = await accountsOfMarie();
    for (const flags of [[], ['--state', 'settled'], ['--limit', '3']]) {
      proxy.reset();
      const expected = await runAs(sandbox.tokens.marie, ['bill', 'list', '--account', only!.id, ...flags, '--json']);
      expect(expected.code, expected.stderr).toBe(0);
      proxy.reset();
      proxy.setHold((request) => request.url!.startsWith(`${ACCOUNTS}?`) || request.url!.startsWith(`${BILLS}?`));
      const run = runAs(sandbox.tokens.marie, ['bill', 'list', ...flags, '--json']);
      await proxy.waitForHeld(2);
      proxy.releaseHeld();
      const result = await run;
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout, flags.join(' ')).toBe(expected.stdout);
      expect(JSON.parse(result.stdout).length, flags.join(' ')).toBeGreaterThan(0);
      expect(proxy.log, flags.join(' ')).toHaveLength(2);
    }
  });

  it('a caller with several accounts still gets the usage error that names them', async () => {
    const result = await runAs(sandbox.tokens.agent, ['bill', 'show', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--account');
  });
});
