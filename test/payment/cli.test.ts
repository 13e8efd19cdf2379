/** pay, payment, payment-method and autopay in-process against a real sandbox. */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/prompt.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let home: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = await mkdtemp(join(tmpdir(), 'espace-pay-cli-'));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

const env = (who: keyof TestSandbox['tokens']) => cliEnv({ url: sandbox.url, token: sandbox.tokens[who], home });

describe('espace pay', () => {
  it('refuses to pay without a terminal or --yes, naming --yes, and sends nothing', async () => {
    const result = await runCli(['pay'], { env: env('james') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--yes');
    expect(result.stderr).toMatch(/About to charge/);
    const history = JSON.parse((await runCli(['payment', 'list', '--json'], { env: env('james') })).stdout);
    expect(history.filter((p: { channel: string }) => p.channel === 'online')).toEqual([]);
  });

  it('asks to confirm on a terminal; "no" cancels (130)', async () => {
    const prompt = scriptedPrompter([false]);
    const result = await runCli(['pay', '--amount', '5'], { env: env('james'), tty: true, prompt });
    expect(result.code).toBe(130);
    expect(prompt.asked).toHaveLength(1);
  });

  it('pays the remaining balance of the latest bill with the default method, settling it', async () => {
    const before = JSON.parse((await runCli(['bill', 'show', 'latest', '--json'], { env: env('james') })).stdout);
    const prompt = scriptedPrompter([true]);
    const result = await runCli(['pay', '--json'], { env: env('james'), tty: true, prompt });
    expect(result.code).toBe(0);
    const payment = JSON.parse(result.stdout);
    expect(payment.amount.amount).toBe(before.totalDue.amount);
    expect(payment.method.id).toBe('PM-2001-1');
    expect(payment.bills).toEqual([expect.objectContaining({ bill: before.id })]);
    const after = JSON.parse((await runCli(['bill', 'show', 'latest', '--json'], { env: env('james') })).stdout);
    expect(after.state).toBe('settled');

    const again = await runCli(['pay', '--yes'], { env: env('james') });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/settled/);

    const listed = JSON.parse((await runCli(['payment', 'list', '--bill', before.id, '--json'], { env: env('james') })).stdout);
    expect(listed.map((p: { id: string }) => p.id)).toEqual([payment.id]);
    const shown = await runCli(['payment', 'show', payment.id], { env: env('james') });
    expect(shown.stdout).toContain(payment.correlatorId);
  });

  it('checks the amount before sending: too much, or not an amount', async () => {
    expect((await runCli(['pay', '--yes', '--amount', '100000'], { env: env('luc') })).stderr).toMatch(/more than what remains/);
    const bad = await runCli(['pay', '--yes', '--amount', '1.234'], { env: env('luc') });
    expect(bad.code).toBe(2);
  });

  it('lets an agent take a payment by phone for any account; the CI client may not pay; a customer not for others', async () => {
    const agent = await runCli(['pay', '--yes', '--amount', '20', '--account', 'BA-1001', '--json'], { env: env('agent') });
    expect(agent.code).toBe(0);
    expect(JSON.parse(agent.stdout).channel).toBe('phone');
    const ci = await runCli(['pay', '--yes', '--amount', '1', '--account', 'BA-1001', '--method', 'PM-1001-1'], { env: env('ci') });
    expect(ci.code).toBe(4);
    const bill = JSON.parse((await runCli(['bill', 'show', 'latest', '--account', 'BA-1001', '--json'], { env: env('agent') })).stdout).id;
    const other = await runCli(['pay', bill, '--yes', '--amount', '1'], { env: env('james') });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/404/);
  });

  it('keeps the journal private and empty once outcomes are known', async () => {
    const dir = join(home, 'data', 'payment-journal');
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await runCli(['payment', 'reconcile'], { env: env('james') })).stderr).toMatch(/No payment with an unknown outcome/);
  });

  it('shows how to pay by mail and by phone in --help', async () => {
    const help = await runCli(['pay', '--help'], { env: env('james') });
    expect(help.stdout).toContain('C.P. 11500');
    expect(help.stdout).toContain('1 888 555-0199');
    const fr = await runCli(['--lang', 'fr', 'pay', '--help'], { env: env('james') });
    expect(fr.stdout).toContain('Libellez le chèque');
  });
});

