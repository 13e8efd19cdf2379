/**
 * The command tree as completion scripts need it, read from commander: every visible command path,
 * its subcommands, flags (and whether they take a value, with which choices) and positional
 * arguments, and which values are dynamic (fetched by `espace __complete KIND` at TAB time).
 *
 * Dynamic values are recognised by name, so that commands added by any noun are covered without
 * registering anything: an option `--context`, `--account`, `--bill` or `--ticket`, an argument
 * named after a kind (`<bill>`, `<ticket-id>`), or an argument `<id>`/`<name>` of the noun of that
 * kind (`ticket show <id>`, `context use <name>`), except on verbs that create one.
 */
import { type CommandUnknownOpts, Help } from '../commander.js';
import { VALUE_KINDS, type ValueKind } from './value-kinds.js';

export { VALUE_KINDS, type ValueKind };

/** Verbs whose argument names something new, so existing values are no help. */
const CREATING_VERBS = new Set(['add', 'create', 'open', 'new']);

export interface FlagSpec {
  /** `--account`, `-v`… (all spellings). */
  names: string[];
  description: string;
  takesValue: boolean;
  choices?: readonly string[];
  kind?: ValueKind;
}

export interface CommandSpec {
  /** Space-separated words after `espace`; '' for the program itself. */
  path: string;
  description: string;
  subcommands: { name: string; description: string }[];
  flags: FlagSpec[];
  /** One entry per positional argument: its dynamic kind, its choices, or nothing to offer. */
  args: { kind?: ValueKind; choices?: readonly string[] }[];
}

function kindOfFlag(long: string | undefined): ValueKind | undefined {
  const name = long?.replace(/^--/, '');
  return VALUE_KINDS.find((kind) => kind === name);
}

function kindOfArgument(path: string[], argument: string): ValueKind | undefined {
  const lower = argument.toLowerCase();
  const named = VALUE_KINDS.find((kind) => kind === lower.replace(/[-_]?id$/, ''));
  if (named) return named;
  const [noun, verb] = path;
  if ((lower === 'id' || lower === 'name') && !CREATING_VERBS.has(verb ?? '')) return VALUE_KINDS.find((kind) => kind === noun);
  return undefined;
}

/** Every visible command of the program, depth first, parents before children. */
export function describeTree(program: CommandUnknownOpts, helpTopics: readonly string[] = []): CommandSpec[] {
  const help = new Help();
  const specs: CommandSpec[] = [];
  const visit = (command: CommandUnknownOpts, path: string[]) => {
    const subcommands = help.visibleCommands(command);
    const flags = help.visibleOptions(command).map((option): FlagSpec => ({
      names: [option.short, option.long].filter((name): name is string => name !== undefined),
      description: option.description,
      takesValue: option.required || option.optional,
      ...(option.argChoices ? { choices: option.argChoices } : {}),
      ...(kindOfFlag(option.long) ? { kind: kindOfFlag(option.long) } : {}),
    }));
    const args = command.registeredArguments;
    const isHelp = path.length > 0 && path.at(-1) === 'help';
    specs.push({
      path: path.join(' '),
      description: command.description(),
      subcommands: subcommands.map((sub) => ({ name: sub.name(), description: sub.description() })),
      flags,
      args: isHelp
        ? [{ choices: [...helpChoices(specs, path.slice(0, -1)), ...(path.length === 1 ? helpTopics : [])] }]
        : args.map((argument) => ({
            ...(kindOfArgument(path, argument.name()) ? { kind: kindOfArgument(path, argument.name()) } : {}),
            ...(argument.argChoices ? { choices: argument.argChoices } : {}),
          })),
    });
    for (const sub of subcommands) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return specs;
}

/** What `help` can be asked about at a level: the other commands there. */
function helpChoices(specs: readonly CommandSpec[], parent: string[]): string[] {
  const spec = specs.find((candidate) => candidate.path === parent.join(' '));
  return (spec?.subcommands ?? []).map((sub) => sub.name).filter((name) => name !== 'help');
}
