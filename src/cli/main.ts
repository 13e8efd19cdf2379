/**
 * The entry point behind bin/espace.js: parses argv, runs one command, and is the one place that
 * turns errors into messages and exit codes. It returns the exit code; only bin/ sets it.
 */
import type { Readable, Writable } from 'node:stream';
import { CommanderError } from 'commander';
import { EXIT_CODES, EspaceError } from '../errors.js';
import { type Translate, translator } from '../i18n/catalog.js';
import { resolveLang } from '../i18n/lang.js';
import { type IO, createIO } from '../output/io.js';
import { sanitizeLine, sanitizeText } from '../output/sanitize.js';
import { type Expectation, expectationIn } from './parsers.js';
import { buildProgram } from './program.js';
import { terminalPrompter } from './prompt.js';
import { createContext, type Context, type GlobalOptions } from './context.js';

export interface MainOptions {
  argv: string[];
  env: Record<string, string | undefined>;
  /** A function when stdin should be opened only if a command reads it. */
  stdin: Readable | (() => Readable);
  stdinIsTTY?: boolean;
  stdout: Writable;
  stderr: Writable;
  /** Tests substitute the prompter and the vault; see createContext. */
  contextOverrides?: Partial<Pick<Parameters<typeof createContext>[0], 'prompt' | 'vault' | 'clock'>>;
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

export async function main(options: MainOptions): Promise<number> {
  const { argv, env } = options;
  const lang = resolveLang(prescan(argv, '--lang'), env);
  const t = translator(lang);
  const io = await createIO({
    stdin: options.stdin,
    stdinIsTTY: options.stdinIsTTY,
    stdout: options.stdout,
    stderr: options.stderr,
    colorAllowed: !env.NO_COLOR && !argv.includes('--no-color'),
    colorForced: Boolean(env.FORCE_COLOR) && env.FORCE_COLOR !== '0',
  });
  ignoreBrokenPipe(options.stdout);

  let context: Context | undefined;
  const program = buildProgram({
    t,
    lang,
    io,
    argv,
    makeContext: (globals: GlobalOptions) => {
      context = createContext({ io, lang, env, globals, prompt: terminalPrompter(io), ...options.contextOverrides });
      return context;
    },
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_CODES.ok;
  } catch (error) {
    return report(error, io, t, argv.includes('--verbose') || argv.includes('-v'));
  } finally {
    await context?.close();
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
    io.err(`${alert(t('core.errorPrefix'))} ${commanderMessage(error, t)}\n`);
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

/** Commander's parse errors, in the user's language (commander itself speaks only English). */
/** "--batch-size takes a whole number from 1 to 200, not '500'." */
function expectationMessage(expectation: Expectation, refused: { option: string; value: string }, t: Translate): string {
  switch (expectation.kind) {
    case 'integer':
      return expectation.max === undefined
        ? t('core.expectsIntegerFrom', { ...refused, min: expectation.min })
        : t('core.expectsInteger', { ...refused, min: expectation.min, max: expectation.max });
    case 'positiveNumber':
      return t('core.expectsPositiveNumber', refused);
    case 'duration':
      return t('core.expectsDuration', refused);
  }
}

function commanderMessage(error: CommanderError, t: Translate): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(error.message)?.[1];
  const didYouMean = suggestion ? ` ${t('core.didYouMean', { suggestion })}` : '';
  switch (error.code) {
    case 'commander.unknownCommand':
      return t('core.unknownCommand', { name: quoted }) + didYouMean;
    case 'commander.unknownOption':
      return t('core.unknownOption', { name: quoted }) + didYouMean;
    case 'commander.missingArgument':
      return t('core.missingArgument', { name: quoted });
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      return t('core.optionMissingValue', { name: quoted });
    case 'commander.excessArguments':
      return t('core.excessArguments');
    case 'commander.invalidArgument': {
      // A value outside an option's choices: the one message commander words that we can take apart.
      const choice = /^error: option '(\S+)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/.exec(error.message);
      if (choice) return t('core.invalidChoice', { option: choice[1]!, value: choice[2]!, choices: choice[3]! });
      const refused = /^error: option '(\S+)[^']*' argument '([^']*)' is invalid\./.exec(error.message);
      const expectation = expectationIn(error.message);
      if (refused && expectation) return expectationMessage(expectation, { option: refused[1]!, value: refused[2]! }, t);
      return t('core.invalidArgument', { detail: error.message.replace(/^error: /, '') });
    }
    default:
      return error.message.replace(/^error: /, '');
  }
}
