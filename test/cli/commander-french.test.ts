/**
 * Commander's own words in French: every command's help (the whole tree, walked as the completion
 * generator does) carries none of commander's English, and each parse error commander raises is
 * worded in French from its parts (the option, the value, the argument), exits 2, and is chosen
 * by the same language rules as every other message.
 */
import { type CommandUnknownOpts, Help } from '../../src/cli/commander.js';
import { describe, expect, it } from 'vitest';
import { untranslatedTermWords } from '../../src/cli/localized-help.js';
import { runCli } from '../helpers/cli.js';
import { fullProgram } from '../i18n/command-words.js';
import { espace } from '../helpers/spawn.js';

/** Every visible command, with its path of words after `espace` ('' for the program). */
function commands(): { path: string[]; command: CommandUnknownOpts }[] {
  const help = new Help();
  const found: { path: string[]; command: CommandUnknownOpts }[] = [];
  const visit = (command: CommandUnknownOpts, path: string[]) => {
    found.push({ path, command });
    for (const sub of help.visibleCommands(command)) visit(sub, [...path, sub.name()]);
  };
  visit(fullProgram(), []);
  return found;
}

/** Commander's English, as it would appear in a help page. */
const COMMANDER_ENGLISH = [
  'Usage:',
  'Options:',
  'Global Options:',
  'Commands:',
  'Arguments:',
  '[options]',
  '[command]',
  'display help for command',
  'default:',
  'choices:',
  'preset:',
  'env:',
];

