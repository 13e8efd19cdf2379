/**
 * Renders every command's help page (pages.ts) by running the CLI's main on `WORDS --help`, as a
 * user would, over streams that record what it writes: the pages are the main's own output, in
 * each language, piped and on an 80-column terminal. Used by scripts/build/help-pages.mjs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type Lang, translator } from '../../i18n/catalog.js';
import { createIO } from '../../output/io.js';
import type { CommandUnknownOpts } from '../commander.js';
import { main } from '../main.js';
import { buildProgram } from '../program.js';
import { type HelpPages, PAGE_COLUMNS, pagesFile } from './pages.js';

/** Every command's words, aliases included: [] (the program), ['bill'], ['bill', 'show']… */
async function commandWords(): Promise<string[][]> {
  const lang: Lang = 'en';
  const io = await createIO({ stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), colorAllowed: false });
  const program = buildProgram({
    t: translator(lang),
    lang,
    io,
    argv: [],
    makeDeps: () => {
      throw new Error('rendering help runs no command');
    },
  });
  const found: string[][] = [];
  const visit = (command: CommandUnknownOpts, words: string[]) => {
    found.push(words);
    for (const sub of command.commands) for (const name of [sub.name(), ...sub.aliases()]) visit(sub, [...words, name]);
  };
  visit(program, []);
  return found;
}

const LANGS: readonly Lang[] = ['en', 'fr'];

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
    throw new Error(`espace ${argv.join(' ')}: help now depends on ${differing}; the build's help pages (src/cli/help-pages) must learn it`);
  }
  return texts[0]!;
}

/** Every page, by language and noun ('' for the program's own page). */
async function renderHelpPages(): Promise<Map<Lang, Map<string, HelpPages>>> {
  // An empty config directory: a user's stored defaults must not reach the pages.
  const configDir = mkdtempSync(join(tmpdir(), 'espace-help-pages-'));
  try {
    const words = await commandWords();
    const rendered = new Map<Lang, Map<string, HelpPages>>();
    for (const lang of LANGS) {
      const byNoun = new Map<string, HelpPages>();
      const base = { ESPACE_LANG: lang, ESPACE_CONFIG_DIR: configDir };
      for (const command of words) {
        const argv = [...command, '--help'];
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
        const noun = command[0] ?? '';
        const pages = byNoun.get(noun) ?? {};
        pages[command.join(' ')] = terminal === piped ? { piped } : { piped, terminal };
        byNoun.set(noun, pages);
      }
      rendered.set(lang, byNoun);
    }
    return rendered;
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}

/** Renders every page into `dir` (dist/help), a file per language and noun. */
export async function writeHelpPages(dir: string): Promise<void> {
  for (const [lang, byNoun] of await renderHelpPages()) {
    for (const [noun, pages] of byNoun) {
      const file = pagesFile(dir, lang, noun === '' ? undefined : noun);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(pages));
    }
  }
}
