/**
 * `plan change` in a real terminal: tmux runs the built CLI, answers its prompts, reads the
 * preview off the screen; then the next bill on demand, read by the built `bill show`, carries
 * the prorated amounts the preview announced, to the cent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centsFromDecimal } from '../../src/domain/money.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ESPACE_BIN, espace } from '../helpers/spawn.js';
import { send } from '../sandbox/client.js';

const socket = `espace-plan-test-${process.pid}`;
let sandbox: TestSandbox;
let home: string;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
// -J joins wrapped lines, so a long preview line reads as one.
const screen = (session: string) => tmux('capture-pane', '-p', '-J', '-t', session);

async function waitForScreen(session: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = screen(session);
    if (pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`screen never matched ${pattern}:\n${last}`);
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-plan-'));
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

describe('plan change in a terminal', () => {
  it('prompts for the service and the offer, previews, asks for the terms, and the bill agrees with the preview', async () => {
    const env = { ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens.marie, ESPACE_CONFIG_DIR: join(home, 'config'), NO_COLOR: '1', LANG: 'en_CA.UTF-8' };
    const assignments = Object.entries(env).map(([name, value]) => `${name}='${value}'`);
    const command = `env ${assignments.join(' ')} ${process.execPath} ${ESPACE_BIN} plan change; echo "EXIT=$?"; sleep 600`;
    tmux('new-session', '-d', '-s', 'change', '-x', '160', '-y', '50', command);

    await waitForScreen('change', /Which service \(internet, tv, phone, mobile\)\?/);
    tmux('send-keys', '-t', 'change', 'internet', 'Enter');
    await waitForScreen('change', /Move Internet Giga to which offer\?/);
    expect(screen('change')).toMatch(/OFF-INT-GIGA-PLUS\s+Internet Giga Plus\s+\$99\.00/);
    tmux('send-keys', '-t', 'change', 'OFF-NOPE', 'Enter');
    await waitForScreen('change', /Enter one of: OFF-INT-100, OFF-INT-400, OFF-INT-GIGA-PLUS/);
    tmux('send-keys', '-t', 'change', 'C-u', 'OFF-INT-GIGA-PLUS', 'Enter');
    const preview = await waitForScreen('change', /Do you accept these terms\?/);
    expect(preview).toMatch(/Internet: Internet Giga → Internet Giga Plus/);
    expect(preview).toMatch(/Monthly price: \$85\.00 → \$99\.00/);
    expect(preview).toMatch(/24-month contract starts on/);
    tmux('send-keys', '-t', 'change', 'y', 'Enter');
    await waitForScreen('change', /Place this order\?/);
    tmux('send-keys', '-t', 'change', 'y', 'Enter');
    const final = await waitForScreen('change', /EXIT=\d+/);
    expect(final).toMatch(/Order PO-000001: completed \(acknowledged → inProgress → completed\)/);
    expect(final).toMatch(/EXIT=0/);

    const prorated = /credit (-?\$[\d.,]+), charge \+(\$[\d.,]+), net/.exec(preview);
    expect(prorated).not.toBeNull();
    const previewCredit = centsFromDecimal(prorated![1]!.replace('$', '').replace(',', ''));
    const previewCharge = centsFromDecimal(prorated![2]!.replace('$', '').replace(',', ''));

    const made = await send(sandbox.url, 'POST', '/tmf-api/customerBillManagement/v4/customerBillOnDemand', {
      token: sandbox.tokens.marie,
      body: JSON.stringify({ billingAccount: { id: 'BA-1001' } }),
      contentType: 'application/json',
    });
    expect(made.status).toBe(201);
    const shown = await espace(['bill', 'show', 'latest', '--json'], { env: { ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens.marie, ESPACE_CONFIG_DIR: join(home, 'config') } });
    expect(shown.code, shown.stderr).toBe(0);
    const lines = JSON.parse(shown.stdout).sections.serviceCharges.lines as Array<{ name: string; amount: { amount: number } }>;
    expect(lines.find((l) => l.name === 'Internet Giga – crédit au prorata')?.amount.amount).toBe(previewCredit);
    expect(lines.find((l) => l.name === 'Internet Giga Plus – frais au prorata')?.amount.amount).toBe(previewCharge);
  });
});
