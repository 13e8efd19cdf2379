import { describe, expect, it } from 'vitest';
import { normalizePostalCode, postalCodeMatchesProvince } from '../../src/domain/postal-code.js';

describe('postal codes', () => {
  it('normalizes a full postal code, with or without the prefix option', () => {
    expect(normalizePostalCode(' h2x1y4 ')).toBe('H2X 1Y4');
    expect(normalizePostalCode('h2x 1y4', { allowPrefix: true })).toBe('H2X 1Y4');
  });

  it('accepts the first three characters only when asked to', () => {
    expect(normalizePostalCode('h2x')).toBeUndefined();
    expect(normalizePostalCode('h2x', { allowPrefix: true })).toBe('H2X');
  });

  it('refuses letters postal codes never use, and other shapes', () => {
    expect(normalizePostalCode('D2X 1Y4')).toBeUndefined();
    expect(normalizePostalCode('H2X 1O4')).toBeUndefined();
    expect(normalizePostalCode('H2X1', { allowPrefix: true })).toBeUndefined();
    expect(normalizePostalCode('12345', { allowPrefix: true })).toBeUndefined();
  });

  it('knows which province a postal code belongs to', () => {
    expect(postalCodeMatchesProvince('H2X 1Y4', 'QC')).toBe(true);
    expect(postalCodeMatchesProvince('H2X 1Y4', 'ON')).toBe(false);
  });
});
