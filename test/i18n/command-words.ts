/** The command tree as the user types it: for the tests that look for English in French. */
import { type CommandUnknownOpts, Help } from '../../src/cli/commander.js';
import { buildProgram } from '../../src/cli/program.js';
import { translator } from '../../src/i18n/catalog.js';
import { DEFAULT_KEYS } from '../../src/config/defaults.js';
import type { IO } from '../../src/output/io.js';
import { JSON_FIELDS } from '../../src/output/json-fields.js';

/** The full command tree, as `espace --help` builds it. */
export function fullProgram(): CommandUnknownOpts {
  return buildProgram({
    t: translator('fr'),
    lang: 'fr',
    io: { out: () => {}, err: () => {} } as unknown as IO,
    argv: [],
    makeDeps: () => {
      throw new Error('not run');
    },
  });
}

/** Every visible command with its words after `espace`. */
export function commands(): string[][] {
  const help = new Help();
  const found: string[][] = [];
  const visit = (command: CommandUnknownOpts, path: string[]) => {
    found.push(path);
    for (const sub of help.visibleCommands(command)) visit(sub, [...path, sub.name()]);
  };
  visit(fullProgram(), []);
  return found;
}

/**
 * What the user types: command names and aliases, the words of option names and their choices,
 * the JSON field names `--fields` takes, and the values `espace config set` takes.
 */
export function commandWords(): Set<string> {
  const words = new Set<string>();
  const visit = (command: CommandUnknownOpts) => {
    for (const name of [command.name(), ...command.aliases()]) {
      words.add(name.toLowerCase());
      for (const word of name.toLowerCase().split('-')) words.add(word);
    }
    for (const option of command.options) {
      for (const word of (option.long ?? '').replace(/^--/, '').split('-')) words.add(word.toLowerCase());
      for (const choice of option.argChoices ?? []) words.add(choice.toLowerCase());
    }
    for (const argument of command.registeredArguments) for (const choice of argument.argChoices ?? []) words.add(choice.toLowerCase());
    for (const sub of command.commands) visit(sub);
  };
  visit(fullProgram());
  words.add('help'); // commander's help command, typed as it is
  for (const fields of Object.values(JSON_FIELDS)) for (const field of fields) words.add(field.toLowerCase());
  for (const values of Object.values(DEFAULT_KEYS)) for (const value of values ?? []) words.add(String(value).toLowerCase());
  words.add('off'); // `espace config set pager off`
  words.delete('');
  return words;
}
