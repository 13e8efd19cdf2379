import { describe, expect, it } from 'vitest';
import { AccountIds } from '../../src/bulk/account-ids.js';

/** A reproducible stream of numbers (no test may depend on the moment it runs). */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
}

const SHAPES = [
  (n: number) => `BA-${100001 + n}`,
  (n: number) => `compte-é${n}`,
  (n: number) => `${n}`,
  (n: number) => `帳戶${n}🙂`,
  (n: number) => `ba-${n}-x`,
];

/** A sealed list of `ids` in their order, each once, as reading a file makes it. */
function listOf(ids: Iterable<string>): AccountIds {
  const list = new AccountIds();
  for (const id of ids) list.add(id);
  return list.seal();
}

describe('AccountIds', () => {
  it('keeps each id once, in the order first seen, like a set of strings', () => {
    const next = numbers(7);
    const ids = new AccountIds();
    const reference = new Set<string>();
    let repeats = 0;
    const wrongAnswers: string[] = [];
    // Enough ids to grow the byte buffer, the ends and the hash table many times, with repeats.
    for (let i = 0; i < 60_000; i++) {
      const value = next();
      const id = SHAPES[value % SHAPES.length]!(value % 20_000);
      const added = ids.add(id);
      if (added === reference.has(id)) wrongAnswers.push(id);
      if (added) reference.add(id);
      else repeats++;
    }
    ids.seal();
    expect(wrongAnswers).toEqual([]);
    expect(repeats).toBeGreaterThan(10_000);
    expect(ids.length).toBe(reference.size);
    expect([...ids]).toEqual([...reference]);
  });

  it('tells apart ids whose bytes differ only in length or in one byte', () => {
    const ids = listOf(['BA-1', 'BA-10', 'BA-1', 'BA-01', 'BA-10', '', 'É', 'E\u0301', 'É']);
    expect([...ids]).toEqual(['BA-1', 'BA-10', 'BA-01', '', 'É', 'E\u0301']);
  });

  it('reads ids by index and by range, as an array does', () => {
    const array = Array.from({ length: 300 }, (_, i) => `BA-${i}é`);
    const ids = listOf(array);
    expect(ids.at(0)).toBe(array.at(0));
    expect(ids.at(299)).toBe(array.at(299));
    expect(ids.at(-1)).toBe(array.at(-1));
    expect(ids.at(300)).toBeUndefined();
    expect(ids.slice(10, 20)).toEqual(array.slice(10, 20));
    expect(ids.slice(290, 400)).toEqual(array.slice(290, 400));
    expect(ids.slice(250)).toEqual(array.slice(250));
  });

  it('filters into a new list, the original untouched', () => {
    const ids = listOf(Array.from({ length: 1000 }, (_, i) => `BA-${i}`));
    const even = ids.filter((id) => Number(id.slice(3)) % 2 === 0);
    expect(even.length).toBe(500);
    expect(even.at(1)).toBe('BA-2');
    expect(ids.length).toBe(1000);
  });

  it('says whether it holds an id, as a set does, without adding it', () => {
    const ids = new AccountIds();
    for (let n = 0; n < 5000; n += 2) ids.add(SHAPES[n % SHAPES.length]!(n));
    const wrongAnswers: string[] = [];
    for (let n = 0; n < 5000; n++) if (ids.has(SHAPES[n % SHAPES.length]!(n)) !== (n % 2 === 0)) wrongAnswers.push(SHAPES[n % SHAPES.length]!(n));
    expect(wrongAnswers).toEqual([]);
    expect(ids.length).toBe(2500);
    expect(ids.at(-1)).toBe(SHAPES[4998 % SHAPES.length]!(4998));
  });

  it('refuses an id once sealed, rather than keep a repeat it can no longer find', () => {
    const ids = listOf(['BA-1']);
    expect(() => ids.add('BA-2')).toThrow(/seal/);
    expect(() => ids.has('BA-1')).toThrow(/seal/);
  });
});
