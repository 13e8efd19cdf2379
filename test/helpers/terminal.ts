/**
 * A real terminal for tests: a private tmux server runs a command in a session, the test types
 * into it and reads the screen. Each instance has its own socket, so parallel test files do not meet.
 */
import { execFileSync } from 'node:child_process';
 * A real terminal for prompt tests: tmux runs the built CLI in a detached session on its own
 * server socket, the test types with `send-keys` and reads the screen (scrollback included).
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

  /** The screen, wrapped lines joined. */
  screen(session: string): string {
    return this.#tmux('capture-pane', '-p', '-J', '-t', session);
  }

  /** Keys as tmux send-keys names them ('Enter', 'C-c', or text). */
  send(session: string, ...keys: string[]): void {
    this.#tmux('send-keys', '-t', session, ...keys);
  }

  /** Starts `espace ARGS` in a new window; the shell prints EXIT=<code> when it ends. */
  start(session: string, args: string[], env: Record<string, string>, size = { columns: 120, rows: 80 }): void {
    const assignments = Object.entries(env).map(([name, value]) => `${name}='${value}'`);
    const command = `env ${assignments.join(' ')} ${process.execPath} ${ESPACE_BIN} ${args.join(' ')}; echo "EXIT=$?"; sleep 600`;
    this.#tmux('new-session', '-d', '-s', session, '-x', String(size.columns), '-y', String(size.rows), command);

    return this.#tmux('capture-pane', '-p', '-S', '-', '-t', session);

  type(session: string, ...keys: string[]): void {

  /** Polls the screen until it matches (a readiness wait, not a timing assertion). */
  async waitFor(session: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
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
      /* already gone */
    }
  }
}
