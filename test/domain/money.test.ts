import { describe, expect, it } from 'vitest';
import { centsFromDecimal, formatMoney, plainDecimal, sum, cad } from '../../src/domain/money.js';

describe('centsFromDecimal', () => {
  it.each([
    [65.5, 6550],
    [0.1, 10],
    [19.99, 1999],
    ['12.3', 1230],
    [-4.05, -405],
    [1e-7, 0],
    [123456789.12, 12345678912],
    ['0.005', 1],
    [2.675, 268],
  ])('%s → %i cents', (input, cents) => {
    expect(centsFromDecimal(input)).toBe(cents);
  });

  it('adds amounts that float arithmetic gets wrong', () => {
    // 0.1 + 0.2 !== 0.3 in floating point; in cents it is exact.
    expect(sum([cad(centsFromDecimal(0.1)), cad(centsFromDecimal(0.2))]).amount).toBe(30);
  });

  it('refuses what is not an amount', () => {
    expect(() => centsFromDecimal('abc')).toThrow(RangeError);
    expect(() => centsFromDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => centsFromDecimal('')).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('follows the locale', () => {
    expect(formatMoney(cad(6500), 'en-CA')).toBe('$65.00');
    // French Canada puts the symbol after, with a (no-break) space, and a decimal comma.
    expect(formatMoney(cad(6500), 'fr-CA').replace(/\s/g, ' ')).toBe('65,00 $');
    expect(formatMoney(cad(-123456), 'fr-CA').replace(/\s/g, ' ')).toBe('-1 234,56 $');
  });

  it('writes Canadian dollars exactly as Intl.NumberFormat does, in both locales', () => {
    // A spread of magnitudes and signs, and amounts around every grouping boundary, up to where
    // Intl's input (dollars, a float) stops holding every cent.
    const amounts = [0, 1, -1, 5, 99, 100, -100, 6500, 99_999, 100_000, -123_456, 12_345_678, -987_654_321];
    for (let digits = 1; digits <= 13; digits++) amounts.push(10 ** digits - 1, 10 ** digits, -(10 ** digits));
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      seed = (seed * 48271) % 2147483647;
      amounts.push((seed % 2 === 0 ? 1 : -1) * (seed % 10 ** (1 + (i % 12))));
    }
    for (const locale of ['en-CA', 'fr-CA']) {
      const intl = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD', currencyDisplay: 'narrowSymbol' });
      for (const amount of amounts) expect(formatMoney(cad(amount), locale), `${locale} ${amount}`).toBe(intl.format(amount / 100));
    }
  });

  it('writes every cent of amounts too large for a float of dollars', () => {
    expect(formatMoney(cad(Number.MAX_SAFE_INTEGER), 'en-CA')).toBe('$90,071,992,547,409.91');
  });

  it('writes a negative zero as zero', () => {
    expect(formatMoney(cad(-0), 'en-CA')).toBe('$0.00');
    expect(formatMoney({ amount: -0, currency: 'USD' }, 'fr-CA')).toBe(formatMoney({ amount: 0, currency: 'USD' }, 'fr-CA'));
  });

  it('leaves other currencies to Intl', () => {
    expect(formatMoney({ amount: 123_456, currency: 'USD' }, 'en-CA')).toBe(new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' }).format(1234.56));
  });

  it('gives plain decimals for scripts', () => {
    expect(plainDecimal(cad(6550))).toBe('65.50');
    expect(plainDecimal(cad(-5))).toBe('-0.05');
    expect(plainDecimal(cad(0))).toBe('0.00');
  });
});
