/**
 * Ctrl-C (SIGINT) or SIGTERM during `payment reconcile`, the built CLI as a process: while it only
 * searches for the payment, a plain cancel (exit 130), the journal entry kept and nothing sent;
 * while it sends the payment again, "not known yet" with the key (exit 5), the entry kept — the
 * charge the server made then is found by the next reconcile, once.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { PAYMENTS, usePaymentBench } from './fault-bench.js';
import { spawnEspace } from './spawned.js';

// Every request to the payments collection is watched: the payment's POST and reconcile's search.
const bench = usePaymentBench({ homePrefix: 'espace-reconcile-signal-', watch: (_method, path) => path.startsWith(PAYMENTS) });
const { env, journalKeys, apiPayments } = bench;

/** A journaled payment the server never saw: `pay` stopped while its request was kept by the proxy. */
async function unknownPayment(): Promise<string> {
  const before = await journalKeys();
  bench.proxy.plan('swallow');
  const paying = spawnEspace(['pay', '--yes', '--amount', '10'], env());
  await bench.proxy.waitFor((log) => log.some((request) => request.method === 'POST'));
  paying.child.kill('SIGTERM');
  const paid = await paying.done;
  expect(paid.code).toBe(5);
  const keys = (await journalKeys()).filter((candidate) => !before.includes(candidate));
  expect(keys).toHaveLength(1);
  expect(await apiPayments()).toEqual([]);
  bench.proxy.log.length = 0;
  return keys[0]!;
}

describe('a signal during payment reconcile', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while it searches: cancelled (exit 130), the entry kept, nothing sent`, async () => {
      const key = await unknownPayment();
      // The search is kept by the proxy: reconcile waits for its answer when the signal comes.
      bench.proxy.plan('swallow');
      const reconciling = spawnEspace(['payment', 'reconcile'], env());
      await bench.proxy.waitFor((log) => log.some((request) => request.method === 'GET'));
      reconciling.child.kill(signal);
      const result = await reconciling.done;

      expect(result.signal).toBeNull();
      expect(result.code).toBe(130);
      expect(await journalKeys()).toEqual([key]);
      expect(bench.proxy.log.filter((request) => request.method === 'POST')).toEqual([]);
      expect(await apiPayments()).toEqual([]);

      // The next reconcile settles it: one charge.
      const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
      expect(settled.code).toBe(0);
      expect((await apiPayments()).map((payment) => payment.correlatorId)).toEqual([key]);
      expect(await journalKeys()).toEqual([]);
    });

    it(`${signal} while it sends the payment again: "not known yet" with the key (exit 5), the entry kept; the next reconcile finds the one charge`, async () => {
      const key = await unknownPayment();
      // The search passes (nothing has the key); the new POST is charged and its answer held back.
      bench.proxy.plan('pass', 'hold');
      const reconciling = spawnEspace(['payment', 'reconcile'], env());
      await bench.proxy.waitFor((log) => log.some((request) => request.method === 'POST' && request.upstreamStatus === 201));
      reconciling.child.kill(signal);
      const result = await reconciling.done;

      expect(result.signal).toBeNull();
      expect(result.code).toBe(5);
      expect(result.stderr).toContain(`the outcome of payment ${key} (bill`);
      expect(result.stderr).toMatch(/not known yet/);
      expect(await journalKeys()).toEqual([key]);
      expect(bench.proxy.log.filter((request) => request.method === 'POST').map((request) => request.idempotencyKey)).toEqual([key]);

      bench.proxy.release();
      const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
      expect(settled.code).toBe(0);
      const payments = await apiPayments();
      expect(payments.map((payment) => payment.correlatorId)).toEqual([key]);
      expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key, outcome: 'charged', payment: payments[0]!.id })]);
      expect(await journalKeys()).toEqual([]);
    });
  }

  it('with --json, the entries dealt with before the signal are still reported', async () => {
    // An entry of another server first (reconcile reports it and moves on), then one of this server's.
    const other = await startFaultProxy(bench.sandbox.url, (method, path) => method === 'POST' && path.startsWith(PAYMENTS));
    try {
      other.plan('swallow');
      const paying = spawnEspace(['pay', '--yes', '--amount', '10'], { ...env(), ESPACE_API_URL: other.url });
      await other.waitFor((log) => log.length === 1);
      paying.child.kill('SIGTERM');
      expect((await paying.done).code).toBe(5);
    } finally {
      await other.close();
    }
    const [otherKey] = await journalKeys();
    const key = await unknownPayment();
    expect(key).not.toBe(otherKey);

    bench.proxy.plan('swallow');
    const reconciling = spawnEspace(['payment', 'reconcile', '--json'], env());
    await bench.proxy.waitFor((log) => log.some((request) => request.method === 'GET'));
    reconciling.child.kill('SIGINT');
    const result = await reconciling.done;

    expect(result.code).toBe(130);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ key: otherKey, outcome: 'otherServer', apiUrl: other.url })]);
    expect((await journalKeys()).sort()).toEqual([key, otherKey].sort());
  });
});
