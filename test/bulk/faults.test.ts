/**
 * A server that rate-limits (429 + Retry-After) and fails now and then (503): the run still
 * completes, no request is retried before the server said it may be, and the request count stays
 * bounded. A server that keeps failing trips the circuit breaker. Both one account at a time and
 * in batches.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { startBulkFixture } from './fixture.js';
import { lookupsPerAccount, type Proxy } from './proxy.js';
import { cliEnv } from '../helpers/env.js';

const ACCOUNTS = Array.from({ length: 120 }, (_, i) => `BA-${100001 + i}`);
const CONCURRENCY = 8;
let sandbox: TestSandbox;
let proxy: Proxy;
let dir: string;
let list: string;
let close: () => Promise<void>;

beforeAll(async () => ({ sandbox, proxy, dir, list, close } = await startBulkFixture(ACCOUNTS)));
afterAll(() => close?.());
beforeEach(() => proxy.reset());

const run = (extra: string[] = []) =>
  runCli(['bill', 'show', '--accounts-from', list, '--concurrency', String(CONCURRENCY), '--journal', join(dir, `${Math.random()}.journal`), ...extra], {
    env: cliEnv({ url: proxy.url, token: sandbox.tokens.agent, home: dir }),
  });

/** Per-account lookups make three requests each; batches (15 accounts: 120 over 8 workers) two each. */
const MODES = [
  { mode: 'one account at a time', args: ['--batch-size', '1'], limitEvery: 90, failEvery: 37, forwarded: ACCOUNTS.length * 3 },
  { mode: 'in batches', args: [], limitEvery: 5, failEvery: 3, forwarded: (ACCOUNTS.length / 15) * 2 },
];

describe.each(MODES)('$mode', ({ args, limitEvery, failEvery, forwarded }) => {
  it('rides out 429s with Retry-After and intermittent 503s, retrying nothing before the server said', async () => {
    const RETRY_AFTER_S = 1;
    let notBefore = 0;
    let episodes = 0;
    let served = 0;
    /** When each URL last got a 429, and how long the server asked to wait. */
    const limited = new Map<string, number>();
    const earlyRetries: string[] = [];
    /** Faults per URL: at most two, so that no request runs out of retries and the count is exact. */
    const faults = new Map<string, number>();
    proxy.setFault((request, now) => {
      const url = request.url ?? '';
      const since = limited.get(url);
      if (since !== undefined && now < since + RETRY_AFTER_S * 1000) earlyRetries.push(url);
      limited.delete(url);
      if ((faults.get(url) ?? 0) >= 2) return undefined;
      if (now < notBefore || (++served % limitEvery === 0 && episodes < 3)) {
        if (now >= notBefore) {
          episodes++;
          notBefore = now + RETRY_AFTER_S * 1000;
        }
        limited.set(url, now);
        faults.set(url, (faults.get(url) ?? 0) + 1);
        return { status: 429, headers: { 'retry-after': String(RETRY_AFTER_S) } };
      }
      if (served % failEvery === 0) {
        faults.set(url, (faults.get(url) ?? 0) + 1);
        return { status: 503 };
      }
      return undefined;
    });
    const result = await run(args);
    expect(result.stderr).toContain(`${ACCOUNTS.length} accounts: ${ACCOUNTS.length} ok, 0 failed`);
    expect(result.code).toBe(0);
    expect(episodes).toBe(3);
    expect(earlyRetries).toEqual([]);
    const injected = proxy.log.filter((entry) => entry.injected !== undefined);
    // Requests caught by a rate-limit window: at most what the workers had started before they
    // could see the 429, not a stream of fresh requests (the gate holds every worker).
    expect(injected.filter((entry) => entry.injected === 429).length).toBeLessThanOrEqual(episodes * CONCURRENCY * 3);
    // Exactly the requests the run needs reach the sandbox; every other one was answered by a fault.
    expect(proxy.log.length - injected.length).toBe(forwarded);
    expect([...lookupsPerAccount(proxy.log).values()].filter((count) => count !== 1)).toEqual([]);
  });

  it('stops with a clear message when the server keeps failing, without hammering it', async () => {
    proxy.setFault(() => ({ status: 503 }));
    const result = await run([...args, '--resume']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/stopped: the server failed \d+ lookups in a row/);
    expect(result.stderr).toContain('--resume');
    // The breaker opens after 25 failed lookups (a failed batch counts as one); each is one
    // request and its 4 retries.
    expect(proxy.log.length).toBeLessThanOrEqual((25 + CONCURRENCY) * 5);
    const written = result.stdout.trim().split('\n').filter(Boolean);
    expect(written.length).toBeLessThan(ACCOUNTS.length);
  });
});
