/**
 * The checked-in completion scripts in the real shells: bash (its completion function, as
 * readline calls it, and by typing TAB in tmux), zsh (typing TAB in tmux, through compsys) and
 * fish (`complete -C`). Dynamic values come from the built CLI and a test sandbox.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ESPACE_BIN, espace } from '../helpers/spawn.js';
import { cliEnv } from '../helpers/env.js';
import { killTmuxServer } from '../helpers/terminal.js';

const COMPLETIONS = new URL('../../completions/', import.meta.url).pathname;
const socket = `espace-completion-${process.pid}`;
let sandbox: TestSandbox;
let home: string;
let env: Record<string, string | undefined>;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });

async function waitForScreen(session: string, pattern: RegExp, timeoutMs = 45_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = tmux('capture-pane', '-p', '-t', session);
    if (pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`screen never matched ${pattern}:\n${last}`);
}

/** Types a line without running it, presses TAB, and waits for the screen to show `expected`. */
async function tab(session: string, typed: string, expected: RegExp): Promise<string> {
  tmux('send-keys', '-t', session, 'C-u');
  tmux('send-keys', '-t', session, '-l', typed);
  tmux('send-keys', '-t', session, 'Tab');
  return waitForScreen(session, expected);
}

function startShell(session: string, command: string, ready: string): Promise<string> {
  const assignments = Object.entries(env).map(([name, value]) => `${name}='${value}'`);
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '40', `env ${assignments.join(' ')} ${command}`);
  tmux('send-keys', '-t', session, '-l', ready);
  tmux('send-keys', '-t', session, 'Enter');
  // The command line echoes READY in quotes; only its output stands alone on a line.
  return waitForScreen(session, /^READY$/m);
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-completion-'));
  const bin = join(home, 'bin');
  execFileSync('mkdir', ['-p', bin]);
  writeFileSync(join(bin, 'espace'), `#!/bin/sh\nexec '${process.execPath}' '${ESPACE_BIN}' "$@"\n`);
  chmodSync(join(bin, 'espace'), 0o755);
  env = cliEnv({
    url: sandbox.url,
    token: sandbox.tokens.marie,
    home,
    extra: {
      PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: home,
      TERM: 'xterm',
      // A loaded test machine must not turn a slow answer into no answer.
      ESPACE_COMPLETION_TIMEOUT_MS: '30000',
    },
  });
  const added = await espace(['context', 'add', 'staging', '--url', 'https://staging.example.com'], { env });
  expect(added.code, added.stderr).toBe(0);
});

