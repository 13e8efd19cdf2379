/**
 * The order of ids a bill's lines are shown in: `Intl.Collator('en', { numeric: true })`, which
 * reads runs of digits as numbers (`L-9` before `L-10`). Creating that collator loads ICU's
 * collation data, ≈ 30–100 ms on every process that shows a bill (more than the rest of its
 * work); ids made of ASCII letters, digits, `-`, `.` and `_` (every id seen in practice) are
 * compared here with the same result, and only other ids load the collator. test/api/id-order
 * checks the two agree, sign for sign, on random ids of that alphabet.
 */

/** The ids compared here without the collator. */
const SIMPLE_ID = /^[0-9A-Za-z._-]*$/;
/** Punctuation in the collation's order (it sorts before digits, and digits before letters). */
const PUNCTUATION = '_-.';

const PUNCTUATION_UNIT = 0;
const NUMBER_UNIT = 1;
const LETTER_UNIT = 2;

/** One unit of the collation: a punctuation mark, a run of digits (its value), or a letter. */
type Unit = { kind: 0; rank: number } | { kind: 1; digits: string } | { kind: 2; lower: string; upper: boolean };

function unitsOf(id: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < id.length;) {
    const code = id.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      let end = i + 1;
      while (end < id.length && id.charCodeAt(end) >= 48 && id.charCodeAt(end) <= 57) end++;
      // Leading zeros do not count: `007` and `7` are the same number to the collator.
      units.push({ kind: NUMBER_UNIT, digits: id.slice(i, end).replace(/^0+/, '') });
      i = end;
    } else {
      const rank = PUNCTUATION.indexOf(id[i]!);
      if (rank >= 0) units.push({ kind: PUNCTUATION_UNIT, rank });
      else {
        const lower = id[i]!.toLowerCase();
        units.push({ kind: LETTER_UNIT, lower, upper: lower !== id[i] });
      }
      i++;
    }
  }
  return units;
}

/** Compares two ids of the simple alphabet as the collator does: by units, then lowercase before uppercase. */
function compareSimple(a: string, b: string): number {
  return compareUnits(unitsOf(a), unitsOf(b));
}

/** compareSimple on ids already cut into units. */
function compareUnits(x: Unit[], y: Unit[]): number {
  const shared = Math.min(x.length, y.length);
  for (let i = 0; i < shared; i++) {
    const u = x[i]!;
    const v = y[i]!;
    if (u.kind !== v.kind) return u.kind - v.kind;
    if (u.kind === PUNCTUATION_UNIT && u.rank !== (v as typeof u).rank) return u.rank - (v as typeof u).rank;
    if (u.kind === NUMBER_UNIT) {
      const other = (v as typeof u).digits;
      if (u.digits !== other) return u.digits.length - other.length || (u.digits < other ? -1 : 1);
    }
    if (u.kind === LETTER_UNIT && u.lower !== (v as typeof u).lower) return u.lower < (v as typeof u).lower ? -1 : 1;
  }
  if (x.length !== y.length) return x.length - y.length;
  // Equal but for case: the first letter that differs decides, lowercase first.
  for (let i = 0; i < shared; i++) {
    const u = x[i]!;
    if (u.kind === LETTER_UNIT && u.upper !== (y[i] as typeof u).upper) return u.upper ? 1 : -1;
  }
  return 0;
}

let collator: Intl.Collator | undefined;

/** Compares two ids as `Intl.Collator('en', { numeric: true })` does (see the module). */
export function compareIds(a: string, b: string): number {
  if (SIMPLE_ID.test(a) && SIMPLE_ID.test(b)) return compareSimple(a, b);
  collator ??= new Intl.Collator('en', { numeric: true });
  return collator.compare(a, b);
}

/**
 * The items in the order of their ids (`compareIds`), stable. Each id is cut into units once,
 * not at every comparison: a bulk batch sorts hundreds of line items at a time.
 */
export function sortedByIds<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  const keyed = items.map((item) => {
    const id = idOf(item);
    return { item, id, units: SIMPLE_ID.test(id) ? unitsOf(id) : undefined };
  });
  keyed.sort((a, b) => {
    if (a.units !== undefined && b.units !== undefined) return compareUnits(a.units, b.units);
    collator ??= new Intl.Collator('en', { numeric: true });
    return collator.compare(a.id, b.id);
  });
  return keyed.map((entry) => entry.item);
}
