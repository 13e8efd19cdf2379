/**
 * How wide the terminal is. Kept apart from wrap.ts, which loads the measuring and wrapping
 * packages: the launcher's prebuilt answers (src/cli/prebuilt/) need the width and none of those.
 */

/** The width assumed when nothing says what it is: the classic terminal's. */
export const DEFAULT_COLUMNS = 80;
/** Narrower than this, wrapping would make text unreadable rather than fit: this is the least. */
const MIN_COLUMNS = 20;

/**
 * The terminal's width: `COLUMNS` when it is a positive number (as `ls` and Python read it, and
 * so that a script or a test can set it), else the stream's own (the terminal's size), else 80.
 */
export function terminalColumns(env: Record<string, string | undefined>, ...streams: ({ columns?: number } | undefined)[]): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return Math.max(MIN_COLUMNS, fromEnv);
  for (const stream of streams) if (stream?.columns && stream.columns > 0) return Math.max(MIN_COLUMNS, stream.columns);
  return DEFAULT_COLUMNS;
}
