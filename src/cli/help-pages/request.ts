/**
 * Which command lines a help page answers: command words, then `--help` or `-h` last, with at most
 * one `--lang en|fr` before it. Anything else (another option, `espace help bill`, a flag after
 * --help) goes to the CLI's main, whose answer may differ.
 */
import type { Lang } from '../../i18n/catalog.js';

export interface HelpRequest {
  /** The command's words: [] for `espace --help`. */
  words: string[];
  /** `--lang`, when given. */
  lang?: Lang;
}

/** A word that can name a command: not an option, and nothing a file name could use to climb out. */
const COMMAND_WORD = /^[a-z_][a-z0-9_-]*$/;

export function helpRequest(argv: readonly string[]): HelpRequest | undefined {
  const last = argv.at(-1);
  if (last !== '--help' && last !== '-h') return undefined;
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
  return { words, lang };
}
