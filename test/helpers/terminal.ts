/**
 * A real terminal for tests: a private tmux server runs a command in a session, the test types
 * into it and reads the screen. Each instance has its own socket, so parallel test files do not meet.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { isShellSpecific } from './env.js';
import { ESPACE_BIN } from './spawn.js';

export class TmuxTerminal {
  readonly #socket: string;

  constructor(name: string) {
    this.#socket = `espace-${name}-${process.pid}`;
  }

  #tmux(...args: string[]): string {
    // tmux's complaint goes into the thrown error's message, not onto the test run's stderr.
    return execFileSync('tmux', ['-L', this.#socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Runs `command` (a shell command line) in a new session; it prints EXIT=<code> when it ends. */
  start(session: string, command: string, size = { columns: 160, rows: 50 }): void {
    this.#tmux('new-session', '-d', '-s', session, '-x', String(size.columns), '-y', String(size.rows), `${command}; echo "EXIT=$?"; sleep 600`);
  }

  /** Runs the built `espace ARGS` with these environment variables (values without quotes). */
  startEspace(session: string, args: string[], env: Record<string, string | undefined>, size = { columns: 120, rows: 80 }): void {
    const assignments = Object.entries(env)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}='${value}'`);
    // What the developer's shell exported (ESPACE_*, LC_ALL, LC_MESSAGES) reaches tmux's server: the test sets it or nothing.
    const unset = ['LC_ALL', 'LC_MESSAGES', ...Object.keys(process.env)]
      .filter((name, i, names) => isShellSpecific(name) && names.indexOf(name) === i && env[name] === undefined)
      .map((name) => `-u ${name}`);
    this.start(session, `env ${[...unset, ...assignments].join(' ')} ${process.execPath} ${ESPACE_BIN} ${args.join(' ')}`, size);
  }

  /** The screen and its scrollback, wrapped lines joined. */
  screen(session: string): string {
    return this.#tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);
  }

  /** Keys as tmux send-keys names them ('Enter', 'C-c', or text). */
  send(session: string, ...keys: string[]): void {
    this.#tmux('send-keys', '-t', session, ...keys);
  }

  /** Waits for the screen to match; the ceiling is generous because a loaded machine is slow, not broken. */
  async waitFor(session: string, pattern: RegExp, timeoutMs = 45_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen(session);
      if (pattern.test(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`screen never matched ${pattern}:\n${last}`);
  }

  /** Ends the server and waits for what ran in it: a test may then remove the files it wrote. */
  close(): Promise<void> {
    return killTmuxServer(this.#socket);
  }
}

/**
 * Kills the tmux server on `socket` and resolves once every process of its panes has exited.
 * kill-server returns at once, while the panes' shells and commands are still exiting on their
 * hangup, and may still write (a shell's history, the CLI's config): removing their home before
 * they are gone fails with ENOTEMPTY. tmux starts each pane in a session of its own, whose id is
 * the pane's pid, so the processes to wait for are the live members of those sessions.
 */
export async function killTmuxServer(socket: string, timeoutMs = 30_000): Promise<void> {
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  let sessions: Set<number>;
  try {
    sessions = new Set(tmux('list-panes', '-a', '-F', '#{pane_pid}').split('\n').filter(Boolean).map(Number));
    tmux('kill-server');
  } catch {
    return; // no server was started, or it has already gone
  }
  const deadline = Date.now() + timeoutMs;
  for (let left = liveMembers(sessions); left.length > 0; left = liveMembers(sessions)) {
    if (Date.now() > deadline) throw new Error(`tmux's processes outlived its server by ${timeoutMs} ms: ${left.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The pids of processes, not yet exited, in any of these sessions (Linux's /proc; none elsewhere). */
function liveMembers(sessions: Set<number>): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return entries.map(Number).filter((pid) => {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return false; // exited while we looked
    }
    // pid (comm) state ppid pgrp session …: comm may hold spaces and parentheses, so split after the last ')'.
    const [state, , , session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return state !== 'Z' && sessions.has(Number(session));
  });
}
