/**
 * The language a sandbox answer is written in: the one of English and French the client prefers
 * in `Accept-Language` (by quality, then order), as a bilingual operator's API chooses.
 */
export type AnswerLang = 'en' | 'fr';

/** The preferred of en/fr in an `Accept-Language` header; undefined when it names neither. */
export function answerLang(acceptLanguage: string | undefined): AnswerLang | undefined {
  let best: { lang: AnswerLang; q: number } | undefined;
  for (const range of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = range.trim().toLowerCase().split(';');
    const lang = tag === 'fr' || tag.startsWith('fr-') ? 'fr' : tag === 'en' || tag.startsWith('en-') ? 'en' : undefined;
    if (!lang) continue;
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang;
}
