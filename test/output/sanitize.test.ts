import { describe, expect, it } from 'vitest';
import { sanitizeCell, sanitizeText } from '../../src/output/sanitize.js';

describe('sanitize', () => {
  it('removes escape sequences, bells, C1 controls and bidirectional overrides', () => {
    expect(sanitizeCell('Internet\u001b]0;pwned\u0007 Giga\u009b31m')).toBe('Internet]0;pwned Giga31m');
    expect(sanitizeCell('abc\u202Edef\u2066')).toBe('abcdef');
  });

  it('folds line breaks in cells but keeps them in text', () => {
    expect(sanitizeCell('two\nlines\tand\r\ntabs')).toBe('two lines and tabs');
    expect(sanitizeText('two\r\nlines\u0000')).toBe('two\nlines');
  });

  it('leaves accented French alone', () => {
    expect(sanitizeCell('Télé – Base + 10 chaînes « Crave »')).toBe('Télé – Base + 10 chaînes « Crave »');
  });
});
