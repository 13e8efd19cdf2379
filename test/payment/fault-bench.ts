/**
 * The bench of the payment fault tests: a fresh home directory, a real sandbox and a fault proxy
 * in front of it for each test, torn down after it, with what those tests ask of them (the CLI's
 * environment, the journal's keys, the payments the API made).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

export const PAYMENTS = '/paymentManagement/v4/payment';

/** A payment made through the API (the seeded history has no correlatorId). */
export interface ApiPayment {
  id: string;
  correlatorId: string;
  totalAmount: { value: number };
}

export interface PaymentBench {
  readonly sandbox: TestSandbox;
  readonly proxy: FaultProxy;
  readonly home: string;
  /** Starts the sandbox (with these options) and the proxy; done before each test unless `startEach` is false. */
  start(sandboxOptions?: Parameters<typeof startTestSandbox>[0]): Promise<void>;
  /** The CLI's environment: through the proxy, as Marie, with config and data in the home directory. */
  env(): Record<string, string | undefined>;
  journalDir(): string;
  /** The idempotency keys of the journal's entries. */
  journalKeys(): Promise<string[]>;
  /** Payments made through the API, asked of the sandbox itself (not through the proxy). */
  apiPayments(): Promise<ApiPayment[]>;
}

/**
 * Registers the bench's hooks in the calling test file. `watch` picks the requests the proxy
 * applies its planned faults to; held requests are released before the proxy closes.
 */
export function usePaymentBench(options: { homePrefix: string; watch: (method: string, path: string) => boolean; startEach?: boolean }): PaymentBench {
  let sandbox: TestSandbox | undefined;
  let proxy: FaultProxy | undefined;
  let home = '';
  const bench: PaymentBench = {
    get sandbox() {
      return sandbox!;
    },
    get proxy() {
      return proxy!;
    },
    get home() {
      return home;
    },
    async start(sandboxOptions = {}) {
      sandbox = await startTestSandbox(sandboxOptions);
      proxy = await startFaultProxy(sandbox.url, options.watch);
    },
    env: () => cliEnv({ url: proxy!.url, token: sandbox!.tokens.marie, home }),
    journalDir: () => join(home, 'data', 'payment-journal'),
    async journalKeys() {
      try {
        return (await readdir(bench.journalDir())).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
      } catch {
        return [];
      }
    },
    async apiPayments() {
      const res = await fetch(`${sandbox!.url}${PAYMENTS}?account.id=BA-1001&limit=1000`, { headers: { authorization: `Bearer ${sandbox!.tokens.marie}` } });
      const all = (await res.json()) as Array<Omit<ApiPayment, 'correlatorId'> & { correlatorId?: string }>;
      return all.filter((p): p is ApiPayment => p.correlatorId !== undefined);
    },
  };
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), options.homePrefix));
    if (options.startEach !== false) await bench.start();
  });
  afterEach(async () => {
    proxy?.release();
    await proxy?.close();
    await sandbox?.close();
    proxy = undefined;
    sandbox = undefined;
    await rm(home, { recursive: true, force: true });
  });
  return bench;
}
