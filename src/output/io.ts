/**
 * The IO abstraction: the only way commands reach the terminal. Data goes to stdout, everything
 * else (progress, warnings, prompts) to stderr. Tests build one over buffers (test/helpers/cli.ts).
 */
import type { Readable, Writable } from 'node:stream';
import { terminalSafe } from './sanitize.js';
import { type Palette, loadPalette } from './style.js';

export interface IO {
  /** Opened on first use: touching process.stdin costs start-up time most commands need not pay. */
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Prompts are allowed only when a person can answer them. */
  readonly interactive: boolean;
  /** Colours for stdout and for stderr (plain when colour is off: see color-policy.ts). */
  readonly color: Palette;
  readonly errColor: Palette;
  readonly columns: number;
  /**
   * Writes to stdout or stderr. Both pass through `terminalSafe`: only espace's own colour
   * sequences (when colour is on for that stream) and the progress line's redraw (stderr on a
   * terminal) get through, so no escape sequence a server slipped into a string reaches the screen.
   * Bytes that must pass untouched (a PDF on stdout) go to `stdout` directly.
   */
  out(text: string): void;
  err(text: string): void;
}

type Terminal = { isTTY?: boolean; columns?: number };

export interface StreamIOOptions {
  stdin: (Readable & Terminal) | (() => Readable);
  /** Whether stdin is a terminal, when stdin is opened lazily. */
  stdinIsTTY?: boolean;
  stdout: Writable & Terminal;
  stderr: Writable & Terminal;
  /** false when colour is off whatever the stream (--no-color, NO_COLOR, TERM=dumb…: color-policy.ts). */
  colorAllowed: boolean;
  /** FORCE_COLOR or CLICOLOR_FORCE: colours even when not a terminal. */
  colorForced?: boolean;
}

export async function createIO(options: StreamIOOptions): Promise<IO> {
  const { stdout, stderr } = options;
  const openStdin = typeof options.stdin === 'function' ? options.stdin : () => options.stdin as Readable;
  const stdinIsTTY = options.stdinIsTTY ?? (typeof options.stdin === 'function' ? false : options.stdin.isTTY === true);
  const stdoutIsTTY = stdout.isTTY === true;
  const stderrIsTTY = stderr.isTTY === true;
  const colorOn = (tty: boolean) => options.colorAllowed && (tty || options.colorForced === true);
  const [color, errColor] = await Promise.all([loadPalette(colorOn(stdoutIsTTY)), loadPalette(colorOn(stderrIsTTY))]);
  return {
    get stdin() {
      return openStdin();
    },
    stdout,
    stderr,
    stdinIsTTY,
    stdoutIsTTY,
    stderrIsTTY,
    interactive: stdinIsTTY && stderrIsTTY,
    color,
    errColor,
    columns: stdout.columns ?? 100,
    out: (text) => void stdout.write(terminalSafe(text, { sgr: colorOn(stdoutIsTTY), progress: false })),
    err: (text) => void stderr.write(terminalSafe(text, { sgr: colorOn(stderrIsTTY), progress: stderrIsTTY })),
  };
}
