/**
 * The first payment request reaches the real sandbox and is charged, its answer is lost; the
 * retry is answered by something in front of the server (a gateway, a proxy, a firewall) with a
 * 4xx. That refusal proves nothing about the key: `pay` keeps the journal entry and exits 5, a
 * second `pay` of the bill sends nothing, `payment reconcile` finds the one charge, and the bill
 * is then settled: exactly one payment in the sandbox.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const PAYMENTS = '/paymentManagement/v4/payment';

let sandbox: TestSandbox;
let proxy: FaultProxy;
let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-pay-refusal-'));
  sandbox = await startTestSandbox();
  proxy = await startFaultProxy(sandbox.url, (method, path) => method === 'POST' && path.startsWith(PAYMENTS));
});
afterEach(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

const env = () => ({
  ESPACE_API_URL: proxy.url,
  ESPACE_TOKEN: sandbox.tokens.marie,
  ESPACE_CONFIG_DIR: join(home, 'config'),
  ESPACE_DATA_DIR: join(home, 'data'),
});

async function journalKeys(): Promise<string[]> {
  try {
    return (await readdir(join(home, 'data', 'payment-journal'))).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
  } catch {
    return [];
  }
}

/** Payments made through the API (the seeded history has no correlatorId), asked of the sandbox itself. */
async function apiPayments(): Promise<Array<{ id: string; correlatorId: string }>> {
  const res = await fetch(`${sandbox.url}${PAYMENTS}?account.id=BA-1001&limit=1000`, { headers: { authorization: `Bearer ${sandbox.tokens.marie}` } });
  const all = (await res.json()) as Array<{ id: string; correlatorId?: string }>;
  return all.filter((p): p is { id: string; correlatorId: string } => p.correlatorId !== undefined);
}

describe('a lost answer, then a refusal of the retry by something in front of the server', () => {
  for (const status of [400, 403, 404, 408, 413]) {
    it(`${status} on the retry: exit 5 with the key, nothing sent again, reconcile finds the one charge`, async () => {
      // A 408 invites a repeat (RFC 9110), so `pay` tries once more: the gateway answers it the same.
      const refusals = status === 408 ? 2 : 1;
      proxy.plan('loseResponse', ...Array<`answer${number}`>(refusals).fill(`answer${status}`));
      const paid = await runCli(['pay', '--yes'], { env: env() });

      expect(paid.code).toBe(5);
      const keys = await journalKeys();
      expect(keys).toHaveLength(1);
      const key = keys[0]!;
      expect(paid.stderr).toContain(key);
      expect(paid.stderr).toMatch(/espace payment reconcile/);
      expect(proxy.log.map((r) => r.fault)).toEqual(['loseResponse', ...Array(refusals).fill(`answer${status}`)]);
      expect(proxy.log.every((r) => r.idempotencyKey === key)).toBe(true);
      const charged = await apiPayments();
      expect(charged.map((p) => p.correlatorId)).toEqual([key]);

      // Paying the bill again before it is settled would be the double charge: refused, nothing sent.
      const again = await runCli(['pay', '--yes'], { env: env() });
      expect(again.code).toBe(5);
      expect(again.stderr).toContain(key);
      expect(proxy.log).toHaveLength(1 + refusals);

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
    proxy.plan('answer400');
    const paid = await runCli(['pay', '--yes'], { env: env() });
    expect(paid.code).toBe(1);
    expect(proxy.log).toHaveLength(1);
    expect(await journalKeys()).toEqual([]);
    expect(await apiPayments()).toEqual([]);
  });

  it('a 503, then a 403: unknown (exit 5) although nothing was charged; reconcile then charges it once', async () => {
    proxy.plan('answer503', 'answer403');
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
    proxy.plan('loseResponse');
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
