/**
 * Whether the layout is plain: text a screen reader follows in order, without box drawing, block
 * characters or animation. Decided once from the command line and the environment:
 * `--plain` (before `--`), `ESPACE_PLAIN` set to anything but empty or `0` (`0` turns it off),
 * `TERM=dumb`, then the user's default (`espace config set plain true`).
 */
export function plainLayout(env: Record<string, string | undefined>, argv: readonly string[], configured?: string): boolean {
  const end = argv.indexOf('--');
  if ((end < 0 ? argv : argv.slice(0, end)).includes('--plain')) return true;
  if (env.ESPACE_PLAIN !== undefined && env.ESPACE_PLAIN !== '') return env.ESPACE_PLAIN !== '0';
  if (env.TERM === 'dumb') return true;
  return configured === 'true';
}
