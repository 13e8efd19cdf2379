/**
 * A stored login is checked field by field when read back (src/auth/credential-store.ts), without
 * zod; the rules are the ones the zod schema used to state, which this test keeps as the
 * reference: both must accept and refuse the same entries.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseStoredCredentials } from '../../src/auth/credential-store.js';

const reference = z.object({
  apiUrl: z.string().min(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  tokenType: z.string().min(1).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  username: z.string().optional(),
  scope: z.string().optional(),
  savedAt: z.iso.datetime({ offset: true }),
});

const good = {
  apiUrl: 'http://127.0.0.1:4010',
  accessToken: 'esp_at_secret-token-value',
  refreshToken: 'esp_rt_secret-refresh',
  tokenType: 'Bearer',
  expiresAt: '2026-12-07T04:00:00.000Z',
  username: 'marie',
  scope: 'customer',
  savedAt: '2026-12-07T03:00:00+00:00',
};

const entries: [string, unknown][] = [
  ['a full login', good],
  ['the required fields only', { apiUrl: good.apiUrl, accessToken: good.accessToken, savedAt: good.savedAt }],
  ['an unknown field (a newer espace)', { ...good, refreshExpiresAt: 'later' }],
  ['no access token', { ...good, accessToken: undefined }],
  ['an empty access token', { ...good, accessToken: '' }],
  ['an empty API URL', { ...good, apiUrl: '' }],
  ['a numeric token', { ...good, accessToken: 42 }],
  ['an empty refresh token', { ...good, refreshToken: '' }],
  ['an empty username', { ...good, username: '' }],
  ['savedAt without an offset', { ...good, savedAt: '2026-12-07T03:00:00' }],
  ['savedAt a date only', { ...good, savedAt: '2026-12-07' }],
  ['expiresAt with a +05:00 offset', { ...good, expiresAt: '2026-12-07T04:00:00+05:00' }],
  ['expiresAt not a date', { ...good, expiresAt: 'tomorrow' }],
  ['expiresAt null', { ...good, expiresAt: null }],
  ['null', null],
  ['an array', [good]],
  ['a string', 'esp_at_secret-token-value'],
];

describe('a stored login read back', () => {
  it.each(entries)('%s: accepted or refused as the schema says', (_name, entry) => {
    const parsed = parseStoredCredentials(entry);
    const expected = reference.safeParse(entry);
    expect(parsed.ok).toBe(expected.success);
    if (parsed.ok && expected.success) expect(parsed.credentials).toEqual(expected.data);
  });

  it('says which fields are wrong, never their values', () => {
    const parsed = parseStoredCredentials({ ...good, accessToken: 7, savedAt: 'esp_at_secret-token-value' });
    expect(parsed.ok).toBe(false);
    const { problem } = parsed as { problem: string };
    expect(problem).toContain('accessToken');
    expect(problem).toContain('savedAt');
    expect(problem).not.toContain('secret');
  });
});
