/**
 * A payment's requests keep the command's deadline (`--timeout`, ESPACE_TIMEOUT, the context's):
 * the server takes the payment and then never answers. `pay` gives up at that deadline, not at a
 * default of its own, keeps the journal entry and exits 5 with the key; once the server answers
 * again, `payment reconcile` finds the one charge.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

const PAYMENTS = '/paymentManagement/v4/payment';

let sandbox: TestSandbox;
let proxy: FaultProxy;
let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-pay-deadline-'));
  sandbox = await startTestSandbox();
  proxy = await startFaultProxy(sandbox.url, (method, path) => method === 'POST' && path.startsWith(PAYMENTS));
});
afterEach(async () => {
  proxy?.release();
  await proxy?.close();
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => cliEnv({ url: proxy.url, token: sandbox.tokens.marie, home, extra });

const journalKeys = async () => (await readdir(join(home, 'data', 'payment-journal'))).filter((name) => name.endsWith('.json'));

it('pay against a server that takes the payment and never answers: exit 5 at the --timeout deadline, reconcile finds the one charge', async () => {
  proxy.plan('hold', 'hold', 'hold');
  const paid = await runCli(['pay', '--yes', '--timeout', '1'], { env: env() });

  expect(paid.code, paid.stderr).toBe(5);
  expect(paid.stderr).toMatch(/POST \/paymentManagement\/v4\/payment did not complete within its 1 s deadline/);
  const [file] = await journalKeys();
  const key = file!.replace(/\.json$/, '');
  expect(paid.stderr).toContain(key);
  expect(proxy.log.length).toBeGreaterThanOrEqual(1);
  expect(proxy.log.every((request) => request.idempotencyKey === key)).toBe(true);

  proxy.release();
  const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
  expect(settled.code, settled.stderr).toBe(0);
  const [report] = JSON.parse(settled.stdout) as Array<{ key: string; outcome: string }>;
  expect(report).toMatchObject({ key, outcome: 'charged' });
  expect(await journalKeys()).toEqual([]);
}, 300_000);

it('the deadline may also come from ESPACE_TIMEOUT', async () => {
  proxy.plan('hold', 'hold', 'hold');
  const paid = await runCli(['pay', '--yes'], { env: env({ ESPACE_TIMEOUT: '1' }) });
  expect(paid.code, paid.stderr).toBe(5);
  expect(paid.stderr).toMatch(/within its 1 s deadline/);
}, 300_000);