describe('espace payment-method', () => {
  it('adds a card from stdin after checking it, lists it without its number, removes it', async () => {
    const bad = await runCli(['payment-method', 'add'], { env: env('marie'), stdin: '4242424242424241\n12/30\n123\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a valid card number/);
    const expired = await runCli(['payment-method', 'add'], { env: env('marie'), stdin: '4242424242424242\n01/20\n123\n' });
    expect(expired.stderr).toMatch(/not in the past/);

    const added = await runCli(['payment-method', 'add', '--json'], { env: env('marie'), stdin: '5555 5555 5555 4444\n08/31\n737\n' });
    expect(added.code).toBe(0);
    const method = JSON.parse(added.stdout);
    expect(method).toMatchObject({ kind: 'card', brand: 'Mastercard', lastFour: '4444', expiry: '2031-08', default: false });
    const list = await runCli(['payment-method', 'list'], { env: env('marie') });
    expect(list.stdout).toContain(method.id);
    expect(list.stdout).not.toContain('5555555555554444');
    expect((await runCli(['payment-method', 'remove', method.id], { env: env('marie') })).code).toBe(2);
    expect((await runCli(['payment-method', 'remove', method.id, '--yes'], { env: env('marie') })).code).toBe(0);
    expect((await runCli(['payment-method', 'list'], { env: env('marie') })).stdout).not.toContain(method.id);
  });

  it('reads the card from the non-empty lines of stdin, so a blank first line does not shift the fields', async () => {
    const added = await runCli(['payment-method', 'add', '--json'], { env: env('james'), stdin: '\n4242 4242 4242 4242\n\n09/32\n321\n' });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const method = JSON.parse(added.stdout);
    expect(method).toMatchObject({ kind: 'card', brand: 'Visa', lastFour: '4242', expiry: '2032-09' });
    expect((await runCli(['payment-method', 'remove', method.id, '--yes'], { env: env('james') })).code).toBe(0);
    const short = await runCli(['payment-method', 'add'], { env: env('james'), stdin: '\n4242424242424242\n09/32\n' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/expected 3 lines on stdin/);
  });

  it('adds a bank account for pre-authorized debit from masked prompts, as the default', async () => {
    const prompt = scriptedPrompter(['003', '10001', '1234567']);
    const added = await runCli(['payment-method', 'add', '--bank', '--default', '--json'], { env: env('luc'), tty: true, prompt });
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ kind: 'bankAccount', lastFour: '4567', default: true });
    const short = await runCli(['payment-method', 'add', '--bank'], { env: env('luc'), stdin: '03\n10001\n1234567\n' });
    expect(short.stderr).toMatch(/institution number must be 3 digits/);
  });
});

describe('espace autopay', () => {
  it('shows the terms and needs them accepted; enables with a method on file; disables', async () => {
    expect(JSON.parse((await runCli(['autopay', 'status', '--json'], { env: env('marie') })).stdout).enabled).toBe(false);
    const refused = await runCli(['autopay', 'enable'], { env: env('marie') });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--accept-terms');
    expect(refused.stderr).toMatch(/Pre-authorized payment agreement/);
    const unknown = await runCli(['autopay', 'enable', '--method', 'PM-9999', '--accept-terms'], { env: env('marie') });
    expect(unknown.code).toBe(2);

    const enabled = await runCli(['autopay', 'enable', '--accept-terms', '--json'], { env: env('marie') });
    expect(enabled.code).toBe(0);
    expect(JSON.parse(enabled.stdout)).toMatchObject({ enabled: true, method: { id: 'PM-1001-1' } });
    const status = await runCli(['autopay', 'status'], { env: env('marie') });
    expect(status.stdout).toMatch(/Autopay is on/);
    expect((await runCli(['autopay', 'disable'], { env: env('marie') })).code).toBe(0);
    expect(JSON.parse((await runCli(['autopay', 'status', '--json'], { env: env('marie') })).stdout).enabled).toBe(false);
  });
});