afterAll(async () => {
  await killTmuxServer(socket);
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

// Asynchronous: the sandbox runs in this process and must answer while a shell waits for it.
const run = promisify(execFile);

/** The verbs `espace NOUN --help` lists, in its order (the tree the scripts were generated from). */
async function verbsInHelp(noun: string): Promise<string[]> {
  const { stdout } = await espace([noun, '--help'], { env: { COLUMNS: '200' } });
  const commands = stdout.slice(stdout.indexOf('Commands:'));
  return [...commands.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1]!);
}

/** Runs bash's completion function for a command line (the last word is the one being completed). */
async function bashComplete(words: string[]): Promise<string[]> {
  const script = `source '${COMPLETIONS}espace.bash'; COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _espace; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const { stdout } = await run('bash', ['--norc', '--noprofile', '-c', script, 'bash', ...words], { encoding: 'utf8', env });
  return stdout.split('\n').filter((line) => line !== '');
}

async function fishComplete(line: string): Promise<string[]> {
  const { stdout } = await run('fish', ['--no-config', '-c', `source '${COMPLETIONS}espace.fish'; complete -C '${line}'`], { encoding: 'utf8', env });
  return stdout
    .split('\n')
    .filter((entry) => entry !== '')
    .map((entry) => entry.split('\t')[0]!);
}

describe('bash', () => {
  it('completes nouns, verbs, flags, option values, context names and bill ids', async () => {
    expect(await bashComplete(['espace', 'bi'])).toEqual(['bill']);
    expect(await bashComplete(['espace', 'bill', ''])).toEqual(await verbsInHelp('bill'));
    expect(await bashComplete(['espace', 'bill', 'list', '--li'])).toEqual(['--limit']);
    expect(await bashComplete(['espace', '--lang', ''])).toEqual(['en', 'fr']);
    expect(await bashComplete(['espace', 'context', 'use', 'st'])).toEqual(['staging']);
    expect(await bashComplete(['espace', '--json', 'bill', 'show', ''])).toEqual(expect.arrayContaining(['latest', expect.stringMatching(/^CB-1001-\d{6}$/)]));
    expect(await bashComplete(['espace', 'help', 'exit'])).toEqual(['exit-codes']);
  });

  it("offers the logged-in customer's ticket ids, and only theirs, on TAB", async () => {
    // Seeded: Marie has TT-1001 and TT-1002; TT-1003 and TT-1004 belong to James and Luc.
    const ids = await bashComplete(['espace', 'ticket', 'show', '']);
    expect([...ids].sort()).toEqual(['TT-1001', 'TT-1002']);
    expect(await bashComplete(['espace', 'ticket', 'close', 'TT-1003'])).toEqual([]);

    await startShell('bash-tickets', 'bash --norc --noprofile', `PS1='$ '; source '${COMPLETIONS}espace.bash'; echo 'READY'`);
    // TAB inserts what the ids have in common; with nothing left to insert, a second TAB lists them.
    await tab('bash-tickets', 'espace ticket show TT', /\$ espace ticket show TT-100\s*$/m);
    await tab('bash-tickets', 'espace ticket show TT-100', /\$ espace ticket show TT-100\s*$/m);
    tmux('send-keys', '-t', 'bash-tickets', 'Tab');
    const screen = await waitForScreen('bash-tickets', /TT-1001\s+TT-1002/);
    expect(screen).not.toMatch(/TT-1003|TT-1004/);
  });

  it('completes on TAB in an interactive bash', async () => {
    await startShell('bash', 'bash --norc --noprofile', `PS1='$ '; source '${COMPLETIONS}espace.bash'; echo 'READY'`);
    await tab('bash', 'espace bi', /\$ espace bill\s*$/m);
    await tab('bash', 'espace context use st', /\$ espace context use staging\s*$/m);
  });
});

describe('zsh', () => {
  it('completes nouns, lists verbs, and offers context names and bill ids on TAB', async () => {
    await startShell('zsh', 'zsh -f', `PS1='%% '; autoload -Uz compinit && compinit -u -D; source '${COMPLETIONS}espace.zsh'; echo 'READY'`);
    await tab('zsh', 'espace bi', /% espace bill\s*$/m);
    const verbs = await tab('zsh', 'espace bill ', /show/);
    expect(verbs).toMatch(/list\s+-- list bills/);
    await tab('zsh', 'espace context use st', /% espace context use staging\s*$/m);
    // The first TAB inserts what Marie's bill ids have in common, the second lists them.
    await tab('zsh', 'espace bill show CB', /% espace bill show CB-1001-\d*\s*$/m);
    tmux('send-keys', '-t', 'zsh', 'Tab');
    const bills = await waitForScreen('zsh', /CB-1001-\d{6}.*\n.*CB-1001-\d{6}/s);
    expect(bills).not.toMatch(/CB-2001/);
  });
});

describe('fish', () => {
  it('completes nouns with descriptions, verbs, context names and bill ids', async () => {
    expect(await fishComplete('espace bi')).toEqual(['bill']);
    expect(await fishComplete('espace bill ')).toEqual(expect.arrayContaining(['list', 'show']));
    expect(await fishComplete('espace context use st')).toEqual(['staging']);
    const bills = await fishComplete('espace bill show ');
    expect(bills).toContain('latest');
    expect(bills.filter((id) => /^CB-1001-\d{6}$/.test(id))).toHaveLength(12);
    expect(await fishComplete('espace --context ')).toEqual(expect.arrayContaining(['sandbox', 'staging']));
  });
});
