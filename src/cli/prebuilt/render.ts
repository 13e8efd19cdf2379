/**
 * Renders what the launcher answers without the CLI's main (pages.ts): each command's help, by
 * running the main on `WORDS --help` as a user would, over streams that record what it writes (in
 * each language, piped and on an 80-column terminal); the long options an unknown one is compared
 * with, as the main lists them; and the catalog's words for that error. Used by
 * scripts/build/prebuilt.mjs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type Lang, type Translate, translator } from '../../i18n/catalog.js';
import type { CommandUnknownOpts } from '../commander.js';
import { commandTree } from '../command-tree.js';
import { main } from '../main.js';
import { KNOWN_OPTIONS_FILE, PAGE_COLUMNS, type PrebuiltCommand, type PrebuiltFile, prebuiltFile, type UnknownOptionWords } from './pages.js';

const LANGS: readonly Lang[] = ['en', 'fr'];

/** Commander's settings that decide which error a command line meets first (not in its typings). */
interface CommanderInternals {
  _actionHandler?: unknown;
  _allowUnknownOption?: boolean;
  _lifeCycleHooks?: Record<string, unknown[]>;
}

/** Every command with its words, aliases included: [] (the program), ['bill'], ['bill', 'show']… */
function commandsOf(program: CommandUnknownOpts): [string[], CommandUnknownOpts][] {
  const found: [string[], CommandUnknownOpts][] = [];
  const visit = (command: CommandUnknownOpts, words: string[]) => {
    found.push([words, command]);
    for (const sub of command.commands) for (const name of [sub.name(), ...sub.aliases()]) visit(sub, [...words, name]);
  };
  visit(program, []);
  return found;
}

/**
 * The long options an unknown one is compared with (LocalizedCommand.unknownOption lists them the
 * same way), for a command where commander reports an unknown option before anything else: one
 * that runs (no subcommands), has no mandatory option (reported first), lets no unknown option
 * through, and has no hook of its own.
 */
function unknownOptionCandidates(command: CommandUnknownOpts): string[] | undefined {
  const internals = command as unknown as CommanderInternals;
  const hooks = Object.values(internals._lifeCycleHooks ?? {}).flat();
  if (!internals._actionHandler || command.commands.length > 0 || internals._allowUnknownOption || hooks.length > 0) return undefined;
  if (command.options.some((option) => option.mandatory)) return undefined;
  const known: string[] = [];
  for (let at: CommandUnknownOpts | null = command; at; at = at.parent) {
    for (const option of command.createHelp().visibleOptions(at)) if (option.long) known.push(option.long);
  }
  return known;
}

/** Every long option some command takes (parents' are commands of the list too), sorted. */
function knownOptions(commands: [string[], CommandUnknownOpts][]): string[] {
  const known = new Set<string>();
  for (const [, command] of commands) for (const option of command.createHelp().visibleOptions(command)) if (option.long) known.add(option.long);
  return [...known].sort();
}

function unknownOptionWords(t: Translate): UnknownOptionWords {
  // The templates as the catalog holds them: the launcher fills their placeholders.
  const template = (key: Parameters<Translate>[0], name: string) => t(key, { [name]: `{${name}}` });
  return {
    errorPrefix: t('core.errorPrefix'),
    unknownOption: template('commander.error.unknownOption', 'option'),
    didYouMean: template('commander.error.didYouMean', 'suggestion'),
    didYouMeanOneOf: template('commander.error.didYouMeanOneOf', 'suggestions'),
    usageHint: t('core.usageHint'),
  };
}

type Layout = { terminal: false } | { terminal: true; columns: number };

/** What main writes for `argv`, with this environment and stdout laid out so. */
async function run(argv: string[], env: Record<string, string>, layout: Layout): Promise<string> {
  const record = () => {
    const chunks: Buffer[] = [];
    const stream = Object.assign(new PassThrough(), layout.terminal ? { isTTY: true, columns: layout.columns } : { isTTY: false });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const stdout = record();
  const stderr = record();
  const code = await main({ argv, env, stdin: () => new PassThrough(), stdinIsTTY: false, stdout: stdout.stream, stderr: stderr.stream });
  if (code !== 0 || stderr.text() !== '') throw new Error(`espace ${argv.join(' ')} exited ${code}: ${stderr.text()}`);
  return stdout.text();
}

/** The same text under each environment, or an error naming the command and what changed it. */
async function sameUnder(argv: string[], envs: Record<string, Record<string, string>>, layout: Layout): Promise<string> {
  const texts = await Promise.all(Object.values(envs).map((env) => run(argv, env, layout)));
  const differing = Object.keys(envs).find((_, index) => texts[index] !== texts[0]);
  if (differing !== undefined) {
    throw new Error(`espace ${argv.join(' ')}: help now depends on ${differing}; the build's help pages (src/cli/prebuilt) must learn it`);
  }
  return texts[0]!;
}

/** A command's help in both layouts, checked to depend on nothing but the language. */
async function helpOf(words: string[], base: Record<string, string>): Promise<Pick<PrebuiltCommand, 'piped' | 'terminal'>> {
  const argv = [...words, '--help'];
  const piped = await sameUnder(
    argv,
    { 'nothing else': base, FORCE_COLOR: { ...base, FORCE_COLOR: '1' }, '--plain': { ...base, TERM: 'dumb' } },
    { terminal: false },
  );
  const terminal = await sameUnder(
    argv,
    { colour: base, NO_COLOR: { ...base, NO_COLOR: '1' }, '--plain': { ...base, TERM: 'dumb' } },
    { terminal: true, columns: PAGE_COLUMNS },
  );
  return terminal === piped ? { piped } : { piped, terminal };
}

/** Writes every language's files into `dir` (dist/prebuilt), one per noun. */
export async function writePrebuilt(dir: string): Promise<void> {
  // An empty config directory: a user's stored defaults must not reach the pages.
  const configDir = mkdtempSync(join(tmpdir(), 'espace-prebuilt-'));
  try {
    const commands = commandsOf(await commandTree('en'));
    for (const lang of LANGS) {
      const words = unknownOptionWords(translator(lang));
      const byNoun = new Map<string, PrebuiltFile>();
      for (const [path, command] of commands) {
        const noun = path[0] ?? '';
        const file = byNoun.get(noun) ?? { commands: {}, words };
        const options = unknownOptionCandidates(command);
        file.commands[path.join(' ')] = { ...(await helpOf(path, { ESPACE_LANG: lang, ESPACE_CONFIG_DIR: configDir })), ...(options ? { options } : {}) };
        byNoun.set(noun, file);
      }
      for (const [noun, file] of byNoun) {
        const target = prebuiltFile(dir, lang, noun === '' ? undefined : noun);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, JSON.stringify(file));
      }
    }
    writeFileSync(join(dir, KNOWN_OPTIONS_FILE), JSON.stringify(knownOptions(commands)));
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}
