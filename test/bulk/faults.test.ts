/**
 * A server that rate-limits (429 + Retry-After) and fails now and then (503): the run still
 * completes, no request is retried before the server said it may be, and the request count stays
 * bounded. A server that keeps failing trips the circuit breaker.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { startProxy, type Proxy } from './proxy.js';

const ACCOUNTS = Array.from({ length: 120 }, (_, i) => `BA-${100001 + i}`);
const CONCURRENCY = 8;
let sandbox: TestSandbox;
let proxy: Proxy;
let dir: string;
let list: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ syntheticAccounts: ACCOUNTS.length });
  proxy = await startProxy(sandbox.url);
  dir = await mkdtemp(join(tmpdir(), 'espace-bulk-faults-'));
  list = join(dir, 'accounts.txt');
  await writeFile(list, `${ACCOUNTS.join('\n')}\n`);
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  proxy.log.length = 0;
  proxy.setFault(() => undefined);
});

const run = (extra: string[] = []) =>
  runCli(['bill', 'show', '--accounts-from', list, '--concurrency', String(CONCURRENCY), '--journal', join(dir, `${Math.random()}.journal`), ...extra], {
    env: { ESPACE_API_URL: proxy.url, ESPACE_TOKEN: sandbox.tokens.agent, ESPACE_CONFIG_DIR: join(dir, 'config') },
  });

it('rides out 429s with Retry-After and intermittent 503s, retrying nothing before the server said', async () => {
  const RETRY_AFTER_S = 1;
  let notBefore = 0;
  let episodes = 0;
  let served = 0;
  /** When each URL last got a 429, and how long the server asked to wait. */
  const limited = new Map<string, number>();
  const earlyRetries: string[] = [];
  proxy.setFault((request, now) => {
    const url = request.url ?? '';
    const since = limited.get(url);
    if (since !== undefined && now < since + RETRY_AFTER_S * 1000) earlyRetries.push(url);
    limited.delete(url);
    if (now < notBefore || (++served % 90 === 0 && episodes < 3)) {
      if (now >= notBefore) {
        episodes++;
        notBefore = now + RETRY_AFTER_S * 1000;
      }
      limited.set(url, now);
      return { status: 429, headers: { 'retry-after': String(RETRY_AFTER_S) } };
    }
    if (served % 37 === 0) return { status: 503 };
    return undefined;
  });
  const result = await run();
  expect(result.stderr).toContain(`${ACCOUNTS.length} accounts: ${ACCOUNTS.length} ok, 0 failed`);
  expect(result.code).toBe(0);
  expect(episodes).toBe(3);
  expect(earlyRetries).toEqual([]);
  const injected = proxy.log.filter((entry) => entry.injected !== undefined);
  // Requests caught by a rate-limit window: at most what the workers had started before they
  // could see the 429, not a stream of fresh requests (the gate holds every worker).
  expect(injected.filter((entry) => entry.injected === 429).length).toBeLessThanOrEqual(episodes * CONCURRENCY * 3);
  // Three requests per account reach the sandbox; every other request was answered by a fault.
  expect(proxy.log.length - injected.length).toBe(ACCOUNTS.length * 3);
});

it('stops with a clear message when the server keeps failing, without hammering it', async () => {
  proxy.setFault(() => ({ status: 503 }));
  const result = await run(['--resume']);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/stopped: the server failed \d+ lookups in a row/);
  expect(result.stderr).toContain('--resume');
  // The breaker opens after 25 failed lookups; each one is one request and its 4 retries.
  expect(proxy.log.length).toBeLessThanOrEqual((25 + CONCURRENCY) * 5);
  const written = result.stdout.trim().split('\n').filter(Boolean);
  expect(written.length).toBeLessThan(ACCOUNTS.length);
});
