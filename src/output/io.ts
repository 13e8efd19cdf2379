/**
 * The IO abstraction: the only way commands reach the terminal. Data goes to stdout, everything
 * else (progress, warnings, prompts) to stderr. Tests build one over buffers (see test/helpers/cli.ts).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Readable, Writable } from 'node:stream';

export interface IO {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Prompts are allowed only when a person can answer them. */
  readonly interactive: boolean;
  /** Colours for stdout and stderr (none when NO_COLOR, --no-color, or not a terminal). */
  readonly color: ChalkInstance;
  readonly errColor: ChalkInstance;
  readonly columns: number;
  out(text: string): void;
  err(text: string): void;
  /** Reads all of stdin as UTF-8 (for --password-stdin and friends). */
  readStdin(): Promise<string>;
}

export interface StreamIOOptions {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  /** false when NO_COLOR is set or --no-color was given. */
  colorAllowed: boolean;
  /** FORCE_COLOR: colours even when not a terminal. */
  colorForced?: boolean;
}

export function streamIO(options: StreamIOOptions): IO {
  const { stdin, stdout, stderr } = options;
  const stdinIsTTY = stdin.isTTY === true;
  const stdoutIsTTY = stdout.isTTY === true;
  const stderrIsTTY = stderr.isTTY === true;
  const colorLevel = (tty: boolean) => (options.colorAllowed && (tty || options.colorForced) ? 1 : 0);
  return {
    stdin,
    stdout,
    stderr,
    stdinIsTTY,
    stdoutIsTTY,
    stderrIsTTY,
    interactive: stdinIsTTY && stderrIsTTY,
    color: new Chalk({ level: colorLevel(stdoutIsTTY) }),
    errColor: new Chalk({ level: colorLevel(stderrIsTTY) }),
    columns: stdout.columns ?? 100,
    out: (text) => void stdout.write(text),
    err: (text) => void stderr.write(text),
    readStdin: () => readAll(stdin),
  };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
