/**
 * The command tree. Each noun registers its verbs in `commands/<noun>/index.ts`; the code that
 * runs a verb lives in `commands/<noun>/<verb>.ts` and is imported only when that verb runs.
 */
import { Command, Option } from 'commander';
import type { MessageKey, Translate } from '../i18n/catalog.js';
import type { IO } from '../output/io.js';
import { registerAuth } from './commands/auth/index.js';
import { registerBill } from './commands/bill/index.js';
import { registerContext } from './commands/context/index.js';
import { registerDemo } from './commands/demo/index.js';
import { registerSandbox } from './commands/sandbox/index.js';
import { type Context, type GlobalOptions, VERSION } from './context.js';

/** A command module: its options type and the function that does the work. */
export interface CommandModule<O> {
  run(options: O, ctx: Context): Promise<void>;
}

export interface Registrar {
  t: Translate;
  /** Turns a lazily loaded command module into a commander action. */
  action<O>(
    load: () => Promise<CommandModule<O>>,
    map: (args: string[], options: Record<string, unknown>) => O,
  ): (...args: unknown[]) => Promise<void>;
  /** Adds a localized "Examples" section to a command's help. */
  examples(command: Command, lines: string[]): Command;
}

export interface ProgramOptions {
  t: Translate;
  io: IO;
  makeContext: (globals: GlobalOptions) => Context;
}

const HELP_TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
  'Global Options:': 'help.globalOptions',
};

export function buildProgram({ t, io, makeContext }: ProgramOptions): Command {
  const program = new Command('espace')
    .description(t('program.description'))
    .version(VERSION, '-V, --version', t('program.version'))
    .helpOption('-h, --help', t('program.help'))
    .helpCommand('help [command]', t('program.helpCommand'))
    .option('--context <name>', t('program.context'))
    .option('--api-url <url>', t('program.apiUrl'))
    .option('--json', t('program.json'))
    .option('--no-color', t('program.noColor'))
    .addOption(new Option('--lang <lang>', t('program.lang')).choices(['en', 'fr']))
    .option('-v, --verbose', t('program.verbose'))
    .showSuggestionAfterError(true)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      // main.ts reports parse errors itself, in the user's language.
      outputError: () => {},
    })
    .configureHelp({
      styleTitle: (title) => {
        const key = HELP_TITLES[title];
        return key ? t(key) : title;
      },
      showGlobalOptions: true,
    });

  const registrar: Registrar = {
    t,
    action: (load, map) => async (...args) => {
      const command = args.at(-1) as Command;
      const globals = command.optsWithGlobals();
      const ctx = makeContext({
        context: globals.context as string | undefined,
        apiUrl: globals.apiUrl as string | undefined,
        json: Boolean(globals.json),
        verbose: Boolean(globals.verbose),
      });
      const module = await load();
      await module.run(map(args.slice(0, -2) as string[], command.opts()), ctx);
    },
    examples: (command, lines) =>
      command.addHelpText('after', `\n${t('help.examples')}\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`),
  };

  registerAuth(program, registrar);
  registerBill(program, registrar);
  registerContext(program, registrar);
  registerSandbox(program, registrar);
  registerDemo(program, registrar);
  registrar.examples(program, ['espace demo', 'espace auth login', 'espace bill show latest', 'espace bill list --json']);
  return program;
}
