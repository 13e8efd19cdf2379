import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../src/cli/yes-no.js';

describe('parseYesNo', () => {
  it('reads o, oui, n and non in French, whatever the case, accents or blanks', () => {
    for (const yes of ['o', 'O', 'oui', 'OUI', ' Oui ', 'ouì', 'Ôui']) expect(parseYesNo(yes, 'fr', false), yes).toBe(true);
    for (const no of ['n', 'N', 'non', 'NON', ' Non', 'nôn']) expect(parseYesNo(no, 'fr', true), no).toBe(false);
  });

  it('reads y, yes, n and no in English', () => {
    for (const yes of ['y', 'Y', 'yes', 'YES']) expect(parseYesNo(yes, 'en', false), yes).toBe(true);
    for (const no of ['n', 'N', 'no', 'No']) expect(parseYesNo(no, 'en', true), no).toBe(false);
  });

  it('gives the default for an empty answer', () => {
    expect(parseYesNo('', 'fr', true)).toBe(true);
    expect(parseYesNo('  ', 'en', false)).toBe(false);
  });

  it('refuses what is not a yes or a no in that language, rather than taking the default', () => {
    for (const other of ['yes', 'y', 'ouais', 'nope', 'x', 'on']) expect(parseYesNo(other, 'fr', false), other).toBeUndefined();
    for (const other of ['o', 'oui', 'non', 'yeah', 'nah']) expect(parseYesNo(other, 'en', false), other).toBeUndefined();
  });
});
