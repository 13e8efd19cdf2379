/**
 * Reading values piped on stdin, one a line: how scripts give the CLI secrets (passwords, codes,
 * card numbers) without putting them in argv.
 */
import { UsageError } from '../errors.js';
import type { MessageKey } from '../i18n/catalog.js';
import { InputTooLargeError, readAllBounded } from './bounded-read.js';
import type { Context } from './context.js';

/** A few secrets, one a line, are far below this; more is a mistake (the wrong file piped in). */
export const MAX_STDIN_BYTES = 64 * 1024;

/**
 * The non-empty lines of stdin, in order, as typed (a password may start or end with a space). Fewer than `expected` is a usage error naming
 * `flag` (the message may be replaced by one that says what each line holds).
 */
export async function stdinLines(ctx: Context, expected: number, flag: string, tooFew: MessageKey = 'security.stdinShort'): Promise<string[]> {
  let text: string;
  try {
    text = (await readAllBounded(ctx.io.stdin, MAX_STDIN_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof InputTooLargeError) throw new UsageError('auth.stdinTooLarge', { params: { flag, max: MAX_STDIN_BYTES } });
    throw error;
  }
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  if (lines.length < expected) throw new UsageError(tooFew, { params: { flag, expected } });
  return lines;
}
