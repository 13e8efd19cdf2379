/**
 * Reading values piped on stdin, one a line: how scripts give the CLI secrets (passwords, codes,
 * card numbers) without putting them in argv.
 */
import { UsageError } from '../errors.js';
import type { MessageKey } from '../i18n/catalog.js';
import { InputTooLargeError, readAllBounded } from './bounded-read.js';
import type { CommandDeps } from './command-deps.js';

/** A few secrets, one a line, are far below this; more is a mistake (the wrong file piped in). */
export const MAX_STDIN_BYTES = 64 * 1024;

/**
 * The non-empty lines of stdin, in order, as typed (a password may start or end with a space). Fewer than `expected` is a usage error naming
 * `flag` (the message may be replaced by one that says what each line holds).
 */
export async function stdinLines(ctx: CommandDeps, expected: number, flag: string, tooFew: MessageKey = 'security.stdinShort'): Promise<string[]> {
  const text = await stdinText(ctx, flag);
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  if (lines.length < expected) throw new UsageError(tooFew, { params: { flag, expected } });
  return lines;
}

/**
 * All of stdin as UTF-8, read no further than `maxBytes`: more is refused (a usage error naming
 * `flag` and the bound) as soon as it arrives, without keeping the rest of it.
 */
export async function stdinText(ctx: CommandDeps, flag: string, maxBytes = MAX_STDIN_BYTES, tooLarge: MessageKey = 'auth.stdinTooLarge'): Promise<string> {
  try {
    return (await readAllBounded(ctx.io.stdin, maxBytes)).toString('utf8');
  } catch (error) {
    if (error instanceof InputTooLargeError) throw new UsageError(tooLarge, { params: { flag, max: maxBytes } });
    throw error;
  }
}
