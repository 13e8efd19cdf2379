/**
 * Yes/no answers in the user's language: `o`/`oui`/`n`/`non` in French, `y`/`yes`/`n`/`no` in
 * English, whatever the case or accents. Anything else is not an answer (the prompt asks again
 * rather than guessing, as a "no" to a payment must never be read as a "yes").
 */
import type { Lang } from '../i18n/catalog.js';

const WORDS: Record<Lang, { yes: readonly string[]; no: readonly string[] }> = {
  en: { yes: ['y', 'yes'], no: ['n', 'no'] },
  fr: { yes: ['o', 'oui'], no: ['n', 'non'] },
};

/** Lower case, no accents, no surrounding blanks: `  OUÌ ` → `oui`. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
}

/**
 * The answer typed: true, false, `defaultAnswer` when nothing was typed, or undefined when the
 * text is not a yes or a no in `lang`.
 */
export function parseYesNo(text: string, lang: Lang, defaultAnswer: boolean): boolean | undefined {
  const word = fold(text);
  if (word === '') return defaultAnswer;
  if (WORDS[lang].yes.includes(word)) return true;
  if (WORDS[lang].no.includes(word)) return false;
  return undefined;
}
