/**
 * What the build prepares so that the launcher can answer two kinds of command line without the
 * CLI's main (building commander's tree costs more than Node's own start): a command's help
 * (`espace bill show --help`) and an unknown option (`espace bill show --bogus`). Rendered by
 * render.ts from the main's own output, read by answer.ts.
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

/** What the build knows of one command. */
export interface PrebuiltCommand {
  /** Its help as stdout gets it when it is not a terminal. */
  piped: string;
  /** Its help on an 80-column terminal, when that is not `piped`. */
  terminal?: string;
  /**
   * The long options it and its parents take, in the order the main suggests from; only for a
   * command where an unknown option is the first error commander finds (one that runs, with no
   * subcommand, no mandatory option, and no option it lets through).
   */
  options?: string[];
}

/** The catalog's words for an unknown option, in one language. */
export interface UnknownOptionWords {
  errorPrefix: string;
  unknownOption: string;
  didYouMean: string;
  didYouMeanOneOf: string;
  usageHint: string;
}

/** One file: a noun's commands (or the program's own) in one language. */
export interface PrebuiltFile {
  /** Keyed by the command's words: `bill show`, `bill`; '' for the program. */
  commands: Record<string, PrebuiltCommand>;
  words: UnknownOptionWords;
}

/**
 * The file, in dist/prebuilt, listing every long option some command takes (its own or a parent's,
 * `--help` included), as a JSON array. bin/espace.js reads it to send a command line that ends in
 * one of them (`bill show --json`) straight to the CLI's main, without loading the launcher's
 * answers (dist/cli/prebuilt.js) nor the noun's file only to find that option known there.
 */
export const KNOWN_OPTIONS_FILE = 'options.json';

/** The file of a noun's commands in one language; the program's own is `espace.json`. */
export function prebuiltFile(dir: string, lang: Lang, noun: string | undefined): string {
  return join(dir, lang, `${noun ?? 'espace'}.json`);
}
