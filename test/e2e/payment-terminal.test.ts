/**
 * Payment prompts in a real terminal (tmux runs the built CLI): the card number and CVV are
 * masked as typed, and `pay` asks before charging.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { TmuxTerminal } from '../helpers/terminal.js';
import { cliEnv } from '../helpers/env.js';

const terminal = new TmuxTerminal('pay');
let sandbox: TestSandbox;
let home: string;

function run(session: string, args: string[], who: 'marie' | 'luc' = 'marie') {
  terminal.startEspace(session, args, cliEnv({ url: sandbox.url, token: sandbox.tokens[who], home }), { columns: 160, rows: 30 });
}

/** The account's saved payment methods, read through the built CLI. */
async function methodIds(): Promise<string[]> {
  const listed = await espace(['payment-method', 'list', '--json'], {
    env: { ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens.marie, ESPACE_CONFIG_DIR: join(home, 'config') },
  });
  expect(listed.code, listed.stderr).toBe(0);
  return (JSON.parse(listed.stdout) as Array<{ id: string }>).map((m) => m.id);
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-pay-'));
});
afterAll(async () => {
  await terminal.close();
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

  it('checks each card answer as it is typed and asks again, so nothing is typed twice', async () => {
    run('recheck', ['payment-method', 'add']);
    await terminal.waitFor('recheck', /Card number/);
    // A wrong check digit: refused at once, before the expiry is asked.
    terminal.send('recheck', '4242424242424241', 'Enter');
    await terminal.waitFor('recheck', /not a valid card number/);
    expect(terminal.screen('recheck')).not.toMatch(/Expiry/);
    // A network espace does not take, then a Visa number one digit short.
    terminal.send('recheck', 'C-u', '9999999999999995', 'Enter');
    await terminal.waitFor('recheck', /not of a network accepted here \(Visa, Mastercard, American Express, Discover\)/);
    terminal.send('recheck', 'C-u', '424242424242424', 'Enter');
    await terminal.waitFor('recheck', /a Visa card number has 13, 16, 19 digits/);
    expect(terminal.screen('recheck')).not.toMatch(/Expiry/);
    terminal.send('recheck', 'C-u', '4242424242424242', 'Enter');
    await terminal.waitFor('recheck', /Expiry/);
    terminal.send('recheck', '01/20', 'Enter');
    await terminal.waitFor('recheck', /not in the past/);
    expect(terminal.screen('recheck')).not.toMatch(/Security code/);
    terminal.send('recheck', 'C-u', '09/31', 'Enter');
    await terminal.waitFor('recheck', /Security code/);
    terminal.send('recheck', '12', 'Enter');
    await terminal.waitFor('recheck', /security code must be 3 or 4 digits/);
    terminal.send('recheck', 'C-u', '321', 'Enter');
    const final = await terminal.waitFor('recheck', /EXIT=\d+/);
    expect(final).toMatch(/Saved Visa •••• 4242/);
    expect(final).toMatch(/EXIT=0/);
    // Each question was asked once: a bad answer was corrected in place.
    expect(final.match(/Card number/g)).toHaveLength(1);
    expect(final.match(/Expiry/g)).toHaveLength(1);
    expect(final).not.toContain('4242424242424242');
  });

  it('Ctrl-C at a card prompt cancels: one line, exit 130, nothing saved', async () => {
    const before = await methodIds();
    run('cancel', ['payment-method', 'add']);
    await terminal.waitFor('cancel', /Card number/);
    terminal.send('cancel', '4242424242424242', 'Enter');
    await terminal.waitFor('cancel', /Expiry/);
    terminal.send('cancel', 'C-c');
    const final = await terminal.waitFor('cancel', /EXIT=\d+/);
    // One line under the question, then the exit status.
    expect(final).toMatch(/Expiry \(MM\/YY\)\s*\n(Error: )?Cancelled\.\nEXIT=130/);
    expect(await methodIds()).toEqual(before);
  });

  it('offers the bills owed as a list, everything first, overdue marked; Ctrl-C there charges nothing (130)', async () => {
    const lucPayments = async () => {
      const listed = await espace(['payment', 'list', '--json'], {
        env: { ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens.luc, ESPACE_CONFIG_DIR: join(home, 'config') },
      });
      expect(listed.code, listed.stderr).toBe(0);
      return (JSON.parse(listed.stdout) as Array<{ id: string }>).map((p) => p.id);
    };
    const before = await lucPayments();
    run('which', ['pay'], 'luc');
    const screen = await terminal.waitFor('which', /Pay which bill\?[\s\S]*CB-3001-202612/);
    expect(screen).toMatch(/❯ Everything owed: \$354\.09, overdue bills first/);
    expect(screen).toMatch(/CB-3001-202610: \$[\d.]+, OVERDUE since/);
    terminal.send('which', 'C-c');
    const final = await terminal.waitFor('which', /EXIT=\d+/);
    expect(final).toMatch(/Cancelled\.\nEXIT=130/);
    expect(await lucPayments()).toEqual(before);
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
