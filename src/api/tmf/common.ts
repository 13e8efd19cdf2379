/**
 * What every TMF adapter shares: the Money schema, lenient parsing with a clear error, and
 * paging through offset/limit lists.
 */
import * as z from 'zod';
import { type Money, AmountError, centsFromDecimal, isCurrencyCode } from '../../domain/money.js';
import { type AnswerPlace, RepeatedPageError, ResponseShapeError, ResponseValueError, type ValueProblem } from '../errors.js';
import type { HttpClient, HttpResponse, QueryValue } from '../http.js';
import { quickCheckOf, withQuickCheck } from './fast-check.js';

/**
 * A refusal of a value the specification allows but espace cannot show truthfully, carried in a
 * zod issue so that it comes out with the path of the field (parseResource turns it into a
 * ResponseValueError naming resource, id, field and value).
 */
interface ValueIssueParams {
  espaceValueProblem: ValueProblem;
  value: string;
  /** The currency the value should have been in (problem `otherCurrency`). */
  currency?: string;
}

/** A refused value as a message shows it: strings quoted, and cut short (a server may send anything). */
function shownValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Adds an issue refusing `value` at `path` (relative to the value being refined). */
export function refuse(ctx: z.RefinementCtx, path: (string | number)[], problem: ValueProblem, value: unknown, currency?: string): void {
  const params: ValueIssueParams = {
    espaceValueProblem: problem,
    value: shownValue(value),
    ...(currency !== undefined ? { currency } : {}),
  };
  ctx.addIssue({ code: 'custom', path, message: problem, params });
}

/**
 * TMF Money: `{unit, value}`; value a decimal number (some servers send a string, with or without
 * an exponent). Checked whole here, before anything is printed: the value must convert to cents
 * (centsFromDecimal: exact, more than two decimals rounded half to even, within MAX_AMOUNT_CENTS)
 * and the unit, when given, must be an ISO 4217 code.
 */
export const TmfMoney = withQuickCheck(
  z
    .looseObject({
      unit: z.string().optional(),
      value: z.union([z.number(), z.string()]),
    })
    .superRefine((money, ctx) => {
      try {
        centsFromDecimal(money.value);
      } catch (error) {
        if (!(error instanceof AmountError)) throw error;
        refuse(ctx, ['value'], error.problem, money.value);
      }
      if (money.unit !== undefined && !isCurrencyCode(money.unit)) refuse(ctx, ['unit'], 'currency', money.unit);
    }),
  (value) => {
    const money = value as { unit?: string; value: number | string };
    try {
      centsFromDecimal(money.value);
    } catch {
      return false;
    }
    // Nearly every unit is CAD: no regular expression for it.
    return money.unit === undefined || money.unit === 'CAD' || isCurrencyCode(money.unit);
  },
);
export type TmfMoney = z.infer<typeof TmfMoney>;

/**
 * A tax rate: a fraction (0.05) as the sandbox writes it, or a percentage (9.975) as many servers
 * do. Anything above 1 is taken as a percentage; a rate below 0 or above 100 % is refused.
 */
export const TmfRate = withQuickCheck(
  z.number().superRefine((rate, ctx) => {
    if (rate < 0 || rate > 100) refuse(ctx, [], 'rate', rate);
  }),
  (rate) => (rate as number) >= 0 && (rate as number) <= 100,
);

/** A rate as the fraction espace works with: 9.975 (a percentage) → 0.09975. */
export function rateFraction(rate: number): number {
  // Through the decimal text, so that 9.975 / 100 is 0.09975 and not 0.09974999999999999.
  return rate > 1 ? Number(`${String(rate)}e-2`) : rate;
}

export const TmfRef = z.looseObject({ id: z.string(), name: z.string().optional(), href: z.string().optional() });

export const TimePeriod = z.looseObject({
  startDateTime: z.string().optional(),
  endDateTime: z.string().optional(),
});

/**
 * Cents and currency of a checked TmfMoney. A Money without a unit takes `fallbackCurrency`: the
 * currency of the resource it is part of (a bill's line takes the bill's), else Canadian dollars.
 */
export function toMoney(value: TmfMoney, fallbackCurrency = 'CAD'): Money {
  return { amount: centsFromDecimal(value.value), currency: value.unit ?? fallbackCurrency };
}

/**
 * Validates what the CLI relies on and keeps unknown fields; a mismatch names the resource, its id
 * (of the item at fault, in a list), the field and, for a refused value, the value.
 */
