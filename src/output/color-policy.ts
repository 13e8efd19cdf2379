/**
 * Whether espace colours its output, decided once from the command line and the environment by
 * the conventions other tools follow (no-color.org, bixense.com/clicolors, FORCE_COLOR), first
 * match wins:
 *
 * 1. `--no-color`: off.
 * 2. `NO_COLOR` set to anything but the empty string: off.
 * 3. `FORCE_COLOR=0` (or `false`): off.
 * 4. `FORCE_COLOR` (any other non-empty value) or `CLICOLOR_FORCE` (non-empty, not `0`): on, even
 *    piped and even on a dumb terminal.
 * 5. `TERM=dumb`: off.
 * 6. `CLICOLOR=0`: off.
 * 7. The user's default (`espace config set color never|always|auto`): `never` off, `always` on
 *    even when piped; `auto` (or none) goes on to rule 8.
 * 8. Otherwise: on for a stream that is a terminal, off for one that is not.
 *
 * The decision covers everything espace draws in colour, the 2FA QR code included; chalk is
 * always given an explicit level, so its own detection never overrides this.
 */

export interface ColorPolicy {
  /** false: never colour (rules 1–3, 5, 6). */
  allowed: boolean;
  /** true: colour even a stream that is not a terminal (rule 4). */
  forced: boolean;
}

type Env = Record<string, string | undefined>;

/** The policy for this run; `argv` is the command line after the program name. */
export function colorPolicy(env: Env, argv: readonly string[], configured?: string): ColorPolicy {
  const off = { allowed: false, forced: false };
  if (flagGiven(argv, '--no-color')) return off;
  if (isSet(env.NO_COLOR)) return off;
  const force = env.FORCE_COLOR;
  if (force === '0' || force?.toLowerCase() === 'false') return off;
  if (isSet(force) || (isSet(env.CLICOLOR_FORCE) && env.CLICOLOR_FORCE !== '0')) return { allowed: true, forced: true };
  if (env.TERM === 'dumb') return off;
  if (env.CLICOLOR === '0') return off;
  if (configured === 'never') return off;
  if (configured === 'always') return { allowed: true, forced: true };
  return { allowed: true, forced: false };
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** A flag before `--` (after it, `--no-color` is an argument, e.g. a ticket's text). */
function flagGiven(argv: readonly string[], flag: string): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes(flag);
}
