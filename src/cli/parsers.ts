/**
 * Parsers of option values that commander calls while it reads the command line. A value they
 * refuse carries what the option expects; main.ts words it in the user's language, with the
 * option and the value ("--batch-size takes a whole number from 1 to 200, not '500'").
 */
import { InvalidArgumentError } from 'commander';

export type Expectation = { kind: 'integer'; min: number; max?: number } | { kind: 'positiveNumber' } | { kind: 'duration' };

const EXPECTS = 'espace-expects:';

/** The error commander reports for a refused value (it adds the option and the value). */
export function expected(expectation: Expectation): InvalidArgumentError {
  return new InvalidArgumentError(`${EXPECTS}${JSON.stringify(expectation)}`);
}

/** What a refused value's message says the option expects, if it came from these parsers. */
export function expectationIn(message: string): Expectation | undefined {
  const at = message.indexOf(EXPECTS);
  if (at === -1) return undefined;
  try {
    return JSON.parse(message.slice(at + EXPECTS.length)) as Expectation;
  } catch {
    return undefined;
  }
}

/** A whole number from `min` (to `max`), written in digits only. */
export function integerBetween(min: number, max?: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || (max !== undefined && parsed > max)) throw expected({ kind: 'integer', min, max });
    return parsed;
  };
}

/** A whole number of 1 or more (`--limit`). */
export const positiveInteger = integerBetween(1);

/** A number greater than 0, fractions allowed (`--rps 0.5`). */
export function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) throw expected({ kind: 'positiveNumber' });
  return parsed;
}
