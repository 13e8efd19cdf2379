/**
 * Payment prompts in a real terminal (tmux runs the built CLI): the card number and CVV are
 * masked as typed, and `pay` asks before charging.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { TmuxTerminal } from '../helpers/terminal.js';
import { cliEnv } from '../helpers/env.js';

const terminal = new TmuxTerminal('pay');
let sandbox: TestSandbox;
let home: string;

function run(session: string, args: string[]) {
  terminal.startEspace(session, args, cliEnv({ url: sandbox.url, token: sandbox.tokens.marie, home }), { columns: 160, rows: 30 });
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-pay-'));
});
afterAll(async () => {
  terminal.close();
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('payments in a terminal', () => {
  it('masks the card number and CVV at the prompts', async () => {
    run('card', ['payment-method', 'add']);
    await terminal.waitFor('card', /Card number/);
    terminal.send('card', '5555555555554444', 'Enter');
    await terminal.waitFor('card', /Expiry/);
    terminal.send('card', '09/31', 'Enter');
    await terminal.waitFor('card', /Security code/);
    terminal.send('card', '737', 'Enter');
    const final = await terminal.waitFor('card', /EXIT=\d+/);
    expect(final).toMatch(/EXIT=0/);
    expect(final).toMatch(/Saved Mastercard •••• 4444/);
    expect(final).toMatch(/\*{16}/);
    expect(final).not.toContain('5555555555554444');
    expect(final).not.toMatch(/\b737\b/);
  });

  it('shows what will be charged and pays only after "yes"', async () => {
    run('pay', ['pay', '--amount', '12.50']);
    await terminal.waitFor('pay', /Make this payment\?/);
    expect(terminal.screen('pay')).toMatch(/About to charge \$12\.50 to Visa •••• 4242/);
    terminal.send('pay', 'y', 'Enter');
    const final = await terminal.waitFor('pay', /EXIT=\d+/);
    expect(final).toMatch(/Paid \$12\.50 on bill/);
    expect(final).toMatch(/EXIT=0/);
  });
});
