/**
 * The command tree. Each noun registers its verbs in `commands/<noun>/index.ts`; the code that
 * runs a verb lives in `commands/<noun>/<verb>.ts` and is imported only when that verb runs.
 */
import { type CommandUnknownOpts, Option, type OptionValues } from './commander.js';
import type { Lang, MessageKey, Translate } from '../i18n/catalog.js';
import type { IO } from '../output/io.js';
import { DryRunStop } from '../api/dry-run.js';
import { refuseControlCharactersInIds } from './id-values.js';
import { registerApi } from './commands/api/index.js';
import { registerAccount } from './commands/account/index.js';
import { registerAuth } from './commands/auth/index.js';
import { registerAutopay } from './commands/autopay/index.js';
import { registerBill } from './commands/bill/index.js';
import { registerCompleteValues, registerCompletion } from './commands/completion/index.js';
import { registerContext } from './commands/context/index.js';
import { registerDemo } from './commands/demo/index.js';
import { registerPay } from './commands/pay/index.js';
import { registerPayment } from './commands/payment/index.js';
import { registerPaymentMethod } from './commands/payment-method/index.js';
import { registerProfile } from './commands/profile/index.js';
import { registerSandbox } from './commands/sandbox/index.js';
import { registerPlan } from './commands/plan/index.js';
import { registerOrder } from './commands/order/index.js';
import { registerAddon } from './commands/addon/index.js';
import { registerUsage } from './commands/usage/index.js';
import { registerSupport } from './commands/support/index.js';
import { registerTicket } from './commands/ticket/index.js';
import { registerDoctor } from './commands/doctor/index.js';
import { registerHelpTopics } from './commands/help-topics/index.js';
import { registerOutage } from './commands/outage/index.js';
import { registerSmoke } from './commands/smoke/index.js';
import { registerConfig } from './commands/config/index.js';
import { type CommandDeps, type GlobalOptions, VERSION } from './command-deps.js';
import { LocalizedCommand } from './localized-command.js';
import { jsonFieldsOf } from '../output/json-fields.js';
import { DEFAULT_COLUMNS } from '../output/columns.js';

/** A command module: its options type and the function that does the work. */
export interface CommandModule<O> {
  run(options: O, ctx: CommandDeps): Promise<void>;
}

export interface Registrar {
  t: Translate;
  /** The language `t` speaks, for text kept per language outside the catalog (domain/contact.ts). */
  lang: Lang;
  /**
   * Turns a lazily loaded command module into a commander action. `map` turns the command's
   * arguments and options, typed as the command declares them (@commander-js/extra-typings),
   * into the module's options.
   */
  action<Args extends unknown[], Opts extends OptionValues, O>(
    load: () => Promise<CommandModule<O>>,
    map: (args: Args, options: Opts) => O,
  ): (...args: [...Args, Opts, CommandUnknownOpts]) => Promise<void>;
  /** Adds a localized "Examples" section to a command's help. */
  examples<C extends CommandUnknownOpts>(command: C, lines: string[]): C;
}

export interface ProgramOptions {
  t: Translate;
  lang: Lang;
  io: IO;
  makeDeps: (globals: GlobalOptions) => CommandDeps;
  /** The arguments: when they name a noun, only that noun's commands are built. */
  argv: readonly string[];
  /** Called before a command whose output may be long (PAGED) runs: its output may go to the pager. */
  onPagedCommand?: () => void;
}

/**
 * Commands that print documents or lists a person reads (and never prompt once they print), so
 * their output may go through the pager on a terminal. Bulk runs (--accounts-from) stream instead.
 */
const PAGED = new Set([
  'bill list',
  'bill show',
  'bill diff',
  'bill explain',
  'plan show',
  'plan catalog',
  'outage',
  'ticket list',
  'ticket show',
  'payment list',
  'payment show',
  'order list',
  'order show',
  'usage show',
  'account show',
  'addon list',
]);

const NOUNS: Record<string, (program: CommandUnknownOpts, registrar: Registrar) => void> = {
  auth: registerAuth,
  bill: registerBill,
  context: registerContext,
  sandbox: registerSandbox,
  demo: registerDemo,
  pay: registerPay,
  payment: registerPayment,
  'payment-method': registerPaymentMethod,
  autopay: registerAutopay,
  plan: registerPlan,
  order: registerOrder,
  addon: registerAddon,
  usage: registerUsage,
  profile: registerProfile,
  ticket: registerTicket,
  support: registerSupport,
  outage: registerOutage,
  doctor: registerDoctor,
  completion: registerCompletion,
  __complete: registerCompleteValues,
  'exit-codes': registerHelpTopics,
  api: registerApi,
  account: registerAccount,
  smoke: registerSmoke,
  config: registerConfig,
};

/** Global options that take a value, so that the value is not mistaken for the noun. */
const VALUED_GLOBALS = new Set(['--context', '--api-url', '--lang', '--timeout', '--fields']);

/** The first word of argv that is not an option: the noun, when the user named one. */
export function nounOf(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') return undefined;
    if (VALUED_GLOBALS.has(arg)) index++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

const HELP_TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
  'Global Options:': 'help.globalOptions',
};

