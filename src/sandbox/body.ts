/**
 * Checks shared by the routes that read a JSON request body. Their messages are TMF error
 * messages a client shows as they are, so each says what was wrong.
 */
import { TmfError } from './tmf-errors.js';

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first key of `object` that is not in `allowed`, if any. */
export function unexpectedKey(object: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(object).find((key) => !allowed.includes(key));
}

/** Refuses (400) an object with a key not in `allowed`, naming it and the accepted ones. */
export function rejectOthers(object: Record<string, unknown>, allowed: readonly string[]): void {
  const other = unexpectedKey(object, allowed);
  if (other !== undefined) throw new TmfError(400, `"${other}" is not accepted here; accepted: ${allowed.join(', ') || 'nothing'}`);
}
