/**
 * A bulk run allocates fast and keeps little: ≈ 17 MB live whatever the length of its list. V8,
 * seeing the program run smoothly, let the heap fill with ≈ 100 MB of garbage before collecting,
 * so a 100,000-account run peaked near 190 MiB; growth capped at twice the live size keeps it
 * near 140 MiB, for ≈ 5 % more time at 10,000 accounts (bench/README.md).
 *
 * V8 uses a code cache only under the flags it was made with (bin/load-cli.js): the flag is set
 * once the run's code is loaded, and restored before the caches of anything compiled meanwhile
 * are written at exit.
 */
import { setFlagsFromString } from 'node:v8';

/** The heap may grow to (1 + this / 100) times what is live. */
const HEAP_GROWING_PERCENT = 100;

/** Caps the heap's growth; the function returned restores V8's default. */
export function capHeapGrowth(): () => void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return () => setFlagsFromString('--heap-growing-percent=0');
}
