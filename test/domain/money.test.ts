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

  it('gives plain decimals for scripts', () => {
    expect(plainDecimal(cad(6550))).toBe('65.50');
    expect(plainDecimal(cad(-5))).toBe('-0.05');
    expect(plainDecimal(cad(0))).toBe('0.00');
  });
});
