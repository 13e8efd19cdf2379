/** The request-body checks the sandbox routes share (src/sandbox/body.ts). */
import { describe, expect, it } from 'vitest';
import { isObject, rejectOthers, unexpectedKey } from '../../src/sandbox/body.js';
import { TmfError } from '../../src/sandbox/tmf-errors.js';

describe('request body checks', () => {
  it('isObject accepts JSON objects only', () => {
    expect(isObject({})).toBe(true);
    expect([null, [], 'x', 1, undefined].map(isObject)).toEqual([false, false, false, false, false]);
  });

  it('names the first unexpected key, and refuses it with the accepted ones', () => {
    expect(unexpectedKey({ a: 1, b: 2, c: 3 }, ['a'])).toBe('b');
    expect(unexpectedKey({ a: 1 }, ['a'])).toBeUndefined();
    expect(() => rejectOthers({ a: 1 }, ['a'])).not.toThrow();
    expect(() => rejectOthers({ x: 1 }, ['a', 'b'])).toThrow(new TmfError(400, '"x" is not accepted here; accepted: a, b'));
    expect(() => rejectOthers({ x: 1 }, [])).toThrow(/accepted: nothing$/);
  });
});
