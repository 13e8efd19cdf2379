/**
 * Exactly-once payments through a fault-injecting proxy between the CLI and a real sandbox:
 * whatever the network does, or if the CLI is killed, the sandbox ends up with exactly one
 * payment and what the CLI reports (at once, or after `payment reconcile`) is that payment.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hold, type Hold } from '../helpers/hold.js';
import { ESPACE_BIN } from '../helpers/spawn.js';
import { PAYMENTS, usePaymentBench } from './fault-bench.js';
import { processEnv } from '../helpers/env.js';

const bench = usePaymentBench({ homePrefix: 'espace-pay-', watch: (method, path) => method === 'POST' && path.startsWith(PAYMENTS), startEach: false });
const { env, journalKeys, apiPayments: newPayments } = bench;
const journalDir = () => bench.journalDir();

async function setUp(options: { gateway?: Hold } = {}) {
  await bench.start({ holdPayments: options.gateway?.wait });
}

const pay = (...extra: string[]) => runCli(['pay', '--yes', '--amount', '10', ...extra], { env: env() });
const reconcile = () => runCli(['payment', 'reconcile', '--json'], { env: env() });

describe('pay through a faulty network', () => {
  it('answer lost once after the charge: the retry with the same key gets the same payment', async () => {
    await setUp();
    bench.proxy.plan('loseResponse');
    const result = await pay('--json');
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    const payments = await newPayments();
    expect(payments).toHaveLength(1);
    expect(JSON.parse(result.stdout).id).toBe(payments[0]!.id);
    expect(new Set(bench.proxy.log.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(bench.proxy.log).toHaveLength(2);
    expect(await journalKeys()).toEqual([]);
  });

  it('answer lost on every attempt: exit 5 with the key, then reconcile finds the one payment', async () => {
    await setUp();
    bench.proxy.plan('loseResponse', 'loseResponse', 'loseResponse');
    const result = await pay();
    expect(result.code).toBe(5);
    const [key] = await journalKeys();
    expect(result.stderr).toContain(key);
    expect(result.stderr).toMatch(/payment reconcile/);
    const charged = await newPayments();
    expect(charged).toHaveLength(1);
    expect(charged[0]!.correlatorId).toBe(key);

    // Paying the same bill again now could pay it twice: refused until reconciled, nothing sent.
    const sent = bench.proxy.log.length;
    const again = await pay();
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/earlier payment of bill .* unknown outcome/);
    expect(bench.proxy.log.length).toBe(sent);

    const settled = await reconcile();
    expect(settled.code).toBe(0);
    const report = JSON.parse(settled.stdout);
    expect(report).toEqual([expect.objectContaining({ key, outcome: 'charged', payment: charged[0]!.id })]);
    expect(await newPayments()).toHaveLength(1);
    expect(await journalKeys()).toEqual([]);
  });

  it('request dropped before it arrived, every attempt: exit 5, nothing charged, reconcile charges it once', async () => {
    await setUp();
    bench.proxy.plan('dropRequest', 'dropRequest', 'dropRequest');
    const result = await pay();
    expect(result.code).toBe(5);
    expect(await newPayments()).toHaveLength(0);
    const [key] = await journalKeys();

    const settled = await reconcile();
    expect(settled.code).toBe(0);
    const payments = await newPayments();
    expect(payments).toHaveLength(1);
    expect(payments[0]!.correlatorId).toBe(key);
    expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key, outcome: 'charged', payment: payments[0]!.id })]);
    // A second reconcile has nothing left to do and charges nothing.
    expect((await runCli(['payment', 'reconcile'], { env: env() })).code).toBe(0);
    expect(await newPayments()).toHaveLength(1);
  });

  it('connection reset in the middle of the request body: the server charges nothing for it, the retry pays once', async () => {
    await setUp();
    bench.proxy.plan('resetMidRequest');
    const result = await pay('--json');
    expect(result.code).toBe(0);
    const payments = await newPayments();
    expect(payments).toHaveLength(1);
    expect(JSON.parse(result.stdout).id).toBe(payments[0]!.id);
    expect(bench.proxy.log.map((r) => r.fault)).toEqual(['resetMidRequest', 'pass']);
  });

  it('connection reset in the middle of the answer: one payment, reported once', async () => {
    await setUp();
    bench.proxy.plan('resetMidBody', 'resetMidBody', 'resetMidBody');
    const result = await pay();
    expect(result.code).toBe(5);
    const settled = await reconcile();
    expect(settled.code).toBe(0);
    const payments = await newPayments();
    expect(payments).toHaveLength(1);
    expect(JSON.parse(settled.stdout)[0]).toMatchObject({ outcome: 'charged', payment: payments[0]!.id });
    expect(bench.proxy.log.every((r) => r.upstreamStatus === 201)).toBe(true);
  });

  it('a repeat while the first attempt still runs gets 409, then the single charge', async () => {
    const gateway = hold();
    await setUp({ gateway });
    bench.proxy.plan('abandon');
    const paying = pay('--json');
    // The first attempt stays in the sandbox's gateway until a repeat has met it there.
    await bench.proxy.waitFor((log) => log.some((r) => r.upstreamStatus === 409));
    gateway.release();
    const result = await paying;
    expect(result.code).toBe(0);
    const payments = await newPayments();
    expect(payments).toHaveLength(1);
    expect(JSON.parse(result.stdout).id).toBe(payments[0]!.id);
    await bench.proxy.waitFor((log) => log[0]?.upstreamStatus !== undefined);
    expect(bench.proxy.log.map((r) => r.upstreamStatus)).toContain(409);
    expect(bench.proxy.log[0]!.upstreamStatus).toBe(201);
  });

  it('a declined card is refused once, not retried, and leaves nothing pending', async () => {
    await setUp();
    const result = await pay('--method', 'PM-1001-2');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/declined/);
    expect(bench.proxy.log).toHaveLength(1);
    expect(await newPayments()).toHaveLength(0);
    expect(await journalKeys()).toEqual([]);
  });

  it('reconcile of a key the server knows with another body: 422, not retried, not charged', async () => {
    await setUp();
    expect((await pay()).code).toBe(0);
    const [first] = await newPayments();
    const key = first!.correlatorId;
    // A journal entry reusing that key with another amount, as a corrupted or tampered journal would.
    const request = {
      correlatorId: key,
      account: { id: 'BA-1001' },
      totalAmount: { unit: 'CAD', value: 11 },
      paymentMethod: { id: 'PM-1001-1' },
      paymentItem: [{ item: { id: 'CB-X', '@referredType': 'CustomerBill' }, totalAmount: { unit: 'CAD', value: 11 } }],
      '@type': 'Payment',
    };
    await writeFile(
      join(journalDir(), `${key}.json`),
      JSON.stringify({
        version: 1,
        key,
        apiUrl: bench.proxy.url,
        accountId: 'BA-9999',
        billId: 'CB-X',
        amount: { amount: 1100, currency: 'CAD' },
        methodId: 'PM-1001-1',
        createdAt: new Date().toISOString(),
        request,
      }),
      { mode: 0o600 },
    );
    const before = bench.proxy.log.length;
    const settled = await reconcile();
    expect(settled.code).toBe(0);
    expect(JSON.parse(settled.stdout)[0]).toMatchObject({ key, outcome: 'notCharged' });
    expect(JSON.parse(settled.stdout)[0].reason).toMatch(/422/);
    expect(bench.proxy.log.length - before).toBe(1);
    expect(await newPayments()).toHaveLength(1);
  });
});

describe('the CLI killed while the payment is in flight', () => {
  /** Starts the built CLI paying; resolves with the child once the proxy has the request. */
  async function payInChild() {
    const child = spawn(process.execPath, [ESPACE_BIN, 'pay', '--yes', '--amount', '10'], {
      env: processEnv(env()),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? null : _code)));
    return { child, exited };
  }

  it('after the server charged: reconcile reports that payment, and there is one', async () => {
    await setUp();
    bench.proxy.plan('hold');
    const { child, exited } = await payInChild();
    await bench.proxy.waitFor((log) => log[0]?.upstreamStatus === 201);
    child.kill('SIGKILL');
    expect(await exited).toBeNull();
    const [key] = await journalKeys();
    expect(key).toBeDefined();

    const warned = await runCli(['pay', '--amount', '1'], { env: env() });
    expect(warned.stderr).toMatch(/earlier payment\(s\) have an unknown outcome/);
    expect(warned.code).toBe(5);

    const settled = await reconcile();
    expect(settled.code).toBe(0);
    const payments = await newPayments();
    expect(payments).toHaveLength(1);
    expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key, outcome: 'charged', payment: payments[0]!.id })]);
  });

  it('before the request reached the server: reconcile charges it, once', async () => {
    await setUp();
    bench.proxy.plan('swallow');
    const { child, exited } = await payInChild();
    await bench.proxy.waitFor((log) => log.length === 1);
    child.kill('SIGKILL');
    await exited;
    expect(await newPayments()).toHaveLength(0);
    const [key] = await journalKeys();

    const settled = await reconcile();
    expect(settled.code).toBe(0);
    const payments = await newPayments();
    expect(payments).toHaveLength(1);
    expect(payments[0]!.correlatorId).toBe(key);
    expect(JSON.parse(settled.stdout)[0]).toMatchObject({ outcome: 'charged', payment: payments[0]!.id });
  });
});
