/**
 * `payment reconcile` against a server that ignores the `correlatorId` filter (TMF630 does not
 * oblige a server to refuse a filter it does not know): it lists the account's payments, other
 * keys first, a few per page. A small server on 127.0.0.1 plays it, since the sandbox honours the
 * filter. Reconcile must report only the payment carrying the journal's key, amount and bill, or
 * say "still unknown" and keep the entry; never another payment.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cliEnv } from '../helpers/env.js';

const PAYMENTS = '/paymentManagement/v4/payment';
const KEY = 'espace-0b7f5a1e-9a3c-4f7e-8a53-6f1f3a8d2c10';
const BILL = 'CB-1001-202611';

interface ListedPayment {
  id: string;
  correlatorId?: string;
  account: { id: string };
  totalAmount: { unit: string; value: number };
  paymentItem: { item: { id: string }; totalAmount: { unit: string; value: number } }[];
}

function payment(id: string, correlatorId: string | undefined, value: number, bill = BILL): ListedPayment {
  const amount = { unit: 'CAD', value };
  return { id, correlatorId, account: { id: 'BA-1001' }, totalAmount: amount, paymentItem: [{ item: { id: bill }, totalAmount: amount }] };
}

/** Older payments of the same bill and amount, made with other keys (or none): what must never be reported. */
const DECOYS = [
  payment('PAY-OLD-1', 'espace-11111111-1111-4111-8111-111111111111', 42.5),
  payment('PAY-OLD-2', undefined, 42.5),
  payment('PAY-OLD-3', 'espace-22222222-2222-4222-8222-222222222222', 42.5),
  payment('PAY-OLD-4', 'espace-33333333-3333-4333-8333-333333333333', 42.5),
  payment('PAY-OLD-5', 'espace-44444444-4444-4444-8444-444444444444', 42.5),
];

interface FakeServer {
  url: string;
  /** GETs of the payment list, with their query. */
  lists: URLSearchParams[];
  /** POSTs of a payment, with their Idempotency-Key. */
  posts: (string | undefined)[];
  close(): Promise<void>;
}

/**
 * Lists `payments` whatever the filter, at most 2 per page (with X-Total-Count unless `count` is
 * false); a POST answers `onPost`.
 */
async function filterIgnoringServer(payments: ListedPayment[], onPost?: () => { status: number; body: unknown }, count = true): Promise<FakeServer> {
  const lists: URLSearchParams[] = [];
  const posts: (string | undefined)[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === PAYMENTS) {
      lists.push(url.searchParams);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 2);
      send(200, payments.slice(offset, offset + limit), count ? { 'x-total-count': String(payments.length) } : {});
      return;
    }
    if (req.method === 'POST' && url.pathname === PAYMENTS) {
      posts.push(req.headers['idempotency-key'] as string | undefined);
      req.resume();
      req.on('end', () => {
        const reply = onPost?.() ?? { status: 500, body: { code: '500', reason: 'not expected' } };
        send(reply.status, reply.body);
      });
      return;
    }
    send(404, { code: '404', reason: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lists,
    posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let home: string;
let server: FakeServer | undefined;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-reconcile-filter-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(home, { recursive: true, force: true });
});

const journalDir = () => join(home, 'data', 'payment-journal');

/** The journal entry of a payment of $42.50 on BILL whose answer was lost. */
async function journalEntry(apiUrl: string): Promise<void> {
  const amount = { unit: 'CAD', value: 42.5 };
  const request = {
    correlatorId: KEY,
    account: { id: 'BA-1001' },
    totalAmount: amount,
    paymentMethod: { id: 'PM-1001-1', name: 'Visa', '@type': 'PaymentMethodRef', '@referredType': 'PaymentMethod' },
    paymentItem: [{ item: { id: BILL, '@referredType': 'CustomerBill' }, totalAmount: amount }],
    '@type': 'Payment',
  };
  await mkdir(journalDir(), { recursive: true, mode: 0o700 });
  await writeFile(
    join(journalDir(), `${KEY}.json`),
    JSON.stringify({
      version: 1,
      key: KEY,
      apiUrl,
      accountId: 'BA-1001',
      billId: BILL,
      amount: { amount: 4250, currency: 'CAD' },
      methodId: 'PM-1001-1',
      createdAt: new Date().toISOString(),
      request,
    }),
    { mode: 0o600 },
  );
}

