/**
 * A bulk run allocates fast and keeps little: its live heap is the same whatever the length of
 * its list (the list itself is held as bytes, account-ids.ts). V8 sizes its heap from how the
 * program runs, not from what is live, and the longer the run the more room it takes:
 * - The young generation (where every answer is parsed) doubles whenever a collection finds it
 *   busy, however little survives: up to 32 MB on Node 20, 64 MB on Node 26 and 128 MB on Node
 *   24. A 10,000-account `ticket list` leaves it at 8 MB; a 100,000-account one took the whole
 *   32 MB. Its growth is stopped at YOUNG_GENERATION_CAP_BYTES (Node 26 still doubles it once).
 *   Stopping it at 8 MB saved 8 MB more but cost `bill show` about 10 % more CPU (more
 *   scavenges of the same answers in flight); at 16 MB no cost was measured (bench/README.md).
 * - The old generation, uncapped, let a 100,000-account run fill with ≈ 100 MB of garbage before
 *   collecting (a 190 MiB peak). Its growth is capped at twice the live size once the heap passes
 *   HEAP_CAP_FROM_BYTES: capping costs 7–9 % more time (more collections), which a run that never
 *   gets that big need not pay.
 *
 * V8 uses a code cache only under the flags it was made with (bin/v8-code-cache.js): the flags are
 * set only during the run, after its code is loaded, and restored before the caches of anything
 * compiled meanwhile are written at exit.
 */
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';

/** The old generation may grow to (1 + this / 100) times what is live, once capped. */
const HEAP_GROWING_PERCENT = 100;
/** Below this heap size, V8's own growth policy for the old generation is left alone. */
const HEAP_CAP_FROM_BYTES = 64 * 1024 * 1024;
/** The young generation (both semi-spaces) grows no further once a check finds it this large. */
export const YOUNG_GENERATION_CAP_BYTES = 16 * 1024 * 1024;

export class HeapGrowthCap {
  #oldCapped = false;
  #youngCapped = false;

  /** Caps what has grown past its threshold; cheap enough to call at every write (about 1 µs). */
  check(): void {
    if (!this.#oldCapped && getHeapStatistics().total_heap_size >= HEAP_CAP_FROM_BYTES) {
      setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
      this.#oldCapped = true;
    }
    if (!this.#youngCapped && youngGenerationBytes() >= YOUNG_GENERATION_CAP_BYTES) {
      // Growing by a factor of 1 is not growing: V8 keeps the size it has.
      setFlagsFromString('--semi-space-growth-factor=1');
      this.#youngCapped = true;
    }
  }

  /** Restores V8's defaults (the same on Node 20 to 26) for what was capped. */
  restore(): void {
    // 0: V8's own choice of growing factor.
    if (this.#oldCapped) setFlagsFromString('--heap-growing-percent=0');
    if (this.#youngCapped) setFlagsFromString('--semi-space-growth-factor=2');
    this.#oldCapped = this.#youngCapped = false;
  }
}

function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}
