import type { Lang } from './catalog.js';

/**
 * Chooses the language: `--lang`, then `ESPACE_LANG`, then the POSIX locale (`LC_ALL`,
 * `LC_MESSAGES`, `LANG`), then English. Any French locale (fr, fr_CA, fr_FR…) gives French.
 */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  for (const candidate of [flag, env.ESPACE_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!candidate) continue;
    const lower = candidate.toLowerCase();
    if (lower === 'c' || lower === 'posix' || lower.startsWith('c.')) continue;
    return lower.startsWith('fr') ? 'fr' : 'en';
  }
  return 'en';
}

/** The BCP 47 locale used for money, dates and numbers. */
export function localeOf(lang: Lang): 'en-CA' | 'fr-CA' {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}
