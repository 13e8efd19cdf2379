/**
 * Reading values piped on stdin, one a line: how scripts give the CLI secrets (passwords, codes,
 * card numbers) without putting them in argv.
 */
import { UsageError } from '../errors.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { Context } from './context.js';

/**
 * The non-empty lines of stdin, in order, as typed (a password may start or end with a space). Fewer than `expected` is a usage error naming
 * `flag` (the message may be replaced by one that says what each line holds).
 */
export async function stdinLines(ctx: Context, expected: number, flag: string, tooFew: MessageKey = 'security.stdinShort'): Promise<string[]> {
  const lines = (await ctx.io.readStdin()).split(/\r?\n/).filter((line) => line !== '');
  if (lines.length < expected) throw new UsageError(tooFew, { params: { flag, expected } });
  return lines;
}