export function parseResource<T extends z.ZodType>(schema: T, response: HttpResponse, resource: string, url: string, method = 'GET'): z.infer<T> {
  // What zod would give back unchanged needs no copy by zod (fast-check.ts); anything else, zod checks.
  if (quickCheckOf(schema)?.(response.body)) return response.body as z.infer<T>;
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  const request = { method, url: response.url ?? url, requestId: response.requestId };
  const issues = result.error.issues;
  for (const issue of issues) {
    const params = issue.code === 'custom' ? (issue.params as Partial<ValueIssueParams> | undefined) : undefined;
    if (params?.espaceValueProblem !== undefined && params.value !== undefined) {
      throw new ResponseValueError(placeOf(response.body, resource, issue.path), params.value, params.espaceValueProblem, request, params.currency);
    }
  }
  const first = issues[0];
  const place = first ? placeOf(response.body, resource, first.path) : undefined;
  const text = issues
    .slice(0, 5)
    .map((issue) => `${fieldOf(response.body, issue.path) || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new ResponseShapeError(resource, text, request, place);
}

/** The item of a list answer a path starts in, if the answer is a list. */
function itemOf(body: unknown, path: readonly PropertyKey[]): unknown {
  return Array.isArray(body) && typeof path[0] === 'number' ? body[path[0]] : body;
}

/** The dotted field path inside the resource (a list's index dropped: the id says which item). */
function fieldOf(body: unknown, path: readonly PropertyKey[]): string {
  const inside = Array.isArray(body) && typeof path[0] === 'number' ? path.slice(1) : path;
  return inside
    .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
    .join('.')
    .replace(/\.\[/g, '[');
}

function placeOf(body: unknown, resource: string, path: readonly PropertyKey[]): AnswerPlace {
  const item = itemOf(body, path);
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return { resource, ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}), field: fieldOf(body, path) };
}

export interface ListOptions {
  query?: Record<string, QueryValue>;
  /** Stop after this many items (default: all). */
  max?: number;
  pageSize?: number;
  /** How much to read at most before stopping with a warning (default LIST_CEILING). */
  ceiling?: { items: number; requests: number };
}

/**
 * How much one list read gathers at most before it stops with a warning: a server that keeps
 * answering (a count that never comes, pages of one) must not hold a command for ever.
 */
export const LIST_CEILING = { items: 20_000, requests: 1_000 } as const;

/** `X-Total-Count` as a number of items, or undefined when the server gave none (or nonsense). */
function totalCount(headers: Record<string, string | undefined>): number | undefined {
  const raw = headers['x-total-count']?.trim();
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** What tells two items of a list apart: the TMF `id`, or the whole item when it has none. */
function identityOf(item: unknown): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `id:${id}` : `json:${JSON.stringify(item)}`;
}

/**
 * Reads a TMF list page by page (TMF630 `offset`/`limit`), yielding each page's new items. The
 * server's page size is whatever it chose (it may cap `limit`): a page shorter than asked is not
 * the end while `X-Total-Count` says more; without a count, an empty page is. 200 and 206 alike.
 * An item already read (the list shifted under the offsets) is not given twice; a page of nothing
 * new means the server ignores `offset`, and stops the read with an error rather than a loop.
 * Past LIST_CEILING the read stops and says so on stderr.
 */
export async function* listPages<T extends z.ZodType>(
  client: HttpClient,
  path: string,
  item: T,
  resource: string,
  options: ListOptions = {},
): AsyncGenerator<z.infer<T>[]> {
  const pageSize = Math.max(1, Math.min(options.pageSize ?? 100, options.max ?? Number.POSITIVE_INFINITY));
  const list = listSchemaOf(item);
  const ceiling = options.ceiling ?? LIST_CEILING;
  const seen = new Set<string>();
  let requests = 0;
  for (let offset = 0; ;) {
    if (seen.size >= ceiling.items || requests >= ceiling.requests) {
      client.notice('server.listCeiling', { resource, items: seen.size, requests });
      return;
    }
    const response = await client.get(path, { ...options.query, offset, limit: pageSize });
    requests++;
    const page = parseResource(list, response, resource, path);
    if (page.length === 0) return;
    const fresh = page.filter((entry) => {
      const identity = identityOf(entry);
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    });
    if (fresh.length === 0) throw new RepeatedPageError(resource, offset, { method: 'GET', url: path, requestId: response.requestId });
    yield fresh;
    offset += page.length;
    const total = totalCount(response.headers);
    if (total !== undefined && offset >= total) return;
  }
}

/**
 * The schema of a list of `item`, made once per item schema: a bulk run reads thousands of pages
 * with the same few schemas, and making a zod schema is not free.
 */
const listSchemas = new WeakMap<z.ZodType, z.ZodArray<z.ZodType>>();
function listSchemaOf<T extends z.ZodType>(item: T): z.ZodArray<T> {
  let list = listSchemas.get(item);
  if (list === undefined) {
    list = z.array(item);
    listSchemas.set(item, list);
  }
  return list as z.ZodArray<T>;
}

/**
 * Reads a whole TMF list (or its first `max` items, in the server's order): see listPages.
 * Accepts 200 and 206, as real servers answer either.
 */
export async function listAll<T extends z.ZodType>(
  client: HttpClient,
  path: string,
  item: T,
  resource: string,
  options: ListOptions = {},
): Promise<z.infer<T>[]> {
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const items: z.infer<T>[] = [];
  if (max <= 0) return items;
  for await (const page of listPages(client, path, item, resource, options)) {
    items.push(...page.slice(0, max - items.length));
    if (items.length >= max) break;
  }
  return items;
}
