import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/output/formats.js';
import {
  LINE_MAX,
  PARAM_MAX,
  TEXT_MAX,
  csvText,
  jsonText,
  lineParams,
  sanitizeCell,
  sanitizeLine,
  sanitizeText,
  terminalSafe,
} from '../../src/output/sanitize.js';

describe('sanitize', () => {
  it('removes escape sequences whole, bells, C1 controls and bidirectional overrides', () => {
    expect(sanitizeCell('Internet\u001b]0;pwned\u0007 Giga\u009b31m')).toBe('Internet Giga');
    expect(sanitizeCell('abc\u202Edef\u2066')).toBe('abcdef');
    // Hyperlink (text kept), clipboard write, clear screen, DCS, 8-bit OSC ended by 8-bit ST.
    expect(sanitizeCell('a\u001b]8;;https://evil\u001b\\link\u001b]8;;\u001b\\b')).toBe('alinkb');
    expect(sanitizeCell('a\u001b]52;c;Y2xpcA==\u0007b\u001b[2Jc\u001bP1$q\u001b\\d\u009d0;t\u009ce')).toBe('abcde');
    expect(sanitizeCell('back\b\b\bspace\u007f')).toBe('backspace');
  });

  it('folds line breaks and separators in cells and lines, keeps them in text', () => {
    expect(sanitizeCell('two\nlines\tand\r\ntabs')).toBe('two lines and tabs');
    expect(sanitizeLine('fake\r\nline\rover\u2028sep')).toBe('fake line over sep');
    expect(sanitizeText('two\r\nlines\u0000')).toBe('two\nlines');
    expect(sanitizeText('para\u2029graph')).toBe('para\ngraph');
  });

  it('bounds long strings with an ellipsis, never splitting a surrogate pair', () => {
    const line = sanitizeLine('W'.repeat(150_000));
    expect(line).toHaveLength(LINE_MAX);
    expect(line.endsWith('…')).toBe(true);
    expect(sanitizeText('x'.repeat(150_000))).toHaveLength(TEXT_MAX);
    const emoji = sanitizeLine(`${'a'.repeat(LINE_MAX - 2)}😀😀`);
    expect(emoji).toBe(`${'a'.repeat(LINE_MAX - 2)}…`);
    expect(sanitizeLine('short')).toBe('short');
  });

  it('works as a map callback (one argument)', () => {
    expect(['a\u001b[31mb', 'c'].map(sanitizeLine)).toEqual(['ab', 'c']);
    expect(['a\nb', 'c'].map(sanitizeText)).toEqual(['a\nb', 'c']);
  });

  it('leaves accented French alone', () => {
    expect(sanitizeCell('Télé – Base + 10 chaînes « Crave »')).toBe('Télé – Base + 10 chaînes « Crave »');
  });

  it('makes message parameters single-line strings and leaves numbers', () => {
    expect(lineParams({ detail: 'no\r\nFAKE\u001b]0;t\u0007', status: 404 })).toEqual({ detail: 'no FAKE', status: 404 });
    expect(lineParams({ detail: 'W'.repeat(150_000) }).detail).toHaveLength(PARAM_MAX);
  });
});

describe('terminalSafe (the io layer)', () => {
  const hostile = 'a\u001b]0;title\u0007b\u001b[2Jc\u001b[31md\u001b[0m\u009b31me\rf\u202eg\bh\u2028i\r\nj';

  it('without colour lets no escape sequence through, and no control but tab and line feed', () => {
    expect(terminalSafe(hostile, { sgr: false, progress: false })).toBe('abcdefgh i\nj');
  });

  it('with colour keeps SGR sequences only', () => {
    expect(terminalSafe(hostile, { sgr: true, progress: false })).toBe('abc\u001b[31md\u001b[0mefgh i\nj');
  });

  it('on stderr keeps the progress line’s redraw, and only that use of a carriage return', () => {
    expect(terminalSafe('\r\u001b[2K12/40', { sgr: false, progress: true })).toBe('\r\u001b[2K12/40');
    expect(terminalSafe('x\rFAKE\u001b[2K', { sgr: false, progress: true })).toBe('xFAKE');
    expect(terminalSafe('\r\u001b[2K12/40', { sgr: false, progress: false })).toBe('12/40');
  });

  it('returns plain text as it is', () => {
    const plain = 'Bill 2026-12-1001\tTélé – Base\n';
    expect(terminalSafe(plain, { sgr: false, progress: false })).toBe(plain);
  });
});

describe('machine output', () => {
  it('JSON escapes C1, DEL, bidi and line separators and stays lossless', () => {
    const value = { name: 'a\u009b31m\u007f\u202e\u2066\u2028\u2029\u001b[2Jb' };
    const text = toJson(value);
    // eslint-disable-next-line no-control-regex -- control characters are what this finds
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    expect(text).toContain('\\u009b');
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\u2028');
    expect(JSON.parse(text)).toEqual(value);
    expect(JSON.parse(jsonText(value))).toEqual(value);
    expect(jsonText(undefined)).toBe('null');
  });

  it('CSV text: controls removed, formulas neutralised, numbers left alone', () => {
    expect(csvText('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(csvText('+1+1')).toBe("'+1+1");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('-12.50')).toBe('-12.50');
    expect(csvText('Marie\u001b]0;t\u0007 Tremblay')).toBe('Marie Tremblay');
  });
});
