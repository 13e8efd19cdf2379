/**
 * The read commands against a server that filters, sorts and pages no more than TMF630 promises
 * (test/helpers/plain-tmf-proxy.ts in front of a real sandbox: every filter and `sort` ignored,
 * oldest first, pages of 20). Each command must give the answer the sandbox gives directly,
 * with nothing of another account, the latest bill the newest, no list cut at a page, and the
 * warning said once on stderr.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, type Notice } from '../../src/api/http.js';
import { listAll } from '../../src/api/tmf/common.js';
import { CustomerBill } from '../../src/api/tmf/customer-bill.js';
import { TMF } from '../../src/api/tmf/paths.js';
import { runCli } from '../helpers/cli.js';
import { type PlainTmfOptions, type PlainTmfProxy, startPlainTmfProxy } from '../helpers/plain-tmf-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

const ACCOUNTS = ['BA-1001', 'BA-2001', 'BA-3001'];

let sandbox: TestSandbox;
let dir: string;
const proxies: PlainTmfProxy[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = await mkdtemp(join(tmpdir(), 'espace-plain-tmf-'));
});
afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function proxy(options: Partial<PlainTmfOptions> = {}): Promise<PlainTmfProxy> {
  const started = await startPlainTmfProxy(sandbox.url, { accounts: ACCOUNTS, ...options });
  proxies.push(started);
  return started;
}

/** The CLI as the agent (who reads every account), against `url`. */
const espace = (url: string, args: string[]) => runCli(args, { env: cliEnv({ url, token: sandbox.tokens.agent, home: dir }) });

/** The CLI as Marie, a customer with one account, against `url`. */
const asMarie = (url: string, args: string[]) => runCli(args, { env: cliEnv({ url, token: sandbox.tokens.marie, home: dir }) });

/** The same command straight at the sandbox (which filters, sorts and pages as asked) and through `via`. */
async function bothWays(via: PlainTmfProxy, args: string[]) {
  const [direct, proxied] = await Promise.all([espace(sandbox.url, args), espace(via.url, args)]);
  expect(direct.code, direct.stderr).toBe(0);
  return { direct, proxied };
}

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;
const ignored = (filter: string, resource: string) => `the server ignored the ${filter} filter on ${resource}; filtering here.`;

interface BillJson {
  id: string;
  account: string;
  billDate: string;
}

