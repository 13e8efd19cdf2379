/**
 * Account security prompts in a real terminal (tmux, the built CLI): two-factor enrolment asks for
 * the current password, then shows a QR code, the otpauth:// URI and the secret, takes a code computed by oathtool from the secret on
 * screen, then prints the recovery codes; a password change masks every entry and shows zxcvbn's
 * feedback for a weak password before accepting a strong one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { TmuxTerminal } from '../helpers/terminal.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

const terminal = new TmuxTerminal('security');
let sandbox: TestSandbox;
let home: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-security-'));
});
afterAll(async () => {
  await terminal.close();
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

const env = (token: string) => cliEnv({ url: sandbox.url, token, home });

describe('security prompts in a terminal', () => {
  it('auth 2fa enable: QR code, URI and secret on screen; a code from oathtool; recovery codes once', async () => {
    terminal.startEspace('enable', ['auth', '2fa', 'enable'], env(sandbox.tokens.luc));
    // The access token alone does not enrol: the current password first, masked.
    await terminal.waitFor('enable', /Current password/);
    terminal.send('enable', DEMO_PASSWORD, 'Enter');
    const shown = await terminal.waitFor('enable', /Code shown by the app/);
    expect(shown).not.toContain(DEMO_PASSWORD);
    expect(shown).toMatch(/Scan this QR code/);
    expect(shown).toMatch(/[▀▄█]{10}/);
    expect(shown).toMatch(/URI: otpauth:\/\/totp\/Espace%20Client:luc\.gagnon\?secret=/);
    const secret = /Secret: ([A-Z2-7]+)/.exec(shown)?.[1];
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const code = execFileSync('oathtool', ['--totp', '-b', secret!], { encoding: 'utf8' }).trim();
    terminal.send('enable', code, 'Enter');
    const final = await terminal.waitFor('enable', /EXIT=\d+/);
    expect(final).toMatch(/Two-factor authentication is on/);
    expect(final).toMatch(/Recovery codes \(shown only now/);
    expect(final.match(/^[a-z2-9]{5}-[a-z2-9]{5}$/gm)).toHaveLength(10);
    expect(final).toMatch(/EXIT=0/);
  });

  it('auth password: masked entries, zxcvbn feedback for a weak password, then sign out the others', async () => {
    const strong = 'Gaspesie-Perce-Rocher-2031';
    terminal.startEspace('password', ['auth', 'password'], env(sandbox.tokens.marie));
    await terminal.waitFor('password', /Current password/);
    terminal.send('password', DEMO_PASSWORD, 'Enter');
    await terminal.waitFor('password', /New password/);
    terminal.send('password', 'password1', 'Enter');
    const feedback = await terminal.waitFor('password', /too easy to guess/);
    expect(feedback).toMatch(/strength [0-2] of 4/);
    // Clear the weak entry and type a strong one.
    terminal.send('password', 'C-u');
    terminal.send('password', strong, 'Enter');
    await terminal.waitFor('password', /New password again/);
    terminal.send('password', strong, 'Enter');
    await terminal.waitFor('password', /Sign out every other session\?/);
    terminal.send('password', 'y', 'Enter');
    const final = await terminal.waitFor('password', /EXIT=\d+/);
    expect(final).toMatch(/Password changed\./);
    expect(final).toMatch(/Other sessions ended: \d+/);
    expect(final).toMatch(/EXIT=0/);
    expect(final).not.toContain(strong);
    expect(final).not.toContain(DEMO_PASSWORD);
    expect(final).toMatch(/\*{17}/);
  });
});
