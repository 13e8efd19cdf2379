/**
 * Lists whose every item is checked against the filters espace sent. TMF630 makes attribute
 * filters a request, not a promise: a server may ignore any of them and answer with everything.
 * An item a filter excludes is never shown as a match; when a server evidently ignored a filter,
 * espace filters itself over all the pages and says so once (a notice on stderr). An item that
 * lacks the field a filter is on cannot be told apart, and stops the command with an error
 * naming the resource and the field: a guess could show another account's data.
 */
import type { z } from 'zod';
import { UncheckableAnswerError } from '../errors.js';
import type { HttpClient, QueryValue } from '../http.js';
import { listPages } from './common.js';

/** One filter espace sent, and how an item meets it. */
export interface FilterCheck<T> {
  /** The query parameter as sent, e.g. `billingAccount.id`. */
  filter: string;
  /** Its value as sent. */
  value: string;
  /** The item's field the check reads, when it is not the filter's own name. */
  field?: string;
  /** Whether the item matches; undefined when the item does not carry what the filter is on. */
  matches(item: T): boolean | undefined;
}

export interface CheckedListOptions<T> {
  /** Everything sent: the filters, and `fields`, `sort`… */
  query: Record<string, QueryValue>;
  /** The checks of the filters sent (those whose value was undefined are left out: not sent). */
  checks: readonly (FilterCheck<T> | undefined)[];
  /** At most this many matching items, in the server's order (default: all). */
  max?: number;
  pageSize?: number;
}

/** A check of `filter=value`, or undefined (no check) when the filter was not sent. */
export function check<T>(
  filter: string,
  value: string | undefined,
  matches: (item: T, value: string) => boolean | undefined,
  field?: string,
): FilterCheck<T> | undefined {
  return value === undefined ? undefined : { filter, value, field, matches: (item) => matches(item, value) };
}

/** The items of a TMF list that match every filter sent, read over all pages (see the module). */
export async function listMatching<S extends z.ZodType>(
  client: HttpClient,
  path: string,
  schema: S,
  resource: string,
  options: CheckedListOptions<z.infer<S>>,
): Promise<z.infer<S>[]> {
  const checks = options.checks.filter((entry): entry is FilterCheck<z.infer<S>> => entry !== undefined);
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const matching: z.infer<S>[] = [];
  if (max <= 0) return matching;
  const ignored = new Set<string>();
  for await (const page of listPages(client, path, schema, resource, { query: options.query, pageSize: options.pageSize })) {
    for (const item of page) {
      let keep = true;
      let unknown: FilterCheck<z.infer<S>> | undefined;
      for (const entry of checks) {
        const verdict = entry.matches(item);
        if (verdict === undefined) unknown ??= entry;
        else if (!verdict) {
          keep = false;
          if (!ignored.has(entry.filter)) {
            ignored.add(entry.filter);
            client.notice('server.ignoredFilter', { filter: entry.filter, resource });
          }
        }
      }
      // An item another filter already excludes needs no verdict on this one.
      if (keep && unknown) throw new UncheckableAnswerError(resource, idOf(item), unknown.field ?? unknown.filter, unknown.filter, unknown.value);
      if (keep) {
        matching.push(item);
        if (matching.length >= max) return matching;
      }
    }
  }
  return matching;
}

/**
 * The item's id for an error message: a server's string, so of a sane length. Message parameters
 * are made safe for a terminal where every message is rendered (errors.ts, lineParams).
 */
function idOf(item: unknown): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 100) : '?';
}

/** The ids of the billing accounts an item refers to: `billingAccount`, or related entities/parties of that type or role. */
export function billingAccountIdsOf(item: {
  billingAccount?: unknown;
  relatedEntity?: readonly RelatedRef[] | undefined;
  relatedParty?: readonly RelatedRef[] | undefined;
}): string[] | undefined {
  const ids: string[] = [];
  const direct = item.billingAccount;
  if (typeof direct === 'object' && direct !== null && typeof (direct as { id?: unknown }).id === 'string') ids.push((direct as { id: string }).id);
  for (const ref of [...(item.relatedEntity ?? []), ...(item.relatedParty ?? [])]) {
    const type = (ref['@referredType'] ?? ref.role ?? '').toLowerCase();
    if ((type === 'billingaccount' || ref.role?.toLowerCase() === 'billingaccount') && typeof ref.id === 'string') ids.push(ref.id);
  }
  return ids.length > 0 ? ids : undefined;
}

interface RelatedRef {
  id?: string;
  role?: string;
  '@referredType'?: string;
}

/** An instant of a date-time or a date as a number, for comparing dates from any server; NaN when it is neither. */
export function instantOf(value: string | undefined): number {
  return value === undefined ? Number.NaN : Date.parse(value);
}

/** Newest first by `dateOf`; equal (or unreadable) dates keep their order (a stable sort). */
export function newestFirst<T>(items: readonly T[], dateOf: (item: T) => string | undefined): T[] {
  if (items.length < 2) return [...items];
  // Each date read once, not at every comparison (a bulk batch sorts thousands of bills).
  const dated = items.map((item) => {
    const ms = instantOf(dateOf(item));
    return { item, at: Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms };
  });
  dated.sort((a, b) => b.at - a.at);
  return dated.map((entry) => entry.item);
}

/** Whether a date (date-time) lies within [from, to], bare dates (YYYY-MM-DD) being whole UTC days; undefined when unreadable. */
export function withinDays(value: string | undefined, from: string | undefined, to: string | undefined): boolean | undefined {
  const at = instantOf(value);
  if (Number.isNaN(at)) return undefined;
  const start = from === undefined ? Number.NEGATIVE_INFINITY : dayBound(from, 'start');
  const end = to === undefined ? Number.POSITIVE_INFINITY : dayBound(to, 'end');
  return at >= start && at <= end;
}

function dayBound(day: string, bound: 'start' | 'end'): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return Date.parse(day);
  const start = Date.parse(`${day}T00:00:00.000Z`);
  return bound === 'start' ? start : start + 86_400_000 - 1;
}

/**
 * The items that meet a filter, for a check that needs the mapped item (a kind espace derives):
 * what the server sent that does not is dropped, with the same notice as listMatching's.
 */
export function keepMatching<T>(client: HttpClient, items: readonly T[], matches: (item: T) => boolean, filter: string, resource: string): T[] {
  const kept = items.filter(matches);
  if (kept.length < items.length) client.notice('server.ignoredFilter', { filter, resource });
  return kept;
}
