/**
 * `plan change` in a real terminal: tmux runs the built CLI, answers its prompts, reads the
 * preview off the screen; then the next bill on demand, read by the built `bill show`, carries
 * the prorated amounts the preview announced, to the cent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centsFromDecimal } from '../../src/domain/money.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ESPACE_BIN, espace } from '../helpers/spawn.js';
import { TmuxTerminal } from '../helpers/terminal.js';
import { send } from '../sandbox/client.js';
import { cliEnv } from '../helpers/env.js';

const terminal = new TmuxTerminal('plan');
let sandbox: TestSandbox;
let home: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-plan-'));
});
afterAll(async () => {
  await terminal.close();
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('plan change in a terminal', () => {
  it('prompts for the service and the offer, previews, asks for the terms, and the bill agrees with the preview', async () => {
    const env = cliEnv({ url: sandbox.url, token: sandbox.tokens.marie, home });
    const assignments = Object.entries(env).map(([name, value]) => `${name}='${value}'`);
    terminal.start('change', `env ${assignments.join(' ')} ${process.execPath} ${ESPACE_BIN} plan change`);

    // The services are a list to pick from: Internet is first; Enter takes it.
    const services = await terminal.waitFor('change', /Which service\?[\s\S]*Mobile — Mobile 20 GB/);
    expect(services).toMatch(/❯ Internet — Internet Giga \(\$85\.00\)/);
    terminal.send('change', 'Enter');
    // Every Internet plan is listed; the cheaper ones under contract and the current one cannot be picked, and say why.
    const offers = await terminal.waitFor('change', /Move Internet Giga to which offer\?[\s\S]*Internet Giga Plus/);
    expect(offers).toMatch(/Internet 100\s+\$65\.00 \(costs less: possible after your contract ends on [A-Z][a-z]{2} \d{1,2}, \d{4}\)/);
    expect(offers).toMatch(/Internet 400\s+\$75\.00 \(costs less: possible after your contract ends on [A-Z][a-z]{2} \d{1,2}, \d{4}\)/);
    expect(offers).toMatch(/Internet Giga\s+\$85\.00 \(your current plan\)/);
    expect(offers).toMatch(/❯ Internet Giga Plus\s+\$99\.00/);
    // Up and down skip the plans that cannot be picked: the cursor stays on the one that can.
    terminal.send('change', 'Up');
    terminal.send('change', 'Enter');
    const preview = await terminal.waitFor('change', /Do you accept these terms\?/);
    expect(preview).toMatch(/Internet: Internet Giga → Internet Giga Plus/);
    expect(preview).toMatch(/Monthly price: \$85\.00 → \$99\.00/);
    expect(preview).toMatch(/24-month contract starts on/);
    terminal.send('change', 'y', 'Enter');
    await terminal.waitFor('change', /Place this order\?/);
    terminal.send('change', 'y', 'Enter');
    const final = await terminal.waitFor('change', /EXIT=\d+/);
    expect(final).toMatch(/Order PO-000001: completed \(acknowledged → in progress → completed\)/);
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
    // A bill on demand is a preview of the next bill, not the latest: shown by its id.
    const shown = await espace(['bill', 'show', made.body.customerBill.id, '--json'], { env: cliEnv({ url: sandbox.url, token: sandbox.tokens.marie, home }) });
    expect(shown.code, shown.stderr).toBe(0);
    const lines = JSON.parse(shown.stdout).sections.serviceCharges.lines as Array<{ name: string; amount: { amount: number } }>;
    expect(lines.find((l) => l.name === 'Internet Giga – prorated credit')?.amount.amount).toBe(previewCredit);
    expect(lines.find((l) => l.name === 'Internet Giga Plus – prorated charge')?.amount.amount).toBe(previewCharge);
  });

  it('asks in French, and declining the terms orders nothing (exit code 130)', async () => {
    const env = cliEnv({ url: sandbox.url, token: sandbox.tokens.luc, extra: { ESPACE_CONFIG_DIR: join(home, 'config-fr'), LANG: 'fr_CA.UTF-8' } });
    const assignments = Object.entries(env).map(([name, value]) => `${name}='${value}'`);
    terminal.start('decline', `env ${assignments.join(' ')} ${process.execPath} ${ESPACE_BIN} addon add OFF-ADD-WIFI`);
    const preview = await terminal.waitFor('decline', /Acceptez-vous ces conditions\s\?/);
    expect(preview).toMatch(/Ajout\s:\sAmplificateur Wi-Fi/);
    expect(preview).toMatch(/Prix mensuel\s: rien → 5,00\s\$/);
    terminal.send('decline', 'n', 'Enter');
    const final = await terminal.waitFor('decline', /EXIT=\d+/);
    expect(final).toMatch(/Annulé/);
    expect(final).toMatch(/EXIT=130/);
    const orders = await espace(['order', 'list', '--json'], {
      env: cliEnv({ url: sandbox.url, token: sandbox.tokens.luc, extra: { ESPACE_CONFIG_DIR: join(home, 'config-fr') } }),
    });
    expect(JSON.parse(orders.stdout)).toEqual([]);
  });
});
