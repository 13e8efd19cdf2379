/**
 * A commander Command whose parse errors speak the user's language. Commander words its errors in
 * English only, in methods it calls while parsing (`unknownOption`, `missingArgument`…); this
 * subclass overrides those methods, so each error is built from its parts (the option, the value,
 * the argument, the choices, the closest names) into a catalog message, and keeps commander's code
 * ('commander.unknownOption'…). Subcommands are created through `createCommand`, so the whole
 * tree is localized; help goes through LocalizedHelp.
 */
import { Argument, Command, type CommandUnknownOpts, type Help, type Option } from './commander.js';
import type { Translate } from '../i18n/catalog.js';
import { localArgument, localFlags, localTerm, LocalizedHelp } from './localized-help.js';
import { type Expectation, expectationIn } from './parsers.js';
import { closestWords } from './suggest.js';

/** Commander's own settings read by the overridden methods (not in its typings). */
interface CommanderInternals {
  _allowUnknownOption?: boolean;
  _allowExcessArguments?: boolean;
}

/** "--batch-size takes a whole number from 1 to 200, not '500'." */
export function expectationMessage(expectation: Expectation, refused: { option: string; value: string }, t: Translate): string {
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

export class LocalizedCommand extends Command {
  readonly #t: Translate;

  constructor(name: string | undefined, t: Translate) {
    super(name);
    this.#t = t;
  }

  override createCommand(name?: string): Command {
    return new LocalizedCommand(name, this.#t);
  }

  override createHelp(): Help {
    return Object.assign(new LocalizedHelp(this.#t), this.configureHelp());
  }

  /** `espace bill show`: the words that run this command. */
  #path(): string {
    const names: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- a walk up the parents, from this command
    for (let command: CommandUnknownOpts | null = this; command; command = command.parent) names.unshift(command.name());
    return names.join(' ');
  }

  #didYouMean(suggestions: string[]): string {
    if (suggestions.length === 0) return '';
    if (suggestions.length === 1) return ` ${this.#t('commander.error.didYouMean', { suggestion: suggestions[0]! })}`;
    return ` ${this.#t('commander.error.didYouMeanOneOf', { suggestions: suggestions.join(', ') })}`;
  }

  /** Called by commander for an option no command on the path declares. */
  unknownOption(flag: string): void {
    if ((this as unknown as CommanderInternals)._allowUnknownOption) return;
    const known: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- a walk up the parents, from this command
    for (let command: CommandUnknownOpts | null = this; command; command = command.parent) {
      for (const option of this.createHelp().visibleOptions(command)) if (option.long) known.push(option.long);
    }
    const suggestions = flag.startsWith('--') ? closestWords(flag, known) : [];
    this.error(this.#t('commander.error.unknownOption', { option: flag }) + this.#didYouMean(suggestions), { code: 'commander.unknownOption' });
  }

  /** Called by commander when the first word names no subcommand. */
  unknownCommand(): void {
    const name = this.args[0] ?? '';
    const known = this.createHelp()
      .visibleCommands(this)
      .flatMap((command) => [command.name(), ...command.aliases().slice(0, 1)]);
    this.error(this.#t('commander.error.unknownCommand', { name }) + this.#didYouMean(closestWords(name, known)), { code: 'commander.unknownCommand' });
  }

  /** Called by commander when a required argument was not given. */
  missingArgument(name: string): void {
    const declared = this.registeredArguments.find((argument) => argument.name() === name);
    const argument = declared ? localArgument(declared, this.#t) : `<${localTerm(name, this.#t)}>`;
    this.error(this.#t('commander.error.missingArgument', { argument, command: this.#path() }), { code: 'commander.missingArgument' });
  }

  /** Called by commander for `--limit` without its value. */
  optionMissingArgument(option: Option): void {
    const message = this.#t('commander.error.optionMissingArgument', {
      option: option.long ?? option.short ?? option.flags,
      term: localFlags(option.flags, this.#t),
    });
    this.error(message, { code: 'commander.optionMissingArgument' });
  }

  /** Called by commander when a mandatory option (`context add --url`) was not given. */
  missingMandatoryOptionValue(option: Option): void {
    this.error(this.#t('commander.error.missingMandatoryOption', { term: localFlags(option.flags, this.#t) }), {
      code: 'commander.missingMandatoryOptionValue',
    });
  }

  /** Called by commander when there are more words than declared arguments. */
  _excessArguments(received: string[]): void {
    if ((this as unknown as CommanderInternals)._allowExcessArguments) return;
    const declared = this.registeredArguments;
    const extra = received.slice(declared.length).join(' ');
    const message =
      declared.length === 0
        ? this.#t('commander.error.excessArgumentsNone', { command: this.#path(), extra })
        : this.#t('commander.error.excessArguments', {
            command: this.#path(),
            arguments: declared.map((argument) => localArgument(argument, this.#t)).join(' '),
            extra,
          });
    this.error(message, { code: 'commander.excessArguments' });
  }

  /** Commander parses every option value and argument through here; a refused value is worded from its parts. */
  _callParseArg(target: Option | Argument, value: string, previous: unknown, _englishMessage: string): unknown {
    try {
      return target.parseArg!(value, previous);
    } catch (error) {
      const refusal = error as { code?: string; message?: string; exitCode?: number };
      if (refusal.code !== 'commander.invalidArgument') throw error;
      const name = target instanceof Argument ? `<${localTerm(target.name(), this.#t)}>` : (target.long ?? target.short ?? target.flags);
      const choices = target.argChoices;
      const expectation = expectationIn(refusal.message ?? '');
      const message =
        choices && !choices.includes(value)
          ? this.#t('commander.error.invalidChoice', { value, name, choices: choices.join(', ') })
          : expectation
            ? expectationMessage(expectation, { option: name, value }, this.#t)
            : this.#t('commander.error.invalidValue', { value, name, detail: refusal.message ?? '' });
      this.error(message, { code: 'commander.invalidArgument', exitCode: refusal.exitCode });
    }
  }
}
