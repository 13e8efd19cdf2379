/** The sandbox's Canadian address rules behind TMF673 address validation. */
import { describe, expect, it } from 'vitest';
import { checkCanadianAddress } from '../../src/sandbox/party/canadian-address.js';

const base = { streetNr: '1234', streetName: 'rue Saint-Denis', city: 'Montréal', stateOrProvince: 'QC', postcode: 'H2X 1Y4' };

describe('checkCanadianAddress', () => {
  it('accepts a seeded city and normalizes the postal code and province', () => {
    const check = checkCanadianAddress({ ...base, city: 'montréal', stateOrProvince: 'qc', postcode: 'h2x1y4' });
    expect(check.result).toBe('success');
    expect(check.valid).toMatchObject({ city: 'Montréal', stateOrProvince: 'QC', postcode: 'H2X 1Y4', country: 'CA' });
  });

  it('answers partial with the proper spelling for a near miss', () => {
    expect(checkCanadianAddress({ ...base, city: 'Montreal' })).toMatchObject({ result: 'partial', alternatives: [{ city: 'Montréal' }] });
    expect(checkCanadianAddress({ ...base, city: 'Quebec City', postcode: 'G1R 4P5' })).toMatchObject({
      result: 'partial',
      alternatives: [{ city: 'Québec' }],
    });
    expect(checkCanadianAddress({ ...base, city: 'Trois Rivieres', postcode: 'G9A 5H7' }).alternatives[0]?.city).toBe('Trois-Rivières');
  });

  it('fails on a bad postal code, a province that is not one, a postal code of another province, or an unknown city', () => {
    const fails = (changes: Partial<typeof base> & { country?: string }) => checkCanadianAddress({ ...base, ...changes });
    expect(fails({ postcode: 'H2X 1Y' }).problems.join()).toMatch(/not a Canadian postal code/);
    expect(fails({ postcode: 'D2X 1Y4' }).result).toBe('fails');
    expect(fails({ stateOrProvince: 'XX' }).problems.join()).toMatch(/not a Canadian province/);
    expect(fails({ stateOrProvince: 'ON' }).problems.join()).toMatch(/H2X 1Y4 is not in ON \(postal codes there start with K, L, M, N, P\)/);
    expect(fails({ city: 'Springfield' })).toMatchObject({ result: 'fails', problems: ['city "Springfield" is not known in QC'] });
    expect(fails({ country: 'US' }).result).toBe('fails');
    expect(fails({ streetName: '  ' }).result).toBe('fails');
  });
});
