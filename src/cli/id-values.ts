/**
 * Identifiers given on the command line (`--account <id>` and the other `<id>` options, an offer,
 * a code, a user name, and positional arguments such as a bill or a ticket id) never hold control
 * characters or bidirectional overrides: one that does came from a broken script or a pasted
 * escape, and would be sent to the server as part of a path or a query. Refused before anything
 * is sent.
 */
import type { CommandUnknownOpts } from './commander.js';
import { UsageError } from '../errors.js';
import { forbiddenCharacter } from './bounded-read.js';

/** Options whose value names something (an account, a bill, an offer, a code, a user): never free text. */
const IDENTIFIER_OPTION = /<(?:id|offer|code)>|\[id\]|^--username /;

/**
 * Throws a usage error (exit 2) naming the first option or argument of `command` whose value
 * holds a forbidden character. `args` are the positional values, in the command's order.
 */
export function refuseControlCharactersInIds(command: CommandUnknownOpts, args: readonly unknown[]): void {
  for (const option of command.options) {
    if (!IDENTIFIER_OPTION.test(option.flags)) continue;
    check(option.long ?? option.flags, command.getOptionValue(option.attributeName()));
  }
  command.registeredArguments.forEach((argument, index) => check(`<${argument.name()}>`, args[index]));
}

function check(name: string, value: unknown): void {
  for (const text of Array.isArray(value) ? value : [value]) {
    if (typeof text !== 'string') continue;
    const character = forbiddenCharacter(text);
    if (character) throw new UsageError('core.controlInId', { params: { name, character } });
  }
}
