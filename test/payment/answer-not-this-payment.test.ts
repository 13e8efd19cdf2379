/**
 * The server charges the payment, but its 2xx answer carries another payment (another key, another
 * amount, another bill): a gateway's cache, a server bug. That answer proves nothing about this
 * payment: `pay` keeps the journal entry and exits 5, and `payment reconcile` finds the one charge.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const PAYMENTS = '/paymentManagement/v4/payment';

let sandbox: TestSandbox;
let home: string;
let proxy: { url: string; posts: number; close(): Promise<void> };

/** Forwards everything; the answer to a payment the server created is rewritten by `alter`. */
async function alteringProxy(target: string, alter: (payment: Record<string, unknown>) => void): Promise<typeof proxy> {
  const upstream = new URL(target);
  const state = { posts: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const isPayment = req.method === 'POST' && (req.url ?? '').startsWith(PAYMENTS);
      if (isPayment) state.posts++;
      const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => body.push(chunk));
        answer.on('end', () => {
          const raw = Buffer.concat(body);
          if (isPayment && (answer.statusCode ?? 500) < 300) {
            const payment = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
            alter(payment);
            const altered = JSON.stringify(payment);
            res.writeHead(answer.statusCode ?? 201, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(altered)) });
            res.end(altered);
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(raw);
        });
      });
      out.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get posts() {
      return state.posts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-pay-altered-'));
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

const env = () => ({ ESPACE_API_URL: proxy.url, ESPACE_TOKEN: sandbox.tokens.marie, ESPACE_CONFIG_DIR: join(home, 'config'), ESPACE_DATA_DIR: join(home, 'data') });

async function journalKeys(): Promise<string[]> {
  try {
    return (await readdir(join(home, 'data', 'payment-journal'))).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
  } catch {
    return [];
  }
}

async function apiPayments(): Promise<Array<{ id: string; correlatorId: string }>> {
  const res = await fetch(`${sandbox.url}${PAYMENTS}?account.id=BA-1001&limit=100`, { headers: { authorization: `Bearer ${sandbox.tokens.marie}` } });
  const all = (await res.json()) as Array<{ id: string; correlatorId?: string }>;
  return all.filter((p): p is { id: string; correlatorId: string } => p.correlatorId !== undefined);
}

describe('a payment charged and answered with another payment', () => {
  const alterations: Array<[string, (payment: Record<string, unknown>) => void]> = [
    ['correlatorId', (payment) => void (payment.correlatorId = 'espace-00000000-0000-4000-8000-000000000000')],
    ['amount', (payment) => void ((payment.totalAmount as { value: number }).value = 99.99)],
  ];
  for (const [field, alter] of alterations) {
    it(`another ${field}: exit 5 with the key, and reconcile finds the one charge`, async () => {
      proxy = await alteringProxy(sandbox.url, alter);
      const paid = await runCli(['pay', '--amount', '10', '--yes'], { env: env() });

      expect(paid.code, paid.stderr).toBe(5);
      expect(paid.stderr).toContain(field);
      const keys = await journalKeys();
      expect(keys).toHaveLength(1);
      expect(paid.stderr).toContain(keys[0]);
      const charged = await apiPayments();
      expect(charged.map((p) => p.correlatorId)).toEqual(keys);

      const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
      expect(settled.code, settled.stderr).toBe(0);
      expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key: keys[0], outcome: 'charged', payment: charged[0]!.id })]);
      expect(await journalKeys()).toEqual([]);
      expect(await apiPayments()).toHaveLength(1);
    });
  }
});
