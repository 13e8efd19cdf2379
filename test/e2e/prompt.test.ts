/**
 * Prompts in a real terminal: tmux runs the built CLI, types at its prompts, and reads the screen.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../helpers/sandbox.js';
import { ESPACE_BIN } from '../helpers/spawn.js';

const socket = `espace-test-${process.pid}`;
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let home: string;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (session: string) => tmux('capture-pane', '-p', '-t', session);

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

function startInTerminal(session: string, args: string[], env: Record<string, string>) {
  const assignments = Object.entries(env).map(([name, value]) => `${name}='${value}'`);
  const command = `env ${assignments.join(' ')} ${process.execPath} ${ESPACE_BIN} ${args.join(' ')}; echo "EXIT=$?"; sleep 600`;
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '30', command);
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-prompt-'));
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

describe('auth login in a terminal', () => {
  it('asks for the user name and a masked password', async () => {
    const env = { ESPACE_API_URL: sandbox.url, ESPACE_CONFIG_DIR: join(home, 'config'), NO_COLOR: '1', LANG: 'en_CA.UTF-8' };
    startInTerminal('login', ['auth', 'login', '--insecure-storage'], env);
    await waitForScreen('login', /User name/);
    tmux('send-keys', '-t', 'login', 'marie.tremblay', 'Enter');
    await waitForScreen('login', /Password/);
    tmux('send-keys', '-t', 'login', 'Espace-Demo-2026!', 'Enter');
    const final = await waitForScreen('login', /EXIT=\d+/);
    expect(final).toMatch(/Logged in as marie\.tremblay/);
    expect(final).toMatch(/EXIT=0/);
    expect(final).not.toContain('Espace-Demo-2026!');
    expect(final).toMatch(/\*{17}/);
  });

  it('asks in French when the locale is French, and Ctrl-C cancels with exit code 130', async () => {
    const env = { ESPACE_API_URL: sandbox.url, ESPACE_CONFIG_DIR: join(home, 'config-fr'), NO_COLOR: '1', LANG: 'fr_CA.UTF-8' };
    startInTerminal('cancel', ['auth', 'login', '--insecure-storage'], env);
    await waitForScreen('cancel', /Nom d'utilisateur/);
    tmux('send-keys', '-t', 'cancel', 'C-c');
    const final = await waitForScreen('cancel', /EXIT=\d+/);
    expect(final).toMatch(/Annulé/);
    expect(final).toMatch(/EXIT=130/);
  });
});
