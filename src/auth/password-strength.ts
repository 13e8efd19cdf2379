/**
 * Password strength as zxcvbn-ts estimates it (guess counts from dictionaries, keyboard patterns,
 * dates, repeats), with its feedback in the user's language. Loaded only by `auth password`: the
 * dictionaries are large.
 */
import type { Lang } from '../i18n/catalog.js';

/** zxcvbn's "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

export interface StrengthVerdict {
  score: number;
  acceptable: boolean;
  /** zxcvbn's warning and suggestions, translated. */
  feedback: string[];
}

export type StrengthCheck = (password: string) => StrengthVerdict;

/** The bundle turns these packages into CommonJS, whose exports then arrive on `default`. */
function namedExports<T extends object>(loaded: T): T {
  const fallback = (loaded as { default?: T }).default;
  return fallback && typeof fallback === 'object' ? fallback : loaded;
}

/** Builds a checker that also penalizes the user's own words (user name, names, email). */
export async function loadStrengthCheck(lang: Lang, userWords: readonly string[]): Promise<StrengthCheck> {
  const [{ ZxcvbnFactory }, common, en, fr] = await Promise.all([
    import('@zxcvbn-ts/core').then(namedExports),
    import('@zxcvbn-ts/language-common').then(namedExports),
    import('@zxcvbn-ts/language-en').then(namedExports),
    import('@zxcvbn-ts/language-fr').then(namedExports),
  ]);
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: lang === 'fr' ? fr.translations : en.translations,
  });
  const inputs = userWords.flatMap((word) => word.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3);
  return (password) => {
    const result = zxcvbn.check(password, inputs);
    const feedback = [result.feedback.warning, ...result.feedback.suggestions].filter((line): line is string => Boolean(line));
    return { score: result.score, acceptable: result.score >= MIN_PASSWORD_SCORE, feedback };
  };
}
