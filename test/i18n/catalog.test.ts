import { describe, expect, it } from 'vitest';
import { catalog, translate } from '../../src/i18n/catalog.js';
import { resolveLang } from '../../src/i18n/lang.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the message catalog', () => {
  it('has both languages for every message, with the same placeholders', () => {
    for (const [key, message] of Object.entries(catalog)) {
      expect(message.en.trim(), key).not.toBe('');
      expect(message.fr.trim(), key).not.toBe('');
      expect(placeholders(message.fr), key).toEqual(placeholders(message.en));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'context.used', { name: 'staging' })).toBe('Contexte actif\u00a0: staging.');
    expect(translate('en', 'context.used')).toBe('Now using context {name}.');
  });
});

describe('resolveLang', () => {
  it('follows --lang, then ESPACE_LANG, then the locale', () => {
    expect(resolveLang('fr', { ESPACE_LANG: 'en', LANG: 'en_CA.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, { ESPACE_LANG: 'fr', LANG: 'en_CA.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, { LC_ALL: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, {})).toBe('en');
  });

  it('lets the first locale variable that is set decide, as POSIX says (C and POSIX are English)', () => {
    expect(resolveLang(undefined, { LC_ALL: 'C.UTF-8', LANG: 'fr_CA.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LC_ALL: 'POSIX', LC_MESSAGES: 'fr_CA.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LC_MESSAGES: 'C', LANG: 'fr_CA.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LC_ALL: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, { LC_ALL: '', LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'en_CA.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, { LC_ALL: 'de_DE.UTF-8', LANG: 'fr_CA.UTF-8' })).toBe('en');
  });

  it('passes over a --lang or ESPACE_LANG it does not speak, to the rest of the environment', () => {
    expect(resolveLang('de', { ESPACE_LANG: 'fr' })).toBe('fr');
    expect(resolveLang('de', { LANG: 'fr_CA.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, { ESPACE_LANG: 'klingon', LC_ALL: 'fr_CA.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, { ESPACE_LANG: 'fr_CA', LANG: 'en_CA.UTF-8' })).toBe('fr');
  });
});
