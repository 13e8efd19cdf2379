/**
 * The closest known words to a mistyped one, for "Did you mean …?" after an unknown command or
 * option. Same rule as commander's own suggestions (which come only as English text): at most 3
 * edits, more than 40% alike, and every candidate tied for the fewest edits.
 */

import { compareIds } from '../api/tmf/id-order.js';

const MAX_DISTANCE = 3;
const MIN_SIMILARITY = 0.4;

/** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > MAX_DISTANCE) return Math.max(a.length, b.length);
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d[i] = [i];
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidates closest to `word` (sorted), or none. Options are compared without their `--`. */
export function closestWords(word: string, candidates: Iterable<string>): string[] {
  const options = word.startsWith('--');
  const bare = (text: string) => (options ? text.replace(/^--/, '') : text);
  let best = MAX_DISTANCE;
  let similar: string[] = [];
  for (const candidate of new Set(candidates)) {
    const name = bare(candidate);
    if (name.length <= 1) continue;
    const distance = editDistance(bare(word), name);
    const length = Math.max(bare(word).length, name.length);
    if ((length - distance) / length <= MIN_SIMILARITY) continue;
    if (distance < best) {
      best = distance;
      similar = [candidate];
    } else if (distance === best) {
      similar.push(candidate);
    }
  }
  // Not localeCompare: its first call loads ICU's collation data (tens of ms on a usage error).
  return similar.sort(compareIds);
}
