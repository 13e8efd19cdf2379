/**
 * A bulk run allocates fast and keeps little: ≈ 17 MB live whatever the length of its list. V8,
 * seeing the program run smoothly, lets the heap fill with ≈ 100 MB of garbage before collecting,
 * so an uncapped 100,000-account run peaked near 190 MiB. Growth capped at twice the live size
 * keeps it near 140 MiB, but costs 7–9 % more time (more collections), which a run that never
 * gets that big need not pay: the cap is set once the heap passes HEAP_CAP_FROM_BYTES.
 *
 * V8 uses a code cache only under the flags it was made with (bin/v8-code-cache.js): the flag is set
 * only during the run, after its code is loaded, and restored before the caches of anything
 * compiled meanwhile are written at exit.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/** The heap may grow to (1 + this / 100) times what is live, once capped. */
const HEAP_GROWING_PERCENT = 100;
/** Below this heap size, V8's own growth policy is left alone. */
const HEAP_CAP_FROM_BYTES = 64 * 1024 * 1024;

export class HeapGrowthCap {
  #capped = false;

  /** Caps the heap's growth if it has passed the threshold; cheap enough to call at every write. */
  check(): void {
    if (this.#capped || getHeapStatistics().total_heap_size < HEAP_CAP_FROM_BYTES) return;
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    this.#capped = true;
  }

  /** Restores V8's default, if the cap was set. */
  restore(): void {
    if (this.#capped) setFlagsFromString('--heap-growing-percent=0');
    this.#capped = false;
  }
}
