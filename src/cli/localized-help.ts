/**
 * Commander's help in the user's language. Commander writes its own words in English (the usage
 * line's `[options]`, `<file>`-style placeholders, "choices:", "default:"); this Help subclass takes
 * them from the catalog instead. The section titles are styled in program.ts (`styleTitle`).
 */
import { type Argument, type CommandUnknownOpts, Help, type Option } from './commander.js';
import { hasMessage, type MessageKey, type Translate } from '../i18n/catalog.js';

/** The catalog key of a placeholder word, when the catalog has it. */
function termKey(word: string): MessageKey | undefined {
  const key = `commander.term.${word.toLowerCase()}`;
  return hasMessage(key) ? key : undefined;
}

/**
 * A placeholder in the user's words: `file` → `fichier`, `api=path` → `api=chemin`. A word the
 * catalog lacks is left as written (the French help test names it).
 */
export function localTerm(name: string, t: Translate): string {
  return name.replace(/[A-Za-z]+/g, (word) => {
    const key = termKey(word);
    return key ? t(key) : word;
  });
}

/** The words of a placeholder that the catalog does not translate (for the help test). */
export function untranslatedTermWords(name: string): string[] {
  return [...name.matchAll(/[A-Za-z]+/g)].map((match) => match[0]).filter((word) => !termKey(word));
}

/** `--output <file>` → `--output <fichier>`. */
export function localFlags(flags: string, t: Translate): string {
  return flags.replace(/([<[])([^>\]]+)([>\]])/g, (_whole, open: string, inner: string, close: string) => `${open}${localTerm(inner, t)}${close}`);
}

/** An argument as the usage line shows it: `<chemin>`, `[facture]`, `<nom...>`. */
export function localArgument(argument: Argument, t: Translate): string {
  const name = localTerm(argument.name(), t) + (argument.variadic ? '...' : '');
  return argument.required ? `<${name}>` : `[${name}]`;
}

/** A default worth showing: not a flag's false, not an empty list. */
function shownDefault(value: unknown, description: string | undefined): string | undefined {
  if (description) return description;
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export class LocalizedHelp extends Help {
  readonly #t: Translate;

  constructor(t: Translate) {
    super();
    this.#t = t;
  }

  override commandUsage(cmd: CommandUnknownOpts): string {
    const names: string[] = [];
    for (let command: CommandUnknownOpts | null = cmd; command; command = command.parent) names.unshift(command.name());
    // Every command has at least -h, --help, so `[options]` always applies (as in commander).
    const parts = [this.#t('commander.usage.options')];
    if (cmd.commands.length > 0) parts.push(this.#t('commander.usage.command'));
    parts.push(...cmd.registeredArguments.map((argument) => localArgument(argument, this.#t)));
    return `${names.join(' ')} ${parts.join(' ')}`;
  }

  override subcommandTerm(cmd: CommandUnknownOpts): string {
    const alias = cmd.aliases()[0];
    return [
      cmd.name() + (alias ? `|${alias}` : ''),
      ...(cmd.options.length > 0 ? [this.#t('commander.usage.options')] : []),
      ...cmd.registeredArguments.map((argument) => localArgument(argument, this.#t)),
    ].join(' ');
  }

  override optionTerm(option: Option): string {
    return localFlags(option.flags, this.#t);
  }

  override argumentTerm(argument: Argument): string {
    return localTerm(argument.name(), this.#t);
  }

  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(this.#t('commander.help.choices', { choices: option.argChoices.join(', ') }));
    const initial = option.required || option.optional ? shownDefault(option.defaultValue, option.defaultValueDescription) : undefined;
    if (initial !== undefined) extra.push(this.#t('commander.help.default', { value: initial }));
    if (option.presetArg !== undefined && option.optional) extra.push(this.#t('commander.help.preset', { value: String(option.presetArg) }));
    if (option.envVar !== undefined) extra.push(this.#t('commander.help.env', { name: option.envVar }));
    return withExtra(option.description, extra);
  }

  override argumentDescription(argument: Argument): string {
    const extra: string[] = [];
    if (argument.argChoices) extra.push(this.#t('commander.help.choices', { choices: argument.argChoices.join(', ') }));
    const initial = shownDefault(argument.defaultValue, argument.defaultValueDescription);
    if (initial !== undefined) extra.push(this.#t('commander.help.default', { value: initial }));
    return withExtra(argument.description, extra);
  }
}

function withExtra(description: string, extra: string[]): string {
  if (extra.length === 0) return description;
  const parenthesis = `(${extra.join(', ')})`;
  return description ? `${description} ${parenthesis}` : parenthesis;
}
