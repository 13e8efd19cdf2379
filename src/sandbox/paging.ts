/**
 * TMF630 list conventions: `offset`/`limit` paging with X-Total-Count / X-Result-Count, `fields`
 * selection of first-level attributes, `sort`, and attribute filters. Unknown query parameters are
 * refused with 400 rather than ignored, so a misspelt filter never silently returns everything.
 */
import type { FastifyReply } from 'fastify';
import { TmfError } from './tmf-errors.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** Attributes kept whatever `fields` asks for, so every item stays identifiable. */
const ALWAYS_KEPT = ['id', 'href', '@type'];
const MAX_FILTER_VALUES = 1000;

export interface QuerySpec {
  /** Attribute filters this resource supports (e.g. `billingAccount.id`, `billDate.gte`). */
  filters?: readonly string[];
  /** Accepted `sort` values; absent when the resource has a fixed order. */
  sorts?: readonly string[];
  /** Whether `offset` and `limit` apply (lists) or not (single resources). */
  paging?: boolean;
}

export interface ParsedQuery {
  offset: number;
  limit: number;
  /** Requested first-level attributes, or null for all. */
  fields: ReadonlySet<string> | null;
  sort: string | null;
  /** Filter values; a comma-separated or repeated parameter gives several values (OR). */
  filters: ReadonlyMap<string, readonly string[]>;
}

type RawQuery = Record<string, string | string[] | undefined>;

function single(name: string, value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) {
    if (value.length > 1) throw new TmfError(400, `Query parameter "${name}" may be given only once`);
    return value[0];
  }
  return value;
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new TmfError(400, `Query parameter "${name}" must be a non-negative integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new TmfError(400, `Query parameter "${name}" must be between ${min} and ${max}, got ${raw}`);
  return value;
}

function splitValues(name: string, value: string | string[]): string[] {
  const values = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (values.length === 0) throw new TmfError(400, `Query parameter "${name}" needs a value`);
  if (values.length > MAX_FILTER_VALUES) throw new TmfError(400, `Query parameter "${name}" accepts at most ${MAX_FILTER_VALUES} values`);
  return values;
}

export function parseQuery(raw: unknown, spec: QuerySpec): ParsedQuery {
  const query = (raw ?? {}) as RawQuery;
  const filterNames = new Set(spec.filters ?? []);
  const filters = new Map<string, string[]>();
  let fields: Set<string> | null = null;
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (name === 'fields') {
      fields = new Set(ALWAYS_KEPT);
      // Only first-level attributes can be selected; `billingAccount.id` selects `billingAccount`.
      for (const field of splitValues(name, value)) fields.add(field.split('.')[0] ?? field);
    } else if (name === 'offset' || name === 'limit') {
      if (!spec.paging) throw new TmfError(400, `Query parameter "${name}" applies only to lists`);
    } else if (name === 'sort') {
      if (!spec.sorts) throw new TmfError(400, 'This resource does not support "sort"');
    } else if (filterNames.has(name)) {
      filters.set(name, splitValues(name, value));
    } else {
      const supported = ['fields', ...(spec.paging ? ['offset', 'limit'] : []), ...(spec.sorts ? ['sort'] : []), ...filterNames];
      throw new TmfError(400, `Unsupported query parameter "${name}"; supported: ${supported.join(', ')}`);
    }
  }
  let sort: string | null = null;
  if (spec.sorts) {
    const requested = single('sort', query.sort);
    if (requested !== undefined) {
      if (!spec.sorts.includes(requested)) {
        throw new TmfError(400, `Unsupported sort "${requested}"; supported: ${spec.sorts.join(', ')}`);
      }
      sort = requested;
    }
  }
  return {
    offset: spec.paging ? integer('offset', single('offset', query.offset), 0, 0, Number.MAX_SAFE_INTEGER) : 0,
    limit: spec.paging ? integer('limit', single('limit', query.limit), DEFAULT_LIMIT, 0, MAX_LIMIT) : DEFAULT_LIMIT,
    fields,
    sort,
    filters,
  };
}

/** The one value of a filter that does not accept alternatives. */
export function singleFilter(query: ParsedQuery, name: string): string | undefined {
  const values = query.filters.get(name);
  if (values && values.length > 1) throw new TmfError(400, `Query parameter "${name}" takes a single value`);
  return values?.[0];
}

/** Whether an attribute is part of the response (used to skip loading what was not asked for). */
export function wants(fields: ReadonlySet<string> | null, name: string): boolean {
  return fields === null || fields.has(name);
}

/** Keeps only the requested first-level attributes (plus id, href and @type). */
export function selectFields<T extends object>(resource: T, fields: ReadonlySet<string> | null): Partial<T> {
  if (fields === null) return resource;
  const out: Record<string, unknown> = {};
  // for…in rather than Object.entries, which makes an array per attribute: this runs for every
  // item of every list, and took 5 % of the sandbox's CPU serving bulk bill reads.
  for (const key in resource) if (fields.has(key)) out[key] = resource[key];
  return out as Partial<T>;
}

export function setListHeaders(reply: FastifyReply, total: number, count: number): void {
  reply.header('x-total-count', String(total));
  reply.header('x-result-count', String(count));
}

/** The requested page of a list held in memory (small, fixed lists), with the list headers set. */
export function page<T>(reply: FastifyReply, query: ParsedQuery, items: readonly T[]): T[] {
  const slice = items.slice(query.offset, query.offset + query.limit);
  setListHeaders(reply, items.length, slice.length);
  return slice;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses a date filter value into an ISO instant comparable with stored timestamps. A bare date
 * means the whole day (UTC): `lte`/`gt` take its end, `gte`/`lt` its start, so `billDate.lte=2026-11-01`
 * includes bills dated that day.
 */
export function parseDateFilter(name: string, value: string, bound: 'start' | 'end'): string {
  let ms: number;
  if (DATE_ONLY.test(value)) {
    ms = Date.parse(`${value}T00:00:00.000Z`);
    if (bound === 'end') ms += 86_400_000 - 1;
  } else if (DATE_TIME.test(value)) {
    ms = Date.parse(value);
  } else {
    ms = Number.NaN;
  }
  if (Number.isNaN(ms)) {
    throw new TmfError(400, `Query parameter "${name}" must be a date (YYYY-MM-DD) or an ISO 8601 date-time, got "${value}"`);
  }
  return new Date(ms).toISOString();
}
