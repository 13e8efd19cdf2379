/**
 * `--dry-run` on every command that changes money or services: the command checks what it can
 * (reads go through), shows what it would send, sends no request that writes, and exits 0. A
 * proxy between the CLI and a real sandbox logs every request, so "sends nothing" is what went
 * over the wire, not what the CLI says of itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let proxy: FaultProxy;
let home: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  proxy = await startFaultProxy(sandbox.url, () => true);
  home = await mkdtemp(join(tmpdir(), 'espace-dry-run-'));
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => {
  proxy.log.length = 0;
});

const run = (argv: string[], stdin?: string) =>
  runCli(argv, {
    env: cliEnv({ url: proxy.url, token: sandbox.tokens.marie, home }),
    ...(stdin === undefined ? {} : { stdin }),
  });

const writes = () => proxy.log.filter((request) => request.method !== 'GET' && request.method !== 'HEAD');

describe('--dry-run', () => {
  it.each([
    ['plan change', ['plan', 'change', '--service', 'internet', '--to', 'OFF-INT-GIGA-PLUS'], 'POST /tmf-api/productOrderingManagement/v4/productOrder'],
    ['addon remove', ['addon', 'remove', 'PRD-1001-FILM'], 'POST /tmf-api/productOrderingManagement/v4/productOrder'],
    ['autopay disable', ['autopay', 'disable'], 'PATCH /tmf-api/accountManagement/v4/billingAccount/BA-1001'],
    ['payment-method remove', ['payment-method', 'remove', 'PM-1001-2'], 'DELETE /tmf-api/paymentMethod/v4/paymentMethod/PM-1001-2', false],
    ['profile set', ['profile', 'set', '--email', 'marie.t@example.com'], 'PATCH '],
    ['ticket open', ['ticket', 'open', '--subject', 'Slow Internet', '--description', 'Since Monday evening'], 'POST /tmf-api/troubleTicket/v4/troubleTicket'],
    ['bill dispute', ['bill', 'dispute', 'latest', '--item', 'ACBR-1001-202612-01', '--reason', 'Not my plan'], 'POST /tmf-api/troubleTicket/v4/troubleTicket'],
  ] as [string, string[], string, boolean?][])('%s: checks, shows the request, sends no write, exit 0', async (_name, argv, request, reads = true) => {
    const result = await run([...argv, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Dry run: checked; ${request}`);
    expect(result.stderr).toMatch(/was not sent, nothing changed/);
    // It read what it needed to check the command (remove checks only the id, locally)…
    if (reads) expect(proxy.log.some((entry) => entry.method === 'GET')).toBe(true);
    // …and wrote nothing.
    expect(writes()).toEqual([]);
  });

  it('payment-method add: the card is checked and the request shown without the card number', async () => {
    const result = await run(['payment-method', 'add', '--dry-run'], '4242 4242 4242 4242\n12/31\n123\n');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Dry run: checked; POST \/tmf-api\/paymentMethod\/v4\/paymentMethod was not sent/);
    expect(writes()).toEqual([]);
    // The request is shown with its card data masked: a screen's scrollback keeps what is shown.
    expect(result.stderr).toMatch(/"cardNumber": "•••"/);
    expect(result.stderr).toMatch(/"cvv": "•••"/);
    expect(result.stderr).not.toMatch(/4242|"123"/);
    const refused = await run(['payment-method', 'add', '--dry-run'], '4242 4242 4242 4241\n12/31\n123\n');
    expect(refused.code).toBe(2);
  });

  it('pay: the payment is shown, not sent; with --json, what would be paid', async () => {
    const result = await run(['pay', '--dry-run', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ dryRun: true, account: 'BA-1001' });
    expect(writes()).toEqual([]);
  });

  it('prints the request as JSON with --json', async () => {
    const result = await run(['ticket', 'open', '--subject', 'Slow', '--description', 'Since Monday', '--dry-run', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      dryRun: true,
      request: { method: 'POST', path: '/tmf-api/troubleTicket/v4/troubleTicket', body: { name: 'Slow' } },
    });
    expect(writes()).toEqual([]);
  });

  it('still refuses what a real run would refuse (exit 2), before any write', async () => {
    const result = await run(['plan', 'change', '--service', 'internet', '--to', 'OFF-NOPE', '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown offer 'OFF-NOPE'/);
    expect(writes()).toEqual([]);
  });

  it('changes nothing the sandbox keeps: the order list is the same afterwards', async () => {
    const before = (await run(['order', 'list', '--json'])).stdout;
    await run(['plan', 'change', '--service', 'internet', '--to', 'OFF-INT-GIGA-PLUS', '--dry-run']);
    expect((await run(['order', 'list', '--json'])).stdout).toBe(before);
  });
});
