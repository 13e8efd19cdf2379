import { describe, expect, it } from 'vitest';
import { AmountError, MAX_AMOUNT_CENTS, centsFromDecimal, formatMoney, isCurrencyCode, plainDecimal, sum, cad } from '../../src/domain/money.js';

describe('centsFromDecimal', () => {
  it.each([
    [65.5, 6550],
    [0.1, 10],
    [19.99, 1999],
    ['12.3', 1230],
    [-4.05, -405],
    [1e-7, 0],
    [123456789.12, 12345678912],
    // More than two decimals: to the cent, half to even, on the decimal digits (never the float's).
    ['0.005', 0],
    ['0.015', 2],
    [2.675, 268],
    ['12.345', 1234],
    ['12.355', 1236],
    ['12.3451', 1235],
    [1.005, 100],
    [-1.005, -100],
    ['12.340', 1234],
    [1.4658129, 147],
    // Exponent notation, as a JSON number or a string, shifted exactly.
    ['1e2', 10000],
    [1.5e2, 15000],
    ['1.5e2', 15000],
    ['1.5E+2', 15000],
    ['-2.5e-1', -25],
    ['125e-3', 12],
    ['.5', 50],
    ['+7', 700],
    ['-0.00', 0],
    [99_999_999_999.99, MAX_AMOUNT_CENTS],
  ])('%s → %i cents', (input, cents) => {
    expect(centsFromDecimal(input)).toBe(cents);
  });

  it.each([-3.4e38, 3.4e38, 1e21, '1e21', 1e11, '100000000000', -99_999_999_999.995, Number.MAX_SAFE_INTEGER, '1e999999999'])(
    'refuses %s as beyond what a bill can hold',
    (input) => {
      const error = (() => {
        try {
          centsFromDecimal(input);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(AmountError);
      expect((error as AmountError).problem).toBe('outOfRange');
    },
  );

  it.each(['12,50', '1e', 'e2', '--1', '1.2.3', 'CAD 5', '0x10', 'Infinity', Number.POSITIVE_INFINITY])('refuses %s as no decimal amount', (input) => {
    expect(() => centsFromDecimal(input)).toThrow(AmountError);
  });

  it('adds amounts that float arithmetic gets wrong', () => {
    // 0.1 + 0.2 !== 0.3 in floating point; in cents it is exact.
    expect(sum([cad(centsFromDecimal(0.1)), cad(centsFromDecimal(0.2))]).amount).toBe(30);
  });

  it('reads a number as its decimal text reads (whole cents take a shortcut), on random amounts of every kind', () => {
    let state = 18;
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const kinds = [
      () => Math.round((random() - 0.5) * 2e6) / 100, // whole cents
      () => Math.round((random() - 0.5) * 2e7) / 1000, // a tenth of a cent, ties included
      () => (random() - 0.5) * 1e4, // any double
      () => Math.round(random() * 1e13) / 100, // up to the largest amount
      () => Math.round(random() * 1e14) / 100, // beyond it
      () => random() * 1e-3, // below the cent
      () => 0.1 + 0.2,
      () => -0,
    ];
    const differences: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const value = kinds[i % kinds.length]!();
      const outcome = (input: number | string) => {
        try {
          return Object.is(centsFromDecimal(input), -0) ? 'negative zero' : centsFromDecimal(input);
        } catch (error) {
          return (error as AmountError).problem;
        }
      };
      if (outcome(value) !== outcome(String(value))) differences.push(`${value}: ${outcome(value)} vs ${outcome(String(value))}`);
    }
    expect(differences.slice(0, 5)).toEqual([]);
  });

  it('refuses what is not an amount', () => {
    expect(() => centsFromDecimal('abc')).toThrow(RangeError);
    expect(() => centsFromDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => centsFromDecimal('')).toThrow(RangeError);
  });
});

describe('isCurrencyCode', () => {
  it('takes three capital letters only', () => {
    expect(isCurrencyCode('CAD')).toBe(true);
    expect(isCurrencyCode('USD')).toBe(true);
    for (const code of ['CAD$', 'cad', 'Cad', '$', 'CA', 'CADX', '', ' CAD']) expect(isCurrencyCode(code), code).toBe(false);
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

  it('says which currency any other amount is in, never a bare "$"', () => {
    expect(formatMoney({ amount: 123_456, currency: 'USD' }, 'en-CA')).toBe('US$1,234.56');
    expect(formatMoney({ amount: 123_456, currency: 'USD' }, 'fr-CA').replace(/\s/g, ' ')).toBe('1 234,56 $ US');
    expect(formatMoney({ amount: 5, currency: 'JPY' }, 'en-CA')).toMatch(/0\.05/);
  });

  it('gives plain decimals for scripts', () => {
    expect(plainDecimal(cad(6550))).toBe('65.50');
    expect(plainDecimal(cad(-5))).toBe('-0.05');
    expect(plainDecimal(cad(0))).toBe('0.00');
  });
});
