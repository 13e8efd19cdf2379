/**
 * The parameters of `espace api`, as `gh api` reads them: `--field key=value` guesses the JSON type
 * (true, false, null, numbers), `--raw-field key=value` is always a string; a GET sends them as
 * query parameters, other methods as a JSON body. `--header name:value` adds a header.
 */
import { UsageError } from '../../../errors.js';

export type FieldValue = string | number | boolean | null;

function split(pair: string, separator: string, flag: string): [string, string] {
  const at = pair.indexOf(separator);
  if (at <= 0) throw new UsageError('rawApi.badPair', { params: { flag, value: pair, separator } });
  return [pair.slice(0, at).trim(), pair.slice(at + 1)];
}

/** `--field` values: JSON literals become typed, anything else stays a string. */
export function typedValue(raw: string): FieldValue {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(raw) && Number.isSafeInteger(Math.trunc(Number(raw)))) return Number(raw);
  return raw;
}

export function parseFields(typed: readonly string[], raw: readonly string[]): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = Object.create(null) as Record<string, FieldValue>;
  for (const pair of typed) {
    const [key, value] = split(pair, '=', '--field');
    fields[key] = typedValue(value);
  }
  for (const pair of raw) {
    const [key, value] = split(pair, '=', '--raw-field');
    fields[key] = value;
  }
  return fields;
}

export function parseHeaders(pairs: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of pairs) {
    const [name, value] = split(pair, ':', '--header');
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n]/.test(value)) {
      throw new UsageError('rawApi.badHeader', { params: { value: pair } });
    }
    headers[name.toLowerCase()] = value.trim();
  }
  return headers;
}
