/**
 * Payment prompts in a real terminal (tmux runs the built CLI): the card number and CVV are
 * masked as typed, and `pay` asks before charging.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ESPACE_BIN } from '../helpers/spawn.js';

const socket = `espace-pay-test-${process.pid}`;
let sandbox: TestSandbox;
let home: string;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });

/** Polls the pane until the pattern shows (the CLI is a separate process: there is nothing to await). */
async function screenMatching(session: string, pattern: RegExp): Promise<string> {
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', session);
    if (pattern.test(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function run(session: string, args: string[]) {
  const env = {
    ESPACE_API_URL: sandbox.url,
    ESPACE_TOKEN: sandbox.tokens.marie,
    ESPACE_CONFIG_DIR: join(home, 'config'),
    ESPACE_DATA_DIR: join(home, 'data'),
    NO_COLOR: '1',
    LANG: 'en_CA.UTF-8',
  };
  const assignments = Object.entries(env).map(([name, value]) => `${name}='${value}'`);
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '30', `env ${assignments.join(' ')} ${process.execPath} ${ESPACE_BIN} ${args.join(' ')}; echo "EXIT=$?"; sleep 600`);
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-pay-'));
});
afterAll(async () => {
  try {
    tmux('kill-server');
  } catch {
    /* already gone */
  }
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('payments in a terminal', () => {
  it('masks the card number and CVV at the prompts', async () => {
    run('card', ['payment-method', 'add']);
    await screenMatching('card', /Card number/);
    tmux('send-keys', '-t', 'card', '5555555555554444', 'Enter');
    await screenMatching('card', /Expiry/);
    tmux('send-keys', '-t', 'card', '09/31', 'Enter');
    await screenMatching('card', /Security code/);
    tmux('send-keys', '-t', 'card', '737', 'Enter');
    const final = await screenMatching('card', /EXIT=\d+/);
    expect(final).toMatch(/EXIT=0/);
    expect(final).toMatch(/Saved Mastercard •••• 4444/);
    expect(final).toMatch(/\*{16}/);
    expect(final).not.toContain('5555555555554444');
    expect(final).not.toMatch(/\b737\b/);
  });

  it('shows what will be charged and pays only after "yes"', async () => {
    run('pay', ['pay', '--amount', '12.50']);
    await screenMatching('pay', /Make this payment\?/);
    expect(tmux('capture-pane', '-p', '-t', 'pay')).toMatch(/About to charge \$12\.50 to Visa •••• 4242/);
    tmux('send-keys', '-t', 'pay', 'y', 'Enter');
    const final = await screenMatching('pay', /EXIT=\d+/);
    expect(final).toMatch(/Paid \$12\.50 on bill/);
    expect(final).toMatch(/EXIT=0/);
  });
});
