/**
 * What every TMF adapter shares: the Money schema, lenient parsing with a clear error, and
 * paging through offset/limit lists.
 */
import { z } from 'zod';
import { type Money, centsFromDecimal } from '../../domain/money.js';
import { RepeatedPageError, ResponseShapeError } from '../errors.js';
import type { HttpClient, HttpResponse, QueryValue } from '../http.js';

/** TMF Money: `{unit, value}`; value a decimal number (some servers send a string). */
export const TmfMoney = z.looseObject({
  unit: z.string().min(1).optional(),
  value: z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]),
});
export type TmfMoney = z.infer<typeof TmfMoney>;

export const TmfRef = z.looseObject({ id: z.string(), name: z.string().optional(), href: z.string().optional() });

export const TimePeriod = z.looseObject({
  startDateTime: z.string().optional(),
  endDateTime: z.string().optional(),
});

export function toMoney(value: TmfMoney, fallbackCurrency = 'CAD'): Money {
  return { amount: centsFromDecimal(value.value), currency: value.unit ?? fallbackCurrency };
}

/** Validates what the CLI relies on and keeps unknown fields; a mismatch names the fields. */
export function parseResource<T extends z.ZodType>(schema: T, response: HttpResponse, resource: string, url: string): z.infer<T> {
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new ResponseShapeError(resource, issues, { method: 'GET', url, requestId: response.requestId });
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
  const list = z.array(item);
  const ceiling = options.ceiling ?? LIST_CEILING;
  const seen = new Set<string>();
  let requests = 0;
  for (let offset = 0; ; ) {
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