describe('a server that ignores filters and sort, and pages by 20', () => {
  let plain: PlainTmfProxy;
  beforeAll(async () => {
    plain = await proxy();
  });

  it('bill show --account: the newest bill of that account', async () => {
    const { direct, proxied } = await bothWays(plain, ['bill', 'show', '--account', 'BA-2001', '--json']);
    expect(proxied.code, proxied.stderr).toBe(0);
    const bill = JSON.parse(proxied.stdout) as BillJson & { sections: { serviceCharges: { lines: { id: string }[] } } };
    expect(bill.account).toBe('BA-2001');
    expect(JSON.parse(proxied.stdout)).toEqual(JSON.parse(direct.stdout));
    // The line items are the bill's own, though the server sent every bill's.
    expect(bill.sections.serviceCharges.lines.length).toBeGreaterThan(0);
    expect(bill.sections.serviceCharges.lines.every((line) => line.id.startsWith('ACBR-2001-'))).toBe(true);
    expect(occurrences(proxied.stderr, ignored('billingAccount.id', 'CustomerBill'))).toBe(1);
    expect(occurrences(proxied.stderr, ignored('bill.id', 'AppliedCustomerBillingRate'))).toBe(1);
  });

  it('bill list --account: every bill of that account, newest first, none of another, none cut at a page', async () => {
    const { direct, proxied } = await bothWays(plain, ['bill', 'list', '--account', 'BA-1001', '--limit', '30', '--json']);
    expect(proxied.code, proxied.stderr).toBe(0);
    const bills = JSON.parse(proxied.stdout) as BillJson[];
    expect(bills).toEqual(JSON.parse(direct.stdout));
    // 36 bills in all, 12 of them BA-1001's: more than one page of 20 had to be read.
    expect(bills).toHaveLength(12);
    expect(bills.every((bill) => bill.account === 'BA-1001')).toBe(true);
    expect(bills.map((bill) => bill.billDate)).toEqual([...bills.map((bill) => bill.billDate)].sort().reverse());
    expect(occurrences(proxied.stderr, ignored('billingAccount.id', 'CustomerBill'))).toBe(1);
  });

  it('bill diff --account: the latest bill and the one before, both of that account', async () => {
    const { direct, proxied } = await bothWays(plain, ['bill', 'diff', '--account', 'BA-3001', '--json']);
    expect(proxied.code, proxied.stderr).toBe(0);
    expect(JSON.parse(proxied.stdout)).toEqual(JSON.parse(direct.stdout));
    expect(proxied.stdout).not.toMatch(/CB-(1001|2001)-/);
  });

  it('bill list --state: only bills in that state', async () => {
    const { direct, proxied } = await bothWays(plain, ['bill', 'list', '--account', 'BA-3001', '--state', 'settled', '--json']);
    expect(proxied.code, proxied.stderr).toBe(0);
    expect(JSON.parse(proxied.stdout)).toEqual(JSON.parse(direct.stdout));
    expect((JSON.parse(proxied.stdout) as { state: string }[]).every((bill) => bill.state === 'settled')).toBe(true);
  });

  it("ticket list --account: that account's tickets only", async () => {
    const { direct, proxied } = await bothWays(plain, ['ticket', 'list', '--account', 'BA-2001', '--status', 'open,closed,resolved', '--json']);
    expect(proxied.code, proxied.stderr).toBe(0);
    const tickets = JSON.parse(proxied.stdout) as { id: string }[];
    expect(tickets).toEqual(JSON.parse(direct.stdout));
    expect(tickets.map((ticket) => ticket.id)).toEqual(['TT-1003']);
    expect(occurrences(proxied.stderr, ignored('billingAccount.id', 'TroubleTicket'))).toBe(1);
  });

  it('ticket list: newest first, and --limit keeps the newest, whatever order the server gave', async () => {
    for (const limit of ['50', '1']) {
      const { direct, proxied } = await bothWays(plain, [
        'ticket',
        'list',
        '--account',
        'BA-1001',
        '--status',
        'open,closed,resolved',
        '--limit',
        limit,
        '--json',
      ]);
      expect(proxied.code, proxied.stderr).toBe(0);
      expect(JSON.parse(proxied.stdout), `--limit ${limit}`).toEqual(JSON.parse(direct.stdout));
    }
  });

  it('outage --postal-code and --account: the outage there is found, none of another area shown', async () => {
    for (const where of [
      ['--postal-code', 'H2X 1Y4'],
      ['--account', 'BA-2001'],
    ]) {
      const { direct, proxied } = await bothWays(plain, ['outage', ...where, '--json']);
      expect(proxied.code, proxied.stderr).toBe(0);
      const ids = (stdout: string) => (JSON.parse(stdout) as { outages: { id: string }[] }).outages.map((outage) => outage.id);
      expect(ids(proxied.stdout), where.join(' ')).toEqual(ids(direct.stdout));
      expect(ids(proxied.stdout).length).toBe(1);
      expect(proxied.stderr).toContain(ignored('affectedLocation.postCode', 'ServiceProblem'));
    }
  });

  it("usage show, payment list, payment-method list, account show, plan show: the account's own data", async () => {
    for (const command of [
      ['usage', 'show'],
      ['payment', 'list'],
      ['payment-method', 'list'],
      ['account', 'show'],
      ['plan', 'show'],
    ]) {
      const { direct, proxied } = await bothWays(plain, [...command, '--account', 'BA-2001', '--json']);
      expect(proxied.code, `${command.join(' ')}: ${proxied.stderr}`).toBe(0);
      expect(JSON.parse(proxied.stdout), command.join(' ')).toEqual(JSON.parse(direct.stdout));
      expect(proxied.stderr, command.join(' ')).toContain('filtering here');
    }
  });

  it('plan catalog --service: offerings of that kind only', async () => {
    const { direct, proxied } = await bothWays(plain, ['plan', 'catalog', '--service', 'tv', '--json']);
    expect(proxied.code, proxied.stderr).toBe(0);
    expect(JSON.parse(proxied.stdout)).toEqual(JSON.parse(direct.stdout));
    expect(occurrences(proxied.stderr, ignored('serviceType', 'ProductOffering'))).toBe(1);
  });

  it("order list --account: that account's orders, newest first", async () => {
    // Orders on two accounts, placed directly: the server's unfiltered list holds both.
    for (const [account, command] of [
      ['BA-2001', ['addon', 'add', 'OFF-ADD-WIFI']],
      ['BA-2001', ['addon', 'remove', 'PRD-2001-VVM']],
      ['BA-1001', ['addon', 'remove', 'PRD-1001-FILM']],
    ] as const) {
      const placed = await espace(sandbox.url, [...command, '--account', account, '--accept-terms', '--yes', '--json']);
      expect(placed.code, placed.stderr).toBe(0);
    }
    const { direct, proxied } = await bothWays(plain, ['order', 'list', '--account', 'BA-2001', '--json']);
    expect(proxied.code, proxied.stderr).toBe(0);
    const orders = JSON.parse(proxied.stdout) as { items: { action: string }[] }[];
    expect(orders).toEqual(JSON.parse(direct.stdout));
    expect(orders.map((order) => order.items[0]!.action)).toEqual(['delete', 'add']);
    expect(occurrences(proxied.stderr, ignored('billingAccount.id', 'ProductOrder'))).toBe(1);
  });

  it('bulk bill show, account show and bill list: every record holds its own account, and the warning is said once', async () => {
    // Two of the three accounts: the unfiltered answers also hold the third one's data.
    const listed = ['BA-3001', 'BA-1001'];
    const list = join(dir, 'accounts.txt');
    await writeFile(list, `${listed.join('\n')}\n`);
    for (const command of [
      ['bill', 'show'],
      ['account', 'show'],
      ['bill', 'list'],
    ]) {
      const args = [...command, '--accounts-from', list, '--ordered', '--batch-size', '3', '--concurrency', '1'];
      const { direct, proxied } = await bothWays(plain, args);
      expect(proxied.code, `${command.join(' ')}: ${proxied.stderr}`).toBe(0);
      const records = proxied.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { account: string; ok: boolean; data: unknown });
      expect(records.map((record) => record.account)).toEqual(listed);
      for (const record of records) {
        expect(record.ok).toBe(true);
        const data = record.data as BillJson | BillJson[] | { account: string; lastBill: { id: string } };
        const owners = Array.isArray(data) ? data.map((bill) => bill.account) : [data.account];
        expect(new Set(owners), command.join(' ')).toEqual(new Set([record.account]));
        if ('lastBill' in data) expect(data.lastBill.id.startsWith(`CB-${record.account.slice(3)}-`)).toBe(true);
      }
      const withoutRequestIds = (stdout: string) => stdout.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '');
      expect(withoutRequestIds(proxied.stdout), command.join(' ')).toBe(withoutRequestIds(direct.stdout));
      expect(occurrences(proxied.stderr, ignored('billingAccount.id', 'CustomerBill')), `${command.join(' ')}: ${proxied.stderr}`).toBe(1);
    }
  });
});

