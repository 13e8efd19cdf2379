/** Parsers of option values that commander calls while it reads the command line. */
import { InvalidArgumentError } from 'commander';

/** A whole number of 1 or more (`--limit`); anything else is a usage error naming the value. */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(value);
  return parsed;
}
