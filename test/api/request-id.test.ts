/** The X-Request-ID espace sends: a well-formed version 4 UUID, a new one each time. */
import { describe, expect, it } from 'vitest';
import { newRequestId } from '../../src/api/request-id.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newRequestId', () => {
  it('is a version 4 UUID, never the same twice in 50,000', () => {
    const ids = Array.from({ length: 50_000 }, newRequestId);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every hexadecimal digit in every random position, and every variant', () => {
    const ids = Array.from({ length: 5_000 }, newRequestId);
    for (let position = 0; position < 36; position++) {
      if ([8, 13, 14, 18, 23].includes(position)) continue; // dashes, the version digit
      const digits = new Set(ids.map((id) => id[position]));
      expect(digits.size, `position ${position}`).toBe(position === 19 ? 4 : 16);
    }
  });
});
