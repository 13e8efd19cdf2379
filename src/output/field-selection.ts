/**
 * `--fields a,b,c` (as gh's `--json a,b`): the JSON a command prints keeps only those top-level
 * fields — of the object, of each item of an array, of each bulk record's data. A field the
 * command does not have is a usage error that lists the ones it has, so a typo never yields a
 * silently empty column in a script.
 */
import { UsageError } from '../errors.js';
import { toJson } from './formats.js';
import type { IO } from './io.js';
import { jsonText, sanitizeLine } from './sanitize.js';

/** The list as typed: comma-separated, spaces ignored; an empty list is a usage error. */
export function parseFieldList(text: string): string[] {
  const fields = [
    ...new Set(
      text
        .split(',')
        .map((field) => field.trim())
        .filter(Boolean),
    ),
  ];
  if (fields.length === 0) throw new UsageError('fields.empty');
  return fields;
}

/** Throws the usage error naming the unknown fields and the available ones, if any is unknown. */
export function checkFields(fields: readonly string[], available: readonly string[], command: string): void {
  const unknown = fields.filter((field) => !available.includes(field));
  if (unknown.length === 0) return;
  throw new UsageError('fields.unknown', {
    params: { fields: unknown.map(sanitizeLine).join(', '), command, available: available.join(', ') },
    hint: 'fields.hint',
    hintParams: { command },
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function pick(value: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  // A field the command has but this item lacks is null, so every item has the same keys.
  for (const field of fields) picked[field] = Object.prototype.hasOwnProperty.call(value, field) ? value[field] : null;
  return picked;
}

/** The keys the output has: an object's, or all its items' together. */
function keysOf(value: unknown): string[] | undefined {
  if (isRecord(value)) return Object.keys(value);
  if (Array.isArray(value)) {
    const items = value.filter(isRecord);
    return items.length > 0 ? [...new Set(items.flatMap((item) => Object.keys(item)))] : undefined;
  }
  return undefined;
}

export interface Selection {
  fields: readonly string[];
  /** The command path, for messages (`bill show`). */
  command: string;
  /** The command's declared fields (already checked); otherwise the output's keys are checked. */
  declared?: readonly string[];
}

/** The value with only the selected fields (objects, and the objects of an array). */
export function selectFields(value: unknown, selection: Selection): unknown {
  if (!selection.declared) {
    const available = keysOf(value);
    if (available) checkFields(selection.fields, available, selection.command);
  }
  if (isRecord(value)) return pick(value, selection.fields);
  if (Array.isArray(value)) return value.map((item) => (isRecord(item) ? pick(item, selection.fields) : item));
  return value;
}

/** A bulk record with only the selected fields of its data; failures are kept whole. */
export function selectRecordData<R extends { ok: boolean }>(record: R, fields: readonly string[]): R {
  if (!record.ok || !('data' in record)) return record;
  const data = (record as R & { data: unknown }).data;
  const picked = isRecord(data) ? pick(data, fields) : Array.isArray(data) ? data.map((item) => (isRecord(item) ? pick(item, fields) : item)) : data;
  return { ...record, data: picked };
}

function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * An IO whose stdout text is filtered: each write that is a JSON document (what `toJson` makes)
 * is printed with only the selected fields; a write of JSON lines is filtered line by line. Other
 * text passes unchanged (a command whose output is no JSON has no fields to pick).
 */
export function fieldSelectingIO(io: IO, selection: Selection): IO {
  const out = (text: string) => {
    const whole = parsed(text);
    if (whole.ok) {
      io.out(toJson(selectFields(whole.value, selection)));
      return;
    }
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const values = lines.map(parsed);
    if (lines.length > 0 && values.every((value) => value.ok)) {
      io.out(values.map((value) => `${jsonText(selectFields((value as { value: unknown }).value, selection))}\n`).join(''));
      return;
    }
    io.out(text);
  };
  return Object.create(io, { out: { value: out } }) as IO;
}
