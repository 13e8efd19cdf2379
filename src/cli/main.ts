/**
 * The entry point behind bin/espace.js: parses argv, runs one command, and is the one place that
 * turns errors into messages and exit codes. It returns the exit code; only bin/ sets it.
 */
import type { Readable, Writable } from 'node:stream';
import { CommanderError } from 'commander';
import { EXIT_CODES, EspaceError } from '../errors.js';
import { type Translate, translator } from '../i18n/catalog.js';
import { resolveLang } from '../i18n/lang.js';
import { colorPolicy } from '../output/color-policy.js';
import { storedDefaults } from '../config/defaults.js';
import { type IO, createIO } from '../output/io.js';
import { pagerCommand, showPaged } from '../output/pager.js';
import { plainLayout } from '../output/plain.js';
import { sanitizeLine, sanitizeText } from '../output/sanitize.js';
import { terminalColumns } from '../output/columns.js';
import { buildProgram } from './program.js';
import { terminalPrompter } from './prompt.js';
import { createCommandDeps, type CommandDeps, type GlobalOptions } from './command-deps.js';

export interface MainOptions {
  argv: string[];
  env: Record<string, string | undefined>;
  /** A function when stdin should be opened only if a command reads it. */
  stdin: Readable | (() => Readable);
  stdinIsTTY?: boolean;
  stdout: Writable;
  stderr: Writable;
  /** Tests substitute the prompter and the vault; see createCommandDeps. */
  depsOverrides?: Partial<Pick<Parameters<typeof createCommandDeps>[0], 'prompt' | 'vault' | 'clock'>>;
}

/** The value of a global option before commander has parsed anything (needed to build help). */
function prescan(argv: string[], name: string): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') break;
    if (arg === name) return argv[index + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** Whether stdout carries data for a program (JSON, NDJSON, CSV), which no terminal width changes. */
function dataOutput(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '--json' || arg === '--format' || arg.startsWith('--format='));
}

const colorOptions = (policy: { allowed: boolean; forced: boolean }) => ({ colorAllowed: policy.allowed, colorForced: policy.forced });

export async function main(options: MainOptions): Promise<number> {
  const { argv, env } = options;
  // The user's defaults (`espace config set`) rank below flags and the environment.
  const defaults = storedDefaults(env);
  const lang = resolveLang(prescan(argv, '--lang'), env, defaults.lang);
  const t = translator(lang);
  const io = await createIO({
    stdin: options.stdin,
    stdinIsTTY: options.stdinIsTTY,
    stdout: options.stdout,
    stderr: options.stderr,
    // --no-color, NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE, TERM=dumb, CLICOLOR: see color-policy.ts.
    ...colorOptions(colorPolicy(env, argv, defaults.color)),
    columns: terminalColumns(env, options.stdout as { columns?: number }, options.stderr as { columns?: number }),
    plain: plainLayout(env, argv, defaults.plain),
    wrapStdout: !dataOutput(argv),
  });
  ignoreBrokenPipe(options.stdout);

  const pager = pagerCommand(env, argv, defaults.pager);
  const showHeld = async () => {
    const held = io.release();
    if (held) await showPaged(held, pager!, options.stdout as Writable & { rows?: number }, env);
  };
  let deps: CommandDeps | undefined;
  const program = buildProgram({
    t,
    lang,
    io,
    argv,
    // A command whose output may be long is held for the pager, when there is one to show it.
    onPagedCommand: () => {
      if (pager && io.stdoutIsTTY) io.hold();
    },
    makeDeps: (globals: GlobalOptions) => {
      deps = createCommandDeps({ io, lang, env, globals, prompt: terminalPrompter(io, lang), ...options.depsOverrides });
      return deps;
    },
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    await showHeld();
    return EXIT_CODES.ok;
  } catch (error) {
    // What the command printed before it failed comes before the error.
    await showHeld();
    return report(error, io, t, argv.includes('--verbose') || argv.includes('-v'));
  } finally {
    await deps?.close();
  }
}

/** `espace bill list | head` closes stdout early: that is not an error worth a stack trace. */
function ignoreBrokenPipe(stream: Writable): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

function report(error: unknown, io: IO, t: Translate, verbose: boolean): number {
  const alert = io.errColor.error;
  const dim = io.errColor.dim;
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT_CODES.ok;
    }
    io.err(`${alert(t('core.errorPrefix'))} ${commanderMessage(error)}\n`);
    io.err(`${dim(t('core.usageHint'))}\n`);
    return EXIT_CODES.usage;
  }
  if (error instanceof EspaceError) {
    io.err(`${alert(t('core.errorPrefix'))} ${sanitizeText(error.describe(t))}\n`);
    const hint = error.describeHint(t);
    if (hint) io.err(`${t('core.hintPrefix')} ${sanitizeText(hint)}\n`);
    if (verbose && error.cause) io.err(dim(`${String((error.cause as Error).stack ?? error.cause)}\n`));
    return EXIT_CODES[error.category];
  }
  io.err(`${alert(t('core.errorPrefix'))} ${t('core.unexpected', { message: sanitizeLine(String((error as Error)?.message ?? error)) })}\n`);
  if (verbose) io.err(dim(`${String((error as Error)?.stack ?? '')}\n`));
  return EXIT_CODES.general;
}

/**
 * A parse error's message: LocalizedCommand words commander's errors in the user's language; any
 * other error commander raises comes in its own English, as "error: …".
 */
function commanderMessage(error: CommanderError): string {
  return error.message.replace(/^error: /, '');
}
