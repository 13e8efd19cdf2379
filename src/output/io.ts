/**
 * The IO abstraction: the only way commands reach the terminal. Data goes to stdout, everything
 * else (progress, warnings, prompts) to stderr. Tests build one over buffers (test/helpers/cli.ts).
 */
import type { Readable, Writable } from 'node:stream';
import { terminalSafe } from './sanitize.js';
import { Spinner } from './spinner.js';
import { type Palette, loadPalette } from './style.js';
import { terminalColumns } from './columns.js';
import { wrapParagraphs } from './wrap.js';

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
  /** The terminal's width (see columns.ts: COLUMNS, else the terminal's, else 80): tables and paragraphs fit in it. */
  readonly columns: number;
  /**
   * `--plain` or `TERM=dumb`: a layout a screen reader can follow — no box drawing, no block
   * characters, no animation: `Label: value` lines, charts as text.
   */
  readonly plain: boolean;
  /**
   * Writes to stdout or stderr. Both pass through `terminalSafe`: only espace's own colour
   * sequences (when colour is on for that stream) and the progress line's redraw (stderr on a
   * terminal) get through, so no escape sequence a server slipped into a string reaches the screen.
   * Bytes that must pass untouched (a PDF on stdout) go to `stdout` directly.
   * On a terminal, a line wider than `columns` is wrapped at word boundaries (wrap.ts); piped
   * output is never wrapped: it is data for scripts.
   */
  out(text: string): void;
  err(text: string): void;
  /**
   * Shows what is being waited for while `work` runs (a spinner on stderr: spinner.ts), and
   * nothing when stdout or stderr is not a terminal. Anything written meanwhile erases it first.
   */
  waitFor<T>(label: string, work: Promise<T>): Promise<T>;
  /** From now on, what `out` writes is held (for the pager: pager.ts) until `release`. */
  hold(): void;
  /** The text held since `hold` (empty when nothing was), and `out` writes straight through again. */
  release(): string;
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
  /** The terminal's width (terminalColumns in columns.ts); default: the streams' own, else 80. */
  columns?: number;
  /** --plain or TERM=dumb. */
  plain?: boolean;
  /** false when stdout carries data for a program (--json, --format): never wrapped, even on a terminal. */
  wrapStdout?: boolean;
}

export async function createIO(options: StreamIOOptions): Promise<IO> {
  const { stdout, stderr } = options;
  const openStdin = typeof options.stdin === 'function' ? options.stdin : () => options.stdin as Readable;
  const stdinIsTTY = options.stdinIsTTY ?? (typeof options.stdin === 'function' ? false : options.stdin.isTTY === true);
  const stdoutIsTTY = stdout.isTTY === true;
  const stderrIsTTY = stderr.isTTY === true;
  const colorOn = (tty: boolean) => options.colorAllowed && (tty || options.colorForced === true);
  const columns = options.columns ?? terminalColumns({}, stdout, stderr);
  const wrapOut = lineWrapper(stdoutIsTTY && options.wrapStdout !== false, columns);
  const wrapErr = lineWrapper(stderrIsTTY, columns);
  const [color, errColor] = await Promise.all([loadPalette(colorOn(stdoutIsTTY)), loadPalette(colorOn(stderrIsTTY))]);
  let spinner: Spinner | undefined;
  let held: string[] | undefined;
  const writeErr = (text: string) => void stderr.write(wrapErr(terminalSafe(text, { sgr: colorOn(stderrIsTTY), progress: stderrIsTTY })));
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
    columns,
    plain: options.plain === true,
    out: (text) => {
      spinner?.stop();
      const safe = wrapOut(terminalSafe(text, { sgr: colorOn(stdoutIsTTY), progress: false }));
      if (held) held.push(safe);
      else stdout.write(safe);
    },
    err: (text) => {
      spinner?.stop();
      writeErr(text);
    },
    hold() {
      held ??= [];
    },
    release() {
      const text = held?.join('') ?? '';
      held = undefined;
      return text;
    },
    async waitFor(label, work) {
      // Only a terminal device animates: a stream that merely says it is a terminal (a test's
      // buffer) gets nothing, so what it records does not depend on how long a request took.
      if (!stdoutIsTTY || !stderrIsTTY || typeof (stderr as { fd?: unknown }).fd !== 'number') return work;
      if (options.plain) {
        writeErr(`${label}\n`);
        return work;
      }
      const mine = new Spinner({ write: (text) => void stderr.write(text), columns }, label).start();
      spinner = mine;
      try {
        return await work;
      } finally {
        mine.stop();
        if (spinner === mine) spinner = undefined;
      }
    },
  };
}

/**
 * Wraps what is written to a terminal, line by line. Only text that starts a line is wrapped
 * (the rest of a line begun by an earlier write cannot be measured), never the progress line's
 * redraw (it carries a carriage return and is fitted by its writer), and never a JSON document
 * (a line break inside a string would make it invalid: `espace api` prints one without --json).
 */
const JSON_DOCUMENT = /^\s*[[{][^]*[\]}]\s*$/;

function lineWrapper(terminal: boolean, columns: number): (text: string) => string {
  if (!terminal) return (text) => text;
  let atLineStart = true;
  return (text) => {
    if (text === '') return text;
    const wrapped = atLineStart && !text.includes('\r') && !JSON_DOCUMENT.test(text) ? wrapParagraphs(text, columns) : text;
    atLineStart = text.endsWith('\n');
    return wrapped;
  };
}
