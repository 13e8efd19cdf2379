/**
 * Quebec French typography on every French message of the catalog (rules in
 * scripts/french-typography.mjs): no-break spaces before « : ; ? ! », inside « » and before « % »,
 * the typographic apostrophe, contractions (du, au) and elisions (qu’, l’, d’) written by the
 * message, never left to a placeholder's value. A failure names each key, the rule and the spot;
 * `node scripts/french-typography.mjs --fix` applies the mechanical rules to the message files.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/i18n/catalog.js';
import { referencePairs } from '../../src/sandbox/language/reference-texts.js';
import { fixTypography, RULES, typographyProblems } from '../../scripts/french-typography.mjs';

const messages = [
  ...Object.entries(catalog).map(([key, message]) => ({ key, fr: (message as { fr: string }).fr })),
  // The sandbox's French reference texts (offers, outages, teams) reach the same screens.
  ...referencePairs().map(([en, fr]) => ({ key: `sandbox reference text "${en}"`, fr })),
];

describe('French typography of the catalog', () => {
  it.each(RULES.map((rule) => [rule.name, rule] as const))('%s', (name, rule) => {
    const faults = messages.flatMap(({ key, fr }) =>
      typographyProblems(fr)
        .filter((problem) => problem.rule === name)
        .map((problem) => `${key}: ${problem.excerpt}`),
    );
    expect(
      faults,
      `${rule.says} (⍽ marks a no-break space). Fix these keys${rule.fix ? ', or run node scripts/french-typography.mjs --fix' : ''}:\n  ${faults.join('\n  ')}\n`,
    ).toEqual([]);
  });
});

describe('the rules themselves', () => {
  it('find each fault they name, and the fixer mends the mechanical ones', () => {
    const bad = "Erreur : l'aide? « espace»; 5 % de le compte";
    expect(typographyProblems(bad).map((problem) => problem.rule)).toEqual([
      'space-before-high-punctuation',
      'missing-space-before-high-punctuation',
      'guillemets-spacing',
      'typographic-apostrophe',
      'percent-spacing',
      'contraction',
    ]);
    expect(fixTypography(bad)).toBe('Erreur\u00a0: l’aide\u00a0? «\u00a0espace\u00a0»; 5\u00a0% de le compte'.replace('»;', '»\u00a0;'));
    expect(typographyProblems('coûte moins que Internet').map((problem) => problem.rule)).toEqual(['elision']);
    expect(typographyProblems('coûte moins que {product}').map((problem) => problem.rule)).toEqual(['elision-before-placeholder']);
    expect(typographyProblems('le {date} à 14 h 05, https://exemple.ca, 10:30')).toEqual([]);
  });
});
