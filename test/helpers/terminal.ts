/**
 * A real terminal for tests: a private tmux server runs a command in a session, the test types
 * into it and reads the screen. Each instance has its own socket, so parallel test files do not meet.
 */
import { execFileSync } from 'node:child_process';
import { isShellSpecific } from './env.js';
import { ESPACE_BIN } from './spawn.js';

export class TmuxTerminal {
  readonly #socket: string;

  constructor(name: string) {
    this.#socket = `espace-${name}-${process.pid}`;
  }

  #tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.#socket, ...args], { encoding: 'utf8' });
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

  close(): void {
    try {
      this.#tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
