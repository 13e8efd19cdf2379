/**
 * The server charges the payment and answers with a redirect (303 See Other to the new payment,
 * the POST-redirect-GET habit of web servers; or a 307 from a gateway that moved). A 3xx is no
 * refusal: it proves nothing about the key. `pay` keeps the journal entry and exits 5, a second
 * `pay` of the bill sends nothing, and `payment reconcile` finds the one charge.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { apiPayments, chargedAnswerProxy, type ChargedAnswerProxy, journalKeys, PAYMENTS } from './charged-answer-proxy.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let home: string;
let proxy: ChargedAnswerProxy;

/** A payment the server created is answered `status` with its Location instead. */
const redirectingProxy = (target: string, status: number) =>
  chargedAnswerProxy(target, (res, created) => {
    res.writeHead(status, { location: `${PAYMENTS}/${String(created.id)}`, 'content-length': '0' });
    res.end();
  });

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-pay-redirect-'));
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

const env = () => cliEnv({ url: proxy.url, token: sandbox.tokens.marie, home });

describe('a payment charged and answered with a redirect', () => {
  for (const status of [303, 307]) {
    it(`${status}: exit 5 with the key, nothing sent again, reconcile finds the one charge`, async () => {
      proxy = await redirectingProxy(sandbox.url, status);
      const paid = await runCli(['pay', '--amount', '10', '--yes'], { env: env() });

      expect(paid.code, paid.stderr).toBe(5);
      const keys = await journalKeys(home);
      expect(keys).toHaveLength(1);
      expect(paid.stderr).toContain(keys[0]);
      const charged = await apiPayments(sandbox);
      expect(charged.map((p) => p.correlatorId)).toEqual(keys);

      const again = await runCli(['pay', '--amount', '10', '--yes'], { env: env() });
      expect(again.code).toBe(5);
      const postsBeforeReconcile = proxy.posts;

      const settled = await runCli(['payment', 'reconcile', '--json'], { env: env() });
      expect(settled.code, settled.stderr).toBe(0);
      expect(JSON.parse(settled.stdout)).toEqual([expect.objectContaining({ key: keys[0], outcome: 'charged', payment: charged[0]!.id })]);
      expect(proxy.posts).toBe(postsBeforeReconcile);
      expect(await apiPayments(sandbox)).toHaveLength(1);
    });
  }
});
