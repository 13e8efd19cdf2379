/**
 * Help pages rendered at build time (scripts/build/help-pages.mjs), so that `espace bill show --help`
 * prints without building commander's tree: the launcher reads one small file and writes the page.
 *
 * A command's help depends on the language and on the width it is laid out for, and on nothing
 * else (no option's default comes from the environment; colour and --plain change nothing, which
 * the build checks). The pages hold the two layouts most runs get: piped (commander's 80 columns,
 * never wrapped again) and an 80-column terminal (the same, then wrapped by io.ts where a line is
 * wider). Any other width goes to the CLI's main.
 */
import { join } from 'node:path';
import type { Lang } from '../../i18n/catalog.js';
import { DEFAULT_COLUMNS } from '../../output/columns.js';

/** The only terminal width the pages are laid out for. */
export const PAGE_COLUMNS = DEFAULT_COLUMNS;

/** One command's help. */
export interface HelpPage {
  /** What stdout gets when it is not a terminal. */
  piped: string;
  /** What an 80-column terminal gets, when that is not `piped`. */
  terminal?: string;
}

/** A noun's pages (or the program's own), keyed by the command's words: `bill show`, `bill`. */
export type HelpPages = Record<string, HelpPage>;

/** The file of a noun's pages in one language; the program's own page (`espace --help`) is in `espace.json`. */
export function pagesFile(dir: string, lang: Lang, noun: string | undefined): string {
  return join(dir, lang, `${noun ?? 'espace'}.json`);
}
