import { describe, expect, it } from 'vitest';
import { checkCardNumber } from '../../src/domain/card.js';

describe('checkCardNumber', () => {
  it('takes the test cards of each network, typed with spaces or dashes', () => {
    expect(checkCardNumber('4242 4242 4242 4242')).toMatchObject({ ok: true, digits: '4242424242424242', brand: { name: 'Visa' } });
    expect(checkCardNumber('5555-5555-5555-4444')).toMatchObject({ ok: true, brand: { name: 'Mastercard' } });
    expect(checkCardNumber('2223003122003222')).toMatchObject({ ok: true, brand: { name: 'Mastercard' } });
    expect(checkCardNumber('378282246310005')).toMatchObject({ ok: true, brand: { name: 'American Express' } });
    expect(checkCardNumber('6011111111111117')).toMatchObject({ ok: true, brand: { name: 'Discover' } });
  });

  it('names the first thing to correct: not digits, the network, its length, then the check digit', () => {
    expect(checkCardNumber('4242 abcd 4242 4242')).toEqual({ ok: false, problem: 'notDigits' });
    expect(checkCardNumber('9999999999999995')).toEqual({ ok: false, problem: 'unknownBrand' });
    expect(checkCardNumber('424242424242424')).toMatchObject({ ok: false, problem: 'length', brand: { name: 'Visa' } });
    expect(checkCardNumber('3782822463100050')).toMatchObject({ ok: false, problem: 'length', brand: { name: 'American Express' } });
    expect(checkCardNumber('4242424242424241')).toEqual({ ok: false, problem: 'checkDigit' });
  });
});
