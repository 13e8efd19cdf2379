/**
 * SIGTERM or Ctrl-C (SIGINT) while the payment's request is with the server: the charge may be
 * made, so `pay` says the outcome is not known yet, names the key and how to reconcile, keeps
 * the journal entry and exits 5, not 130. `payment reconcile` then finds the one charge.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { PAYMENTS, usePaymentBench } from './fault-bench.js';
import { spawnEspace } from './spawned.js';

const bench = usePaymentBench({ homePrefix: 'espace-pay-signal-', watch: (method, path) => method === 'POST' && path.startsWith(PAYMENTS) });
const { env, journalKeys, apiPayments } = bench;

describe('a signal while the payment is in flight', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: "not known yet" with the key, entry kept, exit 5; reconcile finds the charge`, async () => {
      // The sandbox charges; its answer is held back as a slow card network would.
      bench.proxy.plan('hold');
      const paying = spawnEspace(['pay', '--yes', '--amount', '10'], env());
      await bench.proxy.waitFor((log) => log[0]?.upstreamStatus === 201);
      paying.child.kill(signal);
      const result = await paying.done;

      expect(result.signal).toBeNull();
      expect(result.code).toBe(5);
      const keys = await journalKeys();
      expect(keys).toHaveLength(1);
      expect(result.stderr).toContain(`the outcome of payment ${keys[0]} (bill`);
      expect(result.stderr).toMatch(/not known yet/);
      expect(result.stderr).toMatch(/espace payment reconcile/);
      expect(bench.proxy.log).toHaveLength(1);

      const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
      expect(settled.code).toBe(0);
      const payments = await apiPayments();
      expect(payments.map((p) => p.correlatorId)).toEqual(keys);
      expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key: keys[0], outcome: 'charged', payment: payments[0]!.id })]);
      expect(await journalKeys()).toEqual([]);
    });
  }

  it('Ctrl-C pressed again and again while it stops: never killed silently, every extra one explains again, exit 5', async () => {
    bench.proxy.plan('hold');
    const paying = spawnEspace(['pay', '--yes', '--amount', '10'], env());
    await bench.proxy.waitFor((log) => log[0]?.upstreamStatus === 201);
    let ended = false;
    void paying.done.then(() => (ended = true));
    // A person hammering Ctrl-C: a signal on every turn of the test's event loop until the process is gone.
    let sent = 0;
    while (!ended) {
      if (paying.child.kill('SIGINT')) sent += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await paying.done;

    expect(sent).toBeGreaterThan(1);
    // Default Ctrl-C handling would have ended it by the signal, with nothing said after the first.
    expect(result.signal, result.stderr).toBeNull();
    expect(result.code).toBe(5);
    const [key] = await journalKeys();
    expect(result.stderr).toContain(`the outcome of payment ${key} (bill`);
    // Each repeat that reached the process said the same, with the key and what to run.
    const repeats = result.stderr.split('\n').filter((line) => line.startsWith('The outcome of payment'));
    for (const line of repeats)
      expect(line).toBe(
        `The outcome of payment ${key} is not known yet; espace is stopping and keeps its key. Run \`espace payment reconcile\` to settle it (it never charges twice).`,
      );
    expect(repeats.length).toBeLessThan(sent);

    expect((await runCli(['payment', 'reconcile', '--json'], { env: env() })).code).toBe(0);
    expect((await apiPayments()).map((p) => p.correlatorId)).toEqual([key]);
  });

  it('before the request reached the server: still "not known yet" (exit 5), and reconcile makes the one charge', async () => {
    bench.proxy.plan('swallow');
    const paying = spawnEspace(['pay', '--yes', '--amount', '10'], env());
    await bench.proxy.waitFor((log) => log.length === 1);
    paying.child.kill('SIGTERM');
    const result = await paying.done;

    expect(result.code).toBe(5);
    const [key] = await journalKeys();
    expect(result.stderr).toContain(key);
    expect(await apiPayments()).toEqual([]);

    const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
    expect(settled.code).toBe(0);
    expect((await apiPayments()).map((p) => p.correlatorId)).toEqual([key]);
  });
});
