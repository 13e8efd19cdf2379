/**
 * `espace … --help` from a page rendered at build time (pages.ts), without the CLI's main: the
 * launcher (bin/espace.js) asks here first, and runs the main when this answers false (another
 * command line, a width the pages were not laid out for, a page that is not there).
 *
 * The language is chosen as the main chooses it (lang.ts: --lang, ESPACE_LANG, the config file's
 * default, the locale).
 */
import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { storedDefaults } from '../../config/defaults.js';
import { resolveLang } from '../../i18n/lang.js';
import { terminalColumns } from '../../output/columns.js';
import { type HelpPage, type HelpPages, PAGE_COLUMNS, pagesFile } from './pages.js';
import { helpRequest } from './request.js';

export interface ShowHelpOptions {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  /** dist/help, beside the bundle. */
  pagesDir: string;
}

function readPage(file: string, key: string): HelpPage | undefined {
  try {
    const pages = JSON.parse(readFileSync(file, 'utf8')) as HelpPages;
    return Object.hasOwn(pages, key) ? pages[key] : undefined;
  } catch {
    // No such noun (the main suggests one), or no pages at all (a build without them).
    return undefined;
  }
}

/** Writes the page and returns true, or returns false and writes nothing. */
export function showHelpPage({ argv, env, pagesDir }: ShowHelpOptions): boolean {
  const request = helpRequest(argv);
  if (!request) return false;
  const lang = resolveLang(request.lang, env, storedDefaults(env).lang);
  const page = readPage(pagesFile(pagesDir, lang, request.words[0]), request.words.join(' '));
  if (!page) return false;
  let text = page.piped;
  if (isatty(1)) {
    // Created only now: a terminal's stream costs a few milliseconds that a pipe need not pay.
    if (terminalColumns(env, process.stdout, process.stderr) !== PAGE_COLUMNS) return false;
    text = page.terminal ?? page.piped;
  }
  // `espace bill show --help | head` closes the pipe early: not an error (as in main.ts).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(text);
  return true;
}
