import { describe, expect, it } from 'vitest';
import { catalog, translate, type MessageKey } from '../../src/i18n/catalog.js';
import { authMessages } from '../../src/i18n/messages/auth.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('auth messages', () => {
  const authKeys = Object.keys(catalog).filter((key) => key.startsWith('auth.')) as MessageKey[];

  it('exist, and include every message of the credential-storage table', () => {
    expect(authKeys.length).toBeGreaterThan(0);
    for (const key of Object.keys(authMessages)) expect(authKeys).toContain(key);
  });

  it('have the same placeholders in English and French, and no empty text', () => {
    for (const key of authKeys) {
      const { en, fr } = catalog[key];
      expect(en.trim(), key).not.toBe('');
      expect(fr.trim(), key).not.toBe('');
      expect(placeholders(fr), key).toEqual(placeholders(en));
    }
  });

  it('give the chmod fix for a too-open credential file in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      const text = translate(lang, 'auth.credentialFilePermissions', { path: '/home/u/.config/espace/credentials.json', mode: '0644' });
      expect(text).toContain('chmod 600 /home/u/.config/espace/credentials.json');
      expect(text).toContain('0644');
    }
  });
});
