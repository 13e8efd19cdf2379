/**
 * A gateway that mounts the Payment API elsewhere (and has nothing at the specification's path):
 * a context that says so pays through the map, the POST included, not only the reads around it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startProxy, type Proxy } from '../bulk/proxy.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

const DEFAULT_PAYMENT = '/paymentManagement/v4';
const GATEWAY_PAYMENT = `/gw/pay${DEFAULT_PAYMENT}`;

let sandbox: TestSandbox;
let gateway: Proxy;
let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-pay-map-'));
  sandbox = await startTestSandbox();
  gateway = await startProxy(sandbox.url);
  gateway.setFault((request) => (request.url?.startsWith(`${DEFAULT_PAYMENT}/`) ? { status: 404 } : undefined));
  gateway.setRewrite((path) => (path.startsWith(`${GATEWAY_PAYMENT}/`) ? path.slice('/gw/pay'.length) : path));
});
afterEach(async () => {
  await gateway?.close();
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

it('pay sends the payment to the mapped path', async () => {
  const env = cliEnv({ token: sandbox.tokens.marie, home });
  const added = await runCli(['context', 'add', 'gw', '--url', gateway.url, '--api-path', `payment=${GATEWAY_PAYMENT}`], { env });
  expect(added.code, added.stderr).toBe(0);

  const paid = await runCli(['--context', 'gw', '--json', 'pay', '--amount', '1', '--yes'], { env });

  expect(paid.code, paid.stderr).toBe(0);
  expect(gateway.log.filter((entry) => entry.method === 'POST').map((entry) => entry.url)).toEqual([`${GATEWAY_PAYMENT}/payment`]);
});
