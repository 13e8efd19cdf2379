/**
 * `--amount` is checked before any request: a value espace cannot pay exits 2, names the flag and
 * says what it takes, and a proxy in front of the sandbox sees nothing at all. The French way
 * of writing decimals (50,25) is an amount like 50.25.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAmountOption } from '../../src/cli/payment/amount.js';
import { UsageError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let proxy: FaultProxy;
let home: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  // Every request, whatever its method or path, is logged.
  proxy = await startFaultProxy(sandbox.url, () => true);
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-pay-amount-'));
  return () => rm(home, { recursive: true, force: true });
});

const env = () => cliEnv({ url: proxy.url, token: sandbox.tokens.marie, home });

describe('pay --amount refused before anything is sent', () => {
  for (const amount of ['1e999', '0.001', '-5', 'NaN', 'Infinity', '0', 'abc', '12.345', '1,234.56', '', '0x10', '5.', '１０']) {
    it(`'${amount}': exit 2 naming --amount, no request`, async () => {
      const before = proxy.log.length;
      const result = await runCli(['pay', '--yes', `--amount=${amount}`], { env: env() });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--amount');
      expect(result.stderr).toMatch(/at most two decimals/);
      expect(result.stderr).toContain(`'${amount}'`);
      expect(proxy.log.length).toBe(before);
    });
  }

  it('in French too', async () => {
    const before = proxy.log.length;
    const result = await runCli(['pay', '--yes', '--amount', 'abc'], { env: { ...env(), LANG: 'fr_CA.UTF-8' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--amount prend des dollars/);
    expect(proxy.log.length).toBe(before);
  });
});

describe('pay --amount accepted', () => {
  it('50,25 (a decimal comma) pays 50.25', async () => {
    const result = await runCli(['pay', '--yes', '--amount', '50,25', '--json'], { env: env() });
    expect(result.code).toBe(0);
    const payment = JSON.parse(result.stdout);
    const res = await fetch(`${sandbox.url}/paymentManagement/v4/payment/${payment.id}`, { headers: { authorization: `Bearer ${sandbox.tokens.marie}` } });
    expect(((await res.json()) as { totalAmount: { value: number } }).totalAmount.value).toBe(50.25);
  });

  it('reads points, commas and grouped thousands exactly', () => {
    expect(parseAmountOption('50')).toBe(5000);
    expect(parseAmountOption('50.25')).toBe(5025);
    expect(parseAmountOption('50,25')).toBe(5025);
    expect(parseAmountOption('50,5')).toBe(5050);
    expect(parseAmountOption(' 0.01 ')).toBe(1);
    expect(parseAmountOption('1 234,56')).toBe(123456);
    expect(parseAmountOption('1\u202f234,56')).toBe(123456);
    expect(parseAmountOption('1\u00a0234\u00a0567.89')).toBe(123456789);
    for (const refused of ['1 23,45', '12 345 678 901', '1,234', '1.234,56', '1_000', '+5', '5 ,25']) {
      expect(() => parseAmountOption(refused), refused).toThrow(UsageError);
    }
  });
});
