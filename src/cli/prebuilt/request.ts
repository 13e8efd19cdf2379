/**
 * Which command lines the build's answers (pages.ts) are for: command words, then `--help` or `-h`
 * (help) or one long option (perhaps unknown), last, with at most one `--lang en|fr` before it.
 * Anything else (another option, `espace help bill`, a flag after the last word) goes to the CLI's
 * main, whose answer may differ.
 */
import type { Lang } from '../../i18n/catalog.js';

export interface PrebuiltRequest {
  /** The command's words: [] for `espace --help`. */
  words: string[];
  /** `--help` (for -h too), or the long option that ends the line. */
  last: string;
  /** `--lang`, when given. */
  lang?: Lang;
}

/** A word that can name a command: not an option, and nothing a file name could use to climb out. */
const COMMAND_WORD = /^[a-z0-9_][a-z0-9_-]*$/;
/** A long option with nothing in it to sanitise or split (`--x=1` is left to the main). */
const LONG_OPTION = /^--[a-z0-9][a-z0-9-]*$/i;

export function prebuiltRequest(argv: readonly string[]): PrebuiltRequest | undefined {
  const final = argv.at(-1);
  if (final === undefined || (final !== '-h' && !LONG_OPTION.test(final))) return undefined;
  const words: string[] = [];
  let lang: Lang | undefined;
  for (let index = 0; index < argv.length - 1; index++) {
    const arg = argv[index]!;
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++index] : arg.slice('--lang='.length);
      // commander refuses any other value (and a second --lang is the main's business).
      if ((value !== 'en' && value !== 'fr') || lang !== undefined || index >= argv.length - 1) return undefined;
      lang = value;
    } else if (COMMAND_WORD.test(arg) && words.length < 3) {
      words.push(arg);
    } else {
      return undefined;
    }
  }
  return { words, last: final === '-h' ? '--help' : final, lang };
}
