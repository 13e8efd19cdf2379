/**
 * The user's words for the values a TMF server sends (a bill's state, a ticket's status, a
 * channel): shown in the user's language, and taken back on the command line in either language
 * (`--state paid`, `--state réglée`, `--state settled`), mapped to the TMF value sent.
 */
import { type MessageKey, type Translate, translate } from './catalog.js';

/** A closed set of TMF values, each with a catalog message naming it in both languages. */
export interface Vocabulary<V extends string> {
  readonly values: readonly V[];
  readonly key: (value: V) => MessageKey;
  /** More words taken for a value, in either language (a shorter or older word). */
  readonly synonyms?: Partial<Record<V, readonly string[]>>;
}

/** Case, accents, hyphens and runs of spaces do not matter: `Réglée`, `reglee`, `self-service`. */
function comparable(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** A label and its head: `pending (waiting for you)` is also `pending`; `issued, unpaid` also `issued`. */
function forms(label: string): string[] {
  const head = label.split(/[(,]/)[0]!.trim();
  return head && head !== label ? [label, head] : [label];
}

/** The words a value is known by: the TMF value, its label in each language, and its synonyms. */
function wordsOf<V extends string>(vocabulary: Vocabulary<V>, value: V): string[] {
  const key = vocabulary.key(value);
  return [value, ...forms(translate('en', key)), ...forms(translate('fr', key)), ...(vocabulary.synonyms?.[value] ?? [])];
}

/** The TMF value a word stands for, in either language; undefined when it is none of them. */
export function termOf<V extends string>(vocabulary: Vocabulary<V>, word: string): V | undefined {
  const wanted = comparable(word);
  if (!wanted) return undefined;
  return vocabulary.values.find((value) => wordsOf(vocabulary, value).some((known) => comparable(known) === wanted));
}

/** A value in the user's words; a value outside the vocabulary is shown as the server sent it. */
export function termLabel<V extends string>(vocabulary: Vocabulary<V>, value: string, t: Translate): string {
  return (vocabulary.values as readonly string[]).includes(value) ? t(vocabulary.key(value as V)) : value;
}

/** The words to type for each value, in the user's language, for help and error messages. */
export function termChoices<V extends string>(vocabulary: Vocabulary<V>, t: Translate): string {
  return vocabulary.values.map((value) => forms(t(vocabulary.key(value))).at(-1)!).join(', ');
}
