/**
 * The server charges the payment, but its 2xx answer carries another payment (another key, another
 * amount, another bill): a gateway's cache, a server bug. That answer proves nothing about this
 * payment: `pay` keeps the journal entry and exits 5, and `payment reconcile` finds the one charge.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { apiPayments, chargedAnswerProxy, type ChargedAnswerProxy, journalKeys } from './charged-answer-proxy.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let home: string;
let proxy: ChargedAnswerProxy;

/** The answer to a payment the server created is that payment, rewritten by `alter`. */
const alteringProxy = (target: string, alter: (payment: Record<string, unknown>) => void) =>
  chargedAnswerProxy(target, (res, created, status) => {
    alter(created);
    const altered = JSON.stringify(created);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(altered)) });
    res.end(altered);
  });

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-pay-altered-'));
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

const env = () => cliEnv({ url: proxy.url, token: sandbox.tokens.marie, home });

describe('a payment charged and answered with another payment', () => {
  const alterations: Array<[string, (payment: Record<string, unknown>) => void]> = [
    ['correlatorId', (payment) => void (payment.correlatorId = 'espace-00000000-0000-4000-8000-000000000000')],
    ['amount', (payment) => void ((payment.totalAmount as { value: number }).value = 99.99)],
  ];
  for (const [field, alter] of alterations) {
    it(`another ${field}: exit 5 with the key, and reconcile finds the one charge`, async () => {
      proxy = await alteringProxy(sandbox.url, alter);
      const paid = await runCli(['pay', '--amount', '10', '--yes'], { env: env() });

      expect(paid.code, paid.stderr).toBe(5);
      expect(paid.stderr).toContain(field);
      const keys = await journalKeys(home);
      expect(keys).toHaveLength(1);
      expect(paid.stderr).toContain(keys[0]);
      const charged = await apiPayments(sandbox);
      expect(charged.map((p) => p.correlatorId)).toEqual(keys);

      const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
      expect(settled.code, settled.stderr).toBe(0);
      expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key: keys[0], outcome: 'charged', payment: charged[0]!.id })]);
      expect(await journalKeys(home)).toEqual([]);
      expect(await apiPayments(sandbox)).toHaveLength(1);
    });
  }
});
