/**
 * Options that many commands take, declared once and attached with `.addOption(...)`. Each is a
 * fresh commander Option per command (commander keeps per-command state on it); its type flows
 * into the command's options (@commander-js/extra-typings).
 */
import { Option } from './commander.js';
import type { MessageKey, Translate } from '../i18n/catalog.js';

/**
 * `--account <id>`: the billing account a command acts on (an agent may name any; see
 * account.ts). A command whose help says more about it names its own description.
 */
export function accountOption(t: Translate, description: MessageKey = 'bill.option.account') {
  return new Option('--account <id>', t(description));
}
