import type { Lang } from './catalog.js';

/** `en`, `fr`, or a locale-style spelling of them (`fr_CA`, `en-CA`); anything else says nothing. */
function explicitLang(value: string | undefined): Lang | undefined {
  const match = /^(en|fr)(?:[_.@-]|$)/i.exec(value ?? '');
  return match ? (match[1]!.toLowerCase() as Lang) : undefined;
}

/**
 * The language a POSIX locale asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
 * and not empty decides, as for any program. `C`/`POSIX` mean English; so does a language espace
 * does not speak. Undefined when none is set.
 */
export function localeLang(env: NodeJS.ProcessEnv): Lang | undefined {
  for (const candidate of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!candidate) continue;
    return candidate.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }
  return undefined;
}

/**
 * Chooses the language: `--lang`, then `ESPACE_LANG`, then the user's default (`espace config set
 * lang fr`), then the POSIX locale, then English. A value of `--lang` or `ESPACE_LANG` that is not a
 * language espace speaks is passed over (commander refuses `--lang de`, and says so in the
 * language the rest of the environment chooses).
 */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv, configured?: string): Lang {
  return explicitLang(flag) ?? explicitLang(env.ESPACE_LANG) ?? explicitLang(configured) ?? localeLang(env) ?? 'en';
}

/** The BCP 47 locale used for money, dates and numbers. */
export function localeOf(lang: Lang): 'en-CA' | 'fr-CA' {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}