const reconcile = (url: string) =>
  runCli(['payment', 'reconcile', '--json'], {
    env: cliEnv({ url, token: 'test-token', home }),
  });

const journalKeys = async () => (await readdir(journalDir())).filter((name) => name.endsWith('.json'));

describe('reconcile against a server that ignores the correlatorId filter', () => {
  it('reads every page past the other payments and reports only the one with the key, amount and bill', async () => {
    server = await filterIgnoringServer([...DECOYS, payment('PAY-OURS', KEY, 42.5)]);
    await journalEntry(server.url);

    const result = await reconcile(server.url);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ key: KEY, outcome: 'charged', payment: 'PAY-OURS' })]);
    expect(server.lists.length).toBeGreaterThanOrEqual(3);
    expect(server.lists[0]!.get('correlatorId')).toBe(KEY);
    expect(server.posts).toEqual([]);
    expect(await journalKeys()).toEqual([]);
  });

  it('without X-Total-Count, a page shorter than asked is not the end: read on to an empty page, the payment found, nothing sent again', async () => {
    // A server that caps its pages (2 here) and gives no count: only an empty page ends the list.
    // Taking the first short page for the end would send the payment again, a second charge on a
    // server that does not honour Idempotency-Key.
    server = await filterIgnoringServer([...DECOYS, payment('PAY-OURS', KEY, 42.5)], () => ({ status: 201, body: payment('PAY-TWICE', KEY, 42.5) }), false);
    await journalEntry(server.url);

    const result = await reconcile(server.url);

    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ key: KEY, outcome: 'charged', payment: 'PAY-OURS' })]);
    expect(server.posts).toEqual([]);
    expect(await journalKeys()).toEqual([]);
  });

  it('a payment with the key but another amount is not accepted: still unknown, entry kept, nothing sent (exit 5)', async () => {
    server = await filterIgnoringServer([...DECOYS, payment('PAY-ODD', KEY, 10)]);
    await journalEntry(server.url);

    const result = await reconcile(server.url);

    expect(result.code).toBe(5);
    const [report] = JSON.parse(result.stdout);
    expect(report).toMatchObject({ key: KEY, outcome: 'unknown' });
    expect(report.reason).toContain('PAY-ODD');
    expect(result.stdout).not.toMatch(/PAY-OLD/);
    expect(server.posts).toEqual([]);
    expect(await journalKeys()).toEqual([`${KEY}.json`]);
  });

  it('a payment with the key but another bill is not accepted either', async () => {
    server = await filterIgnoringServer([...DECOYS, payment('PAY-ODD', KEY, 42.5, 'CB-1001-202610')]);
    await journalEntry(server.url);

    const result = await reconcile(server.url);

    expect(result.code).toBe(5);
    expect(JSON.parse(result.stdout)[0]).toMatchObject({ key: KEY, outcome: 'unknown' });
    expect(server.posts).toEqual([]);
    expect(await journalKeys()).toEqual([`${KEY}.json`]);
  });

  it('no payment carries the key: the same key is sent again and only its answer is reported', async () => {
    server = await filterIgnoringServer(DECOYS, () => ({ status: 201, body: payment('PAY-NEW', KEY, 42.5) }));
    await journalEntry(server.url);

    const result = await reconcile(server.url);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ key: KEY, outcome: 'charged', payment: 'PAY-NEW' })]);
    expect(result.stdout).not.toMatch(/PAY-OLD/);
    expect(server.posts).toEqual([KEY]);
    expect(await journalKeys()).toEqual([]);
  });

  it('the repeat cannot be answered either: still unknown, entry kept (exit 5)', async () => {
    server = await filterIgnoringServer(DECOYS, () => ({ status: 503, body: { code: '503', reason: 'Unavailable' } }));
    await journalEntry(server.url);

    const result = await reconcile(server.url);

    expect(result.code).toBe(5);
    expect(JSON.parse(result.stdout)[0]).toMatchObject({ key: KEY, outcome: 'unknown' });
    expect(result.stdout).not.toMatch(/PAY-OLD/);
    expect(server.posts.length).toBeGreaterThanOrEqual(1);
    expect(server.posts.every((key) => key === KEY)).toBe(true);
    expect(await journalKeys()).toEqual([`${KEY}.json`]);
  });
});