export function buildProgram({ t, lang, io, makeDeps, argv, onPagedCommand }: ProgramOptions): CommandUnknownOpts {
  // Commander's own words (usage, placeholders, choices, defaults, parse errors) come from the catalog.
  const program = new LocalizedCommand('espace', t)
    .description(t('program.description'))
    .version(VERSION, '-V, --version', t('program.version'))
    .helpOption('-h, --help', t('program.help'))
    .helpCommand('help [command]', t('program.helpCommand'))
    .option('--context <name>', t('program.context'))
    .option('--api-url <url>', t('program.apiUrl'))
    .option('--timeout <seconds>', t('program.timeout'))
    .option('--json', t('program.json'))
    .option('--fields <list>', t('fields.option'))
    .option('--no-color', t('program.noColor'))
    .option('--plain', t('program.plain'))
    .option('--no-pager', t('program.noPager'))
    .addOption(new Option('--lang <lang>', t('program.lang')).choices(['en', 'fr']))
    .option('-v, --verbose', t('program.verbose'))
    .showSuggestionAfterError(true)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      // Help is laid out for the width everything else fits in (columns.ts: COLUMNS, else the
      // terminal's), and for 80 columns when piped, as commander does.
      getOutHelpWidth: () => (io.stdoutIsTTY ? io.columns : DEFAULT_COLUMNS),
      getErrHelpWidth: () => (io.stderrIsTTY ? io.columns : DEFAULT_COLUMNS),
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
    lang,
    action:
      <Args extends unknown[], Opts extends OptionValues, O>(load: () => Promise<CommandModule<O>>, map: (args: Args, options: Opts) => O) =>
      async (...args: [...Args, Opts, CommandUnknownOpts]) => {
        // Commander calls an action with the arguments, the options (the command's live values,
        // which the dry run below sets) and the command. TypeScript cannot split a tuple that ends
        // in two known elements, so the parts are named here, once for every command.
        const command = args.at(-1) as CommandUnknownOpts;
        const options = args.at(-2) as Opts;
        const words = args.slice(0, -2) as Args;
        refuseControlCharactersInIds(command, words);
        const dryRun = command.opts().dryRun === true;
        // A dry run sends nothing that changes anything, so there is nothing to confirm: it goes as
        // far as a confirmed run would (terms are still shown), and stops before the first write.
        if (dryRun)
          for (const name of ['yes', 'acceptTerms']) if (command.options.some((option) => option.attributeName() === name)) command.setOptionValue(name, true);
        // The program's options, wherever they were typed (no command declares one of the same name).
        const globals = program.opts();
        const path = commandPath(command);
        const fields = await jsonFieldSelection(command, path, globals.fields);
        const base = makeDeps({
          context: globals.context,
          apiUrl: globals.apiUrl,
          timeout: globals.timeout,
          json: Boolean(globals.json) || fields !== undefined,
          verbose: Boolean(globals.verbose),
          dryRun,
        });
        const ctx = fields ? { ...base, io: fields.selectingIO(base.io) } : base;
        const module = await load();
        if (PAGED.has(path) && command.opts().accountsFrom === undefined) onPagedCommand?.();
        try {
          await module.run(map(words, options), ctx);
        } catch (error) {
          if (!(error instanceof DryRunStop)) throw error;
          await reportDryRun(error, base);
        }
      },
    examples: (command, lines) => command.addHelpText('after', `\n${t('help.examples')}\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`),
  };

  // Every command is a new process: build only the named noun's commands. The full tree is
  // built for top-level help, `espace help …` and unknown words (so suggestions see every noun).
  const noun = nounOf(argv);
  const only = noun !== undefined && noun !== 'help' ? NOUNS[noun] : undefined;
  if (only) only(program, registrar);
  else for (const register of Object.values(NOUNS)) register(program, registrar);
  registrar.examples(program, ['espace demo', 'espace auth login', 'espace bill show latest', 'espace bill list --json']);
  listJsonFields(program, t);
  return program;
}

/** `bill show` for the command `espace bill show`. */
function commandPath(command: CommandUnknownOpts): string {
  const names: string[] = [];
  for (let at: CommandUnknownOpts | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * `--fields` of this run, checked against the command's declared fields before anything is sent.
 * A bulk-capable command keeps its own meaning of `--fields` (CSV columns, or each record's data):
 * the program reads the flag wherever it is typed, so the value is handed to the command.
 */
async function jsonFieldSelection(command: CommandUnknownOpts, path: string, text: string | undefined) {
  if (text === undefined) return undefined;
  // Loaded only with --fields: the JSON formatting it needs is not on every command's start-up path.
  const { checkFields, fieldSelectingIO, parseFieldList } = await import('../output/field-selection.js');
  const fields = parseFieldList(text);
  const declared = jsonFieldsOf(path);
  if (command.opts().accountsFrom !== undefined && command.options.some((option) => option.long === '--fields')) {
    command.setOptionValue('fields', text);
    return undefined;
  }
  if (declared) checkFields(fields, declared, path);
  const selection = { fields, command: path, declared };
  return { selectingIO: (io: IO) => fieldSelectingIO(io, selection) };
}

/** Each command with declared JSON fields lists them at the end of its help. */
function listJsonFields(program: CommandUnknownOpts, t: Translate): void {
  const visit = (command: CommandUnknownOpts) => {
    const declared = jsonFieldsOf(commandPath(command));
    if (declared) command.addHelpText('after', `\n${t('fields.help')}\n  ${declared.join(', ')}\n`);
    command.commands.forEach(visit);
  };
  visit(program);
}

/** What a dry run stopped before sending: on stderr, and as JSON on stdout with --json. */
async function reportDryRun(stop: DryRunStop, ctx: CommandDeps): Promise<void> {
  const { toJson } = await import('../output/formats.js');
  const { method, path, json } = stop.request;
  if (ctx.globals.json) ctx.io.out(toJson({ dryRun: true, request: { method, path, body: json ?? null } }));
  ctx.io.err(`${ctx.t('core.dryRun.wouldSend', { method, path })}\n`);
  if (!ctx.globals.json && json !== undefined) ctx.io.err(`${toJson(json)}`);
}
