/**
 * What each answer proves, attempt after attempt, with the real HTTP client (one request per
 * attempt) against a small server on 127.0.0.1 that answers a planned status to each POST.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/api/http.js';
import { paymentRequestBody } from '../../src/api/tmf/payment.js';
import type { JournalEntry } from '../../src/cli/payment/journal.js';
import { submitPayment } from '../../src/cli/payment/submit.js';

const KEY = 'espace-5a0c9a1e-1b2c-4d3e-8f40-123456789abc';
const amount = { amount: 1000, currency: 'CAD' };
const entry: JournalEntry = {
  version: 1,
  key: KEY,
  apiUrl: 'http://unused',
  accountId: 'BA-1001',
  billId: 'CB-1',
  amount,
  methodId: 'PM-1',
  createdAt: new Date(0).toISOString(),
  request: paymentRequestBody(KEY, 'BA-1001', 'CB-1', amount, { id: 'PM-1', name: 'Visa' }),
};
const PAYMENT = { id: 'PAY-1', correlatorId: KEY, totalAmount: { unit: 'CAD', value: 10 }, paymentItem: [{ item: { id: 'CB-1' } }] };

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Answers the n-th POST with `answers[n]` (a status, with a TMF error body, or a 201 with `body`). */
async function plannedServer(answers: Array<number | { status: number; body: unknown }>): Promise<{ url: string; seen: () => number }> {
  let seen = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const planned = answers[seen++] ?? 500;
      const { status, body } = typeof planned === 'number' ? { status: planned, body: { code: String(planned), reason: 'planned' } } : planned;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen: () => seen };
}

const client = (url: string) => new HttpClient({ baseUrl: url, userAgent: 'test', retries: 0 });
const noWait = { sleep: async () => {} };

describe('submitPayment', () => {
  it('a refusal of the first attempt is final: refused, not retried', async () => {
    const planned = await plannedServer([422]);
    const outcome = await submitPayment(client(planned.url), entry, noWait);
    expect(outcome).toMatchObject({ kind: 'refused', error: { status: 422 } });
    expect(planned.seen()).toBe(1);
  });

  it('a 500 then a 400: unknown, since the 500 may have come after the charge', async () => {
    const planned = await plannedServer([500, 400]);
    const outcome = await submitPayment(client(planned.url), entry, noWait);
    expect(outcome).toMatchObject({ kind: 'unknown', error: { status: 400 } });
    expect(planned.seen()).toBe(2);
  });

  it('a 429 then a 400: refused, as a rate limit is answered before the key is looked at', async () => {
    const planned = await plannedServer([429, 400]);
    const outcome = await submitPayment(client(planned.url), entry, noWait);
    expect(outcome).toMatchObject({ kind: 'refused', error: { status: 400 } });
  });

  it('a 409 (still processing), then the payment: charged', async () => {
    const planned = await plannedServer([409, { status: 201, body: PAYMENT }]);
    const outcome = await submitPayment(client(planned.url), entry, noWait);
    expect(outcome).toMatchObject({ kind: 'charged', payment: { id: 'PAY-1' } });
  });

  it('a 2xx that is not a payment: unknown, and not sent again', async () => {
    const planned = await plannedServer([{ status: 200, body: { hello: 'world' } }]);
    const outcome = await submitPayment(client(planned.url), entry, noWait);
    expect(outcome.kind).toBe('unknown');
    expect(planned.seen()).toBe(1);
  });

  it('a connection refused on every attempt: nothing can have been sent, refused', async () => {
    const planned = await plannedServer([]);
    const url = planned.url;
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const outcome = await submitPayment(client(url), entry, noWait);
    expect(outcome.kind).toBe('refused');
  });

  it('stopped while the request is out: interrupted, at once', async () => {
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    server = createServer(() => arrived()); // never answers
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const controller = new AbortController();
    const sending = submitPayment(client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), entry, { ...noWait, signal: controller.signal });
    await reached;
    controller.abort();
    expect(await sending).toEqual({ kind: 'interrupted' });
  });
});
