/**
 * The first payment request reaches the real sandbox and is charged, its answer is lost; the
 * retry is answered by something in front of the server (a gateway, a proxy, a firewall) with a
 * 4xx. That refusal proves nothing about the key: `pay` keeps the journal entry and exits 5, a
 * second `pay` of the bill sends nothing, `payment reconcile` finds the one charge, and the bill
 * is then settled: exactly one payment in the sandbox.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { PAYMENTS, usePaymentBench } from './fault-bench.js';

const bench = usePaymentBench({ homePrefix: 'espace-pay-refusal-', watch: (method, path) => method === 'POST' && path.startsWith(PAYMENTS) });
const { env, journalKeys, apiPayments } = bench;

describe('a lost answer, then a refusal of the retry by something in front of the server', () => {
  for (const status of [400, 403, 404, 408, 413]) {
    it(`${status} on the retry: exit 5 with the key, nothing sent again, reconcile finds the one charge`, async () => {
      // A 408 invites a repeat (RFC 9110), so `pay` tries once more: the gateway answers it the same.
      const refusals = status === 408 ? 2 : 1;
      bench.proxy.plan('loseResponse', ...Array<`answer${number}`>(refusals).fill(`answer${status}`));
      const paid = await runCli(['pay', '--yes'], { env: env() });

      expect(paid.code).toBe(5);
      const keys = await journalKeys();
      expect(keys).toHaveLength(1);
      const key = keys[0]!;
      expect(paid.stderr).toContain(key);
      expect(paid.stderr).toMatch(/espace payment reconcile/);
      expect(bench.proxy.log.map((r) => r.fault)).toEqual(['loseResponse', ...Array(refusals).fill(`answer${status}`)]);
      expect(bench.proxy.log.every((r) => r.idempotencyKey === key)).toBe(true);
      const charged = await apiPayments();
      expect(charged.map((p) => p.correlatorId)).toEqual([key]);

      // Paying the bill again before it is settled would be the double charge: refused, nothing sent.
      const again = await runCli(['pay', '--yes'], { env: env() });
      expect(again.code).toBe(5);
      expect(again.stderr).toContain(key);
      expect(bench.proxy.log).toHaveLength(1 + refusals);

      const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
      expect(settled.code).toBe(0);
      expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key, outcome: 'charged', payment: charged[0]!.id })]);
      expect(await journalKeys()).toEqual([]);

      // The bill is paid: a new `pay` has nothing to charge.
      const after = await runCli(['pay', '--yes'], { env: env() });
      expect(after.code).toBe(1);
      expect(after.stderr).toMatch(/settled/);
      expect(await apiPayments()).toHaveLength(1);
    });
  }

  it('the same refusal answered to the first attempt is final: nothing charged, nothing kept (exit 1)', async () => {
    bench.proxy.plan('answer400');
    const paid = await runCli(['pay', '--yes'], { env: env() });
    expect(paid.code).toBe(1);
    expect(bench.proxy.log).toHaveLength(1);
    expect(await journalKeys()).toEqual([]);
    expect(await apiPayments()).toEqual([]);
  });

  it('a 503, then a 403: unknown (exit 5) although nothing was charged; reconcile then charges it once', async () => {
    bench.proxy.plan('answer503', 'answer403');
    const paid = await runCli(['pay', '--yes'], { env: env() });
    expect(paid.code).toBe(5);
    const [key] = await journalKeys();
    expect(paid.stderr).toContain(key);
    expect(await apiPayments()).toEqual([]);

    const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
    expect(settled.code).toBe(0);
    const payments = await apiPayments();
    expect(payments.map((p) => p.correlatorId)).toEqual([key]);
    expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key, outcome: 'charged', payment: payments[0]!.id })]);
  });

  it('a declined card whose answer was lost: unknown at first, then reconcile reads the stored refusal and charges nothing', async () => {
    bench.proxy.plan('loseResponse');
    const paid = await runCli(['pay', '--yes', '--method', 'PM-1001-2'], { env: env() });
    expect(paid.code).toBe(5);
    const [key] = await journalKeys();
    expect(key).toBeDefined();

    const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
    expect(settled.code).toBe(0);
    expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key, outcome: 'notCharged' })]);
    expect(JSON.parse(settled.stdout)[0].reason).toMatch(/declined/);
    expect(await journalKeys()).toEqual([]);
    expect(await apiPayments()).toEqual([]);
  });
});