describe('French help for the whole command tree', () => {
  const tree = commands();

  it('walks every noun and verb', () => {
    expect(tree.length).toBeGreaterThan(60);
    for (const path of [['bill', 'list'], ['completion'], ['api'], ['context', 'set-api'], ['ticket', 'open']]) {
      expect(tree.map((entry) => entry.path)).toContainEqual(path);
    }
  });

  it('has none of commander’s English words on any help page', async () => {
    const leaks: string[] = [];
    for (const { path } of tree) {
      const result = await runCli(['--lang', 'fr', ...path, '--help']);
      if (result.code !== 0) leaks.push(`espace ${path.join(' ')} --help exited ${result.code}`);
      for (const english of COMMANDER_ENGLISH) {
        if (result.stdout.includes(english)) leaks.push(`espace ${path.join(' ')} --help: ${english}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('has a French word for every word of every placeholder (<file>, <api=path>, [bill])', () => {
    const missing = new Set<string>();
    for (const { path, command } of tree) {
      const names = [
        ...command.options.flatMap((option) => [...option.flags.matchAll(/[<[]([^>\]]+)[>\]]/g)].map((match) => match[1]!)),
        ...command.registeredArguments.map((argument) => argument.name()),
      ];
      for (const name of names) for (const word of untranslatedTermWords(name)) missing.add(`${word} (espace ${path.join(' ')})`);
    }
    expect([...missing]).toEqual([]);
  });

  it('shows placeholders, choices and defaults in French, and keeps them in English', async () => {
    const french = await runCli(['--lang', 'fr', 'bill', 'list', '--help']);
    expect(french.stdout).toMatch(/^Utilisation\s: espace bill list \[option…\]$/m);
    expect(french.stdout).toMatch(/--accounts-from <fichier>/);
    expect(french.stdout).toMatch(/\(par défaut\s: 12\)/);
    expect(french.stdout).toMatch(/\(choix\s:\s+ndjson,\s+csv\)/);
    const completion = await runCli(['--lang', 'fr', 'completion', '--help']);
    expect(completion.stdout).toMatch(/^Utilisation\s: espace completion \[option…\] <shell>$/m);
    const api = await runCli(['--lang', 'fr', 'api', '--help']);
    expect(api.stdout).toMatch(/^Utilisation\s: espace api \[option…\] <méthode> <chemin>$/m);
    expect(api.stdout).toMatch(/-F, --field <clé=valeur>/);
    const top = await runCli(['--lang', 'fr', '--help']);
    expect(top.stdout).toMatch(/^Utilisation\s: espace \[option…\] \[commande\]$/m);
    expect(top.stdout).toMatch(/^ {2}pay \[option…\] \[facture\] /m);

    const english = await runCli(['--lang', 'en', 'bill', 'list', '--help']);
    expect(english.stdout).toMatch(/^Usage: espace bill list \[options\]$/m);
    expect(english.stdout).toMatch(/--accounts-from <file>/);
    expect(english.stdout).toMatch(/\(default: 12\)/);
    expect(english.stdout).toMatch(/\(choices:\s+ndjson,\s+csv\)/);
  });
});

describe('commander’s errors in French (the built CLI, exit 2)', () => {
  const french = (args: string[]) => espace(['--lang', 'fr', ...args]);
  const usageHint = /Lancez «\sespace --help\s»/;

  it.each([
    ['commander.unknownCommand', ['bil'], /^Erreur\s: commande inconnue «\sbil\s»\. Vouliez-vous dire bill\s\?$/m],
    ['commander.unknownCommand (a verb)', ['bill', 'shw'], /^Erreur\s: commande inconnue «\sshw\s»\. Vouliez-vous dire show\s\?$/m],
    ['commander.unknownOption', ['bill', 'list', '--limt', '3'], /^Erreur\s: option inconnue «\s--limt\s»\. Vouliez-vous dire --limit\s\?$/m],
    ['commander.unknownOption (no close name)', ['bill', 'list', '--zzzzzzzz'], /^Erreur\s: option inconnue «\s--zzzzzzzz\s»\.$/m],
    [
      'commander.missingArgument',
      ['context', 'set-api', 'sandbox'],
      /^Erreur\s: argument obligatoire manquant\s: <api>\s; «\sespace context set-api\s» en a besoin\.$/m,
    ],
    ['commander.missingArgument (a path)', ['api', 'GET'], /^Erreur\s: argument obligatoire manquant\s: <chemin>\s; «\sespace api\s» en a besoin\.$/m],
    ['commander.optionMissingArgument', ['bill', 'list', '--limit'], /^Erreur\s: l’option «\s--limit\s» demande une valeur \(--limit <n>\)\.$/m],
    ['commander.missingMandatoryOptionValue', ['context', 'add', 'staging'], /^Erreur\s: l’option obligatoire «\s--url <url>\s» manque\.$/m],
    [
      'commander.invalidArgument (an argument’s choices)',
      ['completion', 'powershell'],
      /^Erreur\s: valeur invalide «\spowershell\s» pour <shell>\s; utilisez l’une de\s: bash, zsh, fish\.$/m,
    ],
    [
      'commander.invalidArgument (an option’s choices)',
      ['bill', 'list', '--format', 'xml'],
      /^Erreur\s: valeur invalide «\sxml\s» pour --format\s; utilisez l’une de\s: ndjson, csv\.$/m,
    ],
    [
      'commander.invalidArgument (a parser’s refusal)',
      ['bill', 'list', '--limit', '0'],
      /^Erreur\s: --limit prend un nombre entier d’au moins 1, pas «\s0\s»\.$/m,
    ],
    [
      'commander.excessArguments',
      ['bill', 'diff', 'a', 'b', 'c'],
      /^Erreur\s: trop d’arguments\s: «\sespace bill diff\s» prend \[facture\] \[autre\]\s; retirez «\sc\s»\.$/m,
    ],
    [
      'commander.excessArguments (none taken)',
      ['auth', 'status', 'maintenant'],
      /^Erreur\s: «\sespace auth status\s» ne prend aucun argument\s; retirez «\smaintenant\s»\.$/m,
    ],
  ])('%s', async (_code, args, message) => {
    const result = await french(args);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(usageHint);
    expect(result.stderr).not.toMatch(/\b(error|unknown|missing|invalid|too many|required|Did you mean|Allowed choices)\b/i);
    expect(result.stdout).toBe('');
  });

  it('says the same in English from the same parts', async () => {
    const unknown = await espace(['bill', 'list', '--limt', '3']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Error: unknown option '--limt'\. Did you mean --limit\?$/m);
    const choice = await espace(['completion', 'powershell']);
    expect(choice.stderr).toMatch(/^Error: invalid value 'powershell' for <shell>; use one of: bash, zsh, fish\.$/m);
    const missing = await espace(['api', 'GET']);
    expect(missing.stderr).toMatch(/^Error: missing required argument <path>: 'espace api' needs it\.$/m);
  });

  it('words an invalid --lang in the language the rest of the environment chooses', async () => {
    const byEspaceLang = await espace(['--lang', 'de', 'bill', 'list'], { env: { ESPACE_LANG: 'fr' } });
    expect(byEspaceLang.code).toBe(2);
    expect(byEspaceLang.stderr).toMatch(/^Erreur\s: valeur invalide «\sde\s» pour --lang\s; utilisez l’une de\s: en, fr\.$/m);
    const byLocale = await espace(['--lang', 'de'], { env: { LC_ALL: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' } });
    expect(byLocale.stderr).toMatch(/^Erreur\s: valeur invalide «\sde\s»/m);
    const english = await espace(['--lang', 'de'], { env: { LC_ALL: 'C.UTF-8', LANG: 'fr_CA.UTF-8' } });
    expect(english.stderr).toMatch(/^Error: invalid value 'de' for --lang; use one of: en, fr\.$/m);
  });
});
