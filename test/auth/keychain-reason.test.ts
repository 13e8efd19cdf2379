/**
 * The English reason a KeychainUnavailableError carries is rendered from the auth table alone (so
 * that reading a login does not load the whole catalog): it must read exactly as the catalog
 * renders it, for every reason, with parameters that try to add lines.
 */
import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError, type KeychainReasonKey } from '../../src/auth/keychain-store.js';
import { catalog, translate } from '../../src/i18n/catalog.js';

const REASONS = Object.keys(catalog).filter((key): key is KeychainReasonKey => key.startsWith('auth.keychainReason.'));

describe('KeychainUnavailableError', () => {
  it('knows several reasons', () => {
    expect(REASONS.length).toBeGreaterThan(3);
  });

  it.each(REASONS)('renders %s in English as the catalog does', (key) => {
    const placeholders = [...catalog[key].en.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const params = Object.fromEntries(placeholders.map((name, index) => [name, `line ${index}\r\nnext\u2028end\v`]));
    const error = new KeychainUnavailableError(key, params);
    expect(error.params.reason).toBe(translate('en', key, params));
    // A placeholder without its parameter stays visible, as in the catalog.
    expect(new KeychainUnavailableError(key).params.reason).toBe(translate('en', key, {}));
  });
});
