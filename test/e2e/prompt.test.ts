/**
 * Prompts in a real terminal: tmux runs the built CLI, types at its prompts, and reads the screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../helpers/sandbox.js';
import { TmuxTerminal } from '../helpers/terminal.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

const terminal = new TmuxTerminal('prompt');
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let home: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-prompt-'));
});
afterAll(async () => {
  await terminal.close();
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('auth login in a terminal', () => {
  it('asks for the user name and a masked password', async () => {
    const env = cliEnv({ url: sandbox.url, home });
    terminal.startEspace('login', ['auth', 'login', '--insecure-storage'], env, { columns: 120, rows: 30 });
    await terminal.waitFor('login', /User name/);
    terminal.send('login', 'marie.tremblay', 'Enter');
    await terminal.waitFor('login', /Password/);
    terminal.send('login', DEMO_PASSWORD, 'Enter');
    const final = await terminal.waitFor('login', /EXIT=\d+/);
    expect(final).toMatch(/Logged in as marie\.tremblay/);
    expect(final).toMatch(/EXIT=0/);
    expect(final).not.toContain(DEMO_PASSWORD);
    expect(final).toMatch(/\*{17}/);
  });

  it('asks in French when the locale is French, and Ctrl-C cancels with exit code 130', async () => {
    const env = cliEnv({ url: sandbox.url, extra: { ESPACE_CONFIG_DIR: join(home, 'config-fr'), LANG: 'fr_CA.UTF-8' } });
    terminal.startEspace('cancel', ['auth', 'login', '--insecure-storage'], env, { columns: 120, rows: 30 });
    await terminal.waitFor('cancel', /Nom d’utilisateur/);
    terminal.send('cancel', 'C-c');
    const final = await terminal.waitFor('cancel', /EXIT=\d+/);
    expect(final).toMatch(/Annulé/);
    expect(final).toMatch(/EXIT=130/);
  });
});
