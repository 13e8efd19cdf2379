/**
 * Line items are shown in the collator's order of their ids; most ids are compared without
 * creating a collator (src/api/tmf/id-order.ts): the two must agree, on random ids of every
 * character class that shortcut handles, and on ids it leaves to the collator.
 */
import { describe, expect, it } from 'vitest';
import { compareIds, sortedByIds } from '../../src/api/tmf/id-order.js';

const collator = new Intl.Collator('en', { numeric: true });

/** A small deterministic generator, so that a failure can be run again. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the order of ids', () => {
  it('is the collator’s, sign for sign, on random ids of letters, digits (leading zeros too), - . _', () => {
    const random = generator(18);
    const alphabet = '0123456789aAbBzZ-._';
    const id = (length: number) => Array.from({ length: 1 + Math.floor(random() * length) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const disagreements: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const a = id(i % 2 ? 6 : 20);
      const b = id(i % 3 ? 6 : 20);
      if (Math.sign(compareIds(a, b)) !== Math.sign(collator.compare(a, b))) disagreements.push(`${a} ${b}`);
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  it('reads numbers as numbers and ignores case but to break ties, as the collator does', () => {
    const ids = ['L-10', 'l-9', 'L-9', 'L-009a', 'L_1', 'L.1', 'L-1', 'ACBR-1001-202612-2', 'ACBR-1001-202612-10'];
    expect([...ids].sort(compareIds)).toEqual([...ids].sort(collator.compare));
  });

  it('leaves other ids to the collator', () => {
    const ids = ['é-2', 'e-10', 'E-1', 'ligne 3', 'ligne:2', 'Ω-1'];
    expect([...ids].sort(compareIds)).toEqual([...ids].sort(collator.compare));
  });

  it('sorts lists as the collator does when each id is cut up once (sortedByIds), ids of both kinds mixed', () => {
    const random = generator(7);
    const alphabet = '0123456789aAbBzZ-._é ';
    const id = () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 60) }, (_, index) => ({ id: id(), index }));
      const expected = [...items].sort((a, b) => collator.compare(a.id, b.id) || a.index - b.index);
      expect(sortedByIds(items, (item) => item.id).map((item) => item.index)).toEqual(expected.map((item) => item.index));
    }
  });
});
