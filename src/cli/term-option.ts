/**
 * An option whose value is one of a vocabulary's words (`bill list --state réglée`): read in either
 * language and turned into the TMF value sent, or refused with the words to choose from.
 */
import { UsageError } from '../errors.js';
import type { Translate } from '../i18n/catalog.js';
import { termChoices, termOf, type Vocabulary } from '../i18n/terms.js';

/** The TMF value of `word` for `option`; undefined stays undefined; anything else is a usage error. */
export function termOption<V extends string>(vocabulary: Vocabulary<V>, option: string, word: string | undefined, t: Translate): V | undefined {
  if (word === undefined) return undefined;
  const value = termOf(vocabulary, word);
  if (value === undefined) throw new UsageError('terms.badValue', { params: { option, value: word, choices: termChoices(vocabulary, t) } });
  return value;
}
