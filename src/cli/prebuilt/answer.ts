/**
 * The launcher's answers from what the build prepared (pages.ts): `espace … --help` from a help
 * page, and `espace … --bogus` (an option the command does not take) with the main's usage error,
 * without loading the CLI's main. bin/espace.js asks here first, and runs the main when this
 * answers undefined: another command line, a width the pages were not laid out for, colour on
 * stderr, a command the build has nothing for.
 *
 * The language is chosen as the main chooses it (lang.ts: --lang, ESPACE_LANG, the config file's
 * default, the locale); colour as the main's io does (color-policy.ts).
 */
import { fstatSync, readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { EXIT_CODES } from '../../errors.js';
import { storedDefaults } from '../../config/defaults.js';
import { fillPlaceholders } from '../../i18n/fill.js';
import { resolveLang } from '../../i18n/lang.js';
import { colorPolicy } from '../../output/color-policy.js';
import { terminalColumns } from '../../output/columns.js';
import { type Fd, writeToFd } from '../../output/fd-write.js';
import { closestWords } from '../suggest.js';
import { PAGE_COLUMNS, type PrebuiltFile, prebuiltFile } from './pages.js';
import { prebuiltRequest } from './request.js';

// The bundle's export, for test/cli/prebuilt-write.test.ts, which writes through it as the launcher does.
export { writeToFd };

export interface PrebuiltOptions {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  /** dist/prebuilt, beside the bundle. */
  dir: string;
  /** The process's streams, created only when needed: a terminal's width, or a write that must wait. */
  stdout: () => Writable & { columns?: number };
  stderr: () => Writable & { columns?: number };
  /** Whether fd 1 and fd 2 are terminals; tests substitute them. */
  isTerminal?: (fd: Fd) => boolean;
  /** Writes the answer; tests substitute it. By default straight to the descriptor (see writeToFd). */
  write?: (fd: Fd, text: string, stream: () => Writable) => void;
}

/**
 * Whether `fd` is a terminal, without loading node:tty (≈ 3 ms) when it cannot be: a terminal is a
 * character device, and a pipe or a file is not.
 */
function isTerminalFd(fd: Fd): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (process.getBuiltinModule('node:tty') as typeof import('node:tty')).isatty(fd);
}

function readPrebuilt(file: string): PrebuiltFile | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PrebuiltFile;
  } catch {
    // No such noun (the main suggests one), or nothing prebuilt (the single file).
    return undefined;
  }
}

/** Writes the answer and returns the exit code, or returns undefined and writes nothing. */
export function answerPrebuilt({ argv, env, dir, stdout, stderr, isTerminal = isTerminalFd, write = writeToFd }: PrebuiltOptions): number | undefined {
  const request = prebuiltRequest(argv);
  if (!request) return undefined;
  const defaults = storedDefaults(env);
  const lang = resolveLang(request.lang, env, defaults.lang);
  const file = readPrebuilt(prebuiltFile(dir, lang, request.words[0]));
  const key = request.words.join(' ');
  const command = file && Object.hasOwn(file.commands, key) ? file.commands[key] : undefined;
  if (!file || !command) return undefined;

  if (request.last === '--help') {
    let text = command.piped;
    if (isTerminal(1)) {
      if (terminalColumns(env, stdout(), stderr()) !== PAGE_COLUMNS) return undefined;
      text = command.terminal ?? command.piped;
    }
    write(1, text, stdout);
    return EXIT_CODES.ok;
  }

  if (!command.options || command.options.includes(request.last)) return undefined;
  // The main's error starts in colour on a terminal, or when colour is forced; and a terminal wraps it.
  const color = colorPolicy(env, argv, defaults.color);
  if (isTerminal(2) || (color.allowed && color.forced)) return undefined;
  const { words } = file;
  const suggestions = closestWords(request.last, command.options);
  const didYouMean =
    suggestions.length === 0
      ? ''
      : ` ${suggestions.length === 1 ? fillPlaceholders(words.didYouMean, { suggestion: suggestions[0]! }) : fillPlaceholders(words.didYouMeanOneOf, { suggestions: suggestions.join(', ') })}`;
  write(2, `${words.errorPrefix} ${fillPlaceholders(words.unknownOption, { option: request.last })}${didYouMean}\n${words.usageHint}\n`, stderr);
  return EXIT_CODES.usage;
}
