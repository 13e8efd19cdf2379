/**
 * The server charges the payment and answers with a redirect (303 See Other to the new payment,
 * the POST-redirect-GET habit of web servers; or a 307 from a gateway that moved). A 3xx is no
 * refusal: it proves nothing about the key. `pay` keeps the journal entry and exits 5, a second
 * `pay` of the bill sends nothing, and `payment reconcile` finds the one charge.
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

/** Forwards everything; a payment the server created is answered `status` with its Location instead. */
async function redirectingProxy(target: string, status: number): Promise<typeof proxy> {
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
            const { id } = JSON.parse(raw.toString('utf8')) as { id: string };
            res.writeHead(status, { location: `${PAYMENTS}/${id}`, 'content-length': '0' });
            res.end();
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
  home = await mkdtemp(join(tmpdir(), 'espace-pay-redirect-'));
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

describe('a payment charged and answered with a redirect', () => {
  for (const status of [303, 307]) {
    it(`${status}: exit 5 with the key, nothing sent again, reconcile finds the one charge`, async () => {
      proxy = await redirectingProxy(sandbox.url, status);
      const paid = await runCli(['pay', '--amount', '10', '--yes'], { env: env() });

      expect(paid.code, paid.stderr).toBe(5);
      const keys = await journalKeys();
      expect(keys).toHaveLength(1);
      expect(paid.stderr).toContain(keys[0]);
      const charged = await apiPayments();
      expect(charged.map((p) => p.correlatorId)).toEqual(keys);

      const again = await runCli(['pay', '--amount', '10', '--yes'], { env: env() });
      expect(again.code).toBe(5);
      const postsBeforeReconcile = proxy.posts;

      const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
      expect(settled.code, settled.stderr).toBe(0);
      expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key: keys[0], outcome: 'charged', payment: charged[0]!.id })]);
      expect(proxy.posts).toBe(postsBeforeReconcile);
      expect(await apiPayments()).toHaveLength(1);
    });
  }
});