describe('espace api --paginate', () => {
  it('reads every page, whatever page size the server chose, with or without a count', async () => {
    const direct = await espace(sandbox.url, ['api', 'GET', TMF.customerBill, '--paginate', '-F', 'limit=100', '-f', 'fields=id']);
    expect(direct.code, direct.stderr).toBe(0);
    const ids = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((bill) => bill.id).sort();
    expect(ids(direct.stdout)).toHaveLength(36);
    for (const server of [await proxy(), await proxy({ totalCount: false })]) {
      const paged = await espace(server.url, ['api', 'GET', TMF.customerBill, '--paginate', '-F', 'limit=100', '-f', 'fields=id']);
      expect(paged.code, paged.stderr).toBe(0);
      expect(ids(paged.stdout)).toEqual(ids(direct.stdout));
    }
  });

  it('stops with an error at a server that repeats its page', async () => {
    const repeating = await proxy({ ignoreOffset: true });
    const result = await espace(repeating.url, ['api', 'GET', TMF.customerBill, '--paginate', '-F', 'limit=100']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the server repeats itself');
  });
});

describe('a server that gives no X-Total-Count', () => {
  it('reads on to the empty page: the same bills, the same latest', async () => {
    const countless = await proxy({ totalCount: false });
    for (const args of [
      ['bill', 'list', '--account', 'BA-3001', '--json'],
      ['bill', 'show', '--account', 'BA-3001', '--json'],
    ]) {
      const { direct, proxied } = await bothWays(countless, args);
      expect(proxied.code, proxied.stderr).toBe(0);
      expect(JSON.parse(proxied.stdout), args.join(' ')).toEqual(JSON.parse(direct.stdout));
    }
  });
});

describe('a server espace cannot trust', () => {
  it('one that repeats its first page: a clear error, nothing on stdout, no loop', async () => {
    const repeating = await proxy({ ignoreOffset: true });
    const result = await espace(repeating.url, ['bill', 'list', '--account', 'BA-1001']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the server repeats itself: the CustomerBill page at offset 20');
  });

  it('one whose tickets do not say their account: refused, naming the resource and the field', async () => {
    const stripped = await proxy({ strip: ['relatedEntity'] });
    const result = await espace(stripped.url, ['ticket', 'list', '--account', 'BA-2001', '--status', 'open,closed,resolved']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/TroubleTicket TT-\d+ has no relatedEntity \(BillingAccount\)/);
  });

  it('one that never ends a list: reading stops at the ceiling, with a warning', async () => {
    const plain = await proxy();
    const notices: Notice[] = [];
    const client = new HttpClient({
      baseUrl: plain.url,
      userAgent: 'test',
      tokens: { token: async () => sandbox.tokens.agent, refreshAfterRejection: async () => undefined },
      notices: (notice) => notices.push(notice),
    });
    try {
      const bills = await listAll(client, TMF.customerBill, CustomerBill, 'CustomerBill', { ceiling: { items: 1000, requests: 1 } });
      // One page of 20 of the 36 bills, then the ceiling: said, not silent.
      expect(bills).toHaveLength(20);
      expect(notices).toEqual([{ key: 'server.listCeiling', params: { resource: 'CustomerBill', items: 20, requests: 1 } }]);
    } finally {
      await client.close();
    }
  });
});

describe('a customer with one account and no --account, from a server that pages by 5 and gives no total', () => {
  it('bill list and bill show: every bill and the newest one, not the first page the server sends', async () => {
    const capped = await proxy({ pageCap: 5, totalCount: false });
    for (const args of [
      ['bill', 'list', '--limit', '100', '--json'],
      ['bill', 'show', '--json'],
    ]) {
      const [direct, proxied] = await Promise.all([asMarie(sandbox.url, args), asMarie(capped.url, args)]);
      expect(direct.code, direct.stderr).toBe(0);
      expect(proxied.code, proxied.stderr).toBe(0);
      expect(JSON.parse(proxied.stdout), args.join(' ')).toEqual(JSON.parse(direct.stdout));
    }
    // More bills than one capped page: a list cut at the first page would show.
    const all = JSON.parse((await asMarie(sandbox.url, ['bill', 'list', '--limit', '100', '--json'])).stdout) as unknown[];
    expect(all.length).toBeGreaterThan(5);
  });
});

describe('a customer with no --account, from a server that ignores filters', () => {
  it('bill list --state: only bills in that state, and the notice that the server ignored the filter, as with --account', async () => {
    const plain = await proxy();
    for (const args of [
      ['bill', 'list', '--state', 'settled', '--json'],
      ['bill', 'list', '--account', 'BA-1001', '--state', 'settled', '--json'],
    ]) {
      const [direct, proxied] = await Promise.all([asMarie(sandbox.url, args), asMarie(plain.url, args)]);
      expect(direct.code, direct.stderr).toBe(0);
      expect(proxied.code, proxied.stderr).toBe(0);
      expect(JSON.parse(proxied.stdout), args.join(' ')).toEqual(JSON.parse(direct.stdout));
      expect((JSON.parse(direct.stdout) as unknown[]).length).toBeGreaterThan(0);
      expect(occurrences(proxied.stderr, ignored('state', 'CustomerBill')), `${args.join(' ')}: ${proxied.stderr}`).toBe(1);
    }
  });
});
