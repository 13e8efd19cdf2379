/**
 * What every TMF adapter shares: the Money schema, lenient parsing with a clear error, and
 * paging through offset/limit lists.
 */
import { z } from 'zod';
import { type Money, centsFromDecimal } from '../../domain/money.js';
import { ResponseShapeError } from '../errors.js';
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
  throw new ResponseShapeError(resource, issues, { method: 'GET', url: response.url ?? url, requestId: response.requestId });
}

export interface ListOptions {
  query?: Record<string, QueryValue>;
  /** Stop after this many items (default: all). */
  max?: number;
  pageSize?: number;
}

/**
 * Reads a TMF list, page by page (`offset`/`limit`), until `X-Total-Count` items or a short page.
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
  const pageSize = Math.min(options.pageSize ?? 100, max);
  const items: z.infer<T>[] = [];
  const list = z.array(item);
  for (let offset = 0; items.length < max; ) {
    const response = await client.get(path, { ...options.query, offset, limit: pageSize });
    const page = parseResource(list, response, resource, path);
    items.push(...page.slice(0, max - items.length));
    offset += page.length;
    const total = Number(response.headers['x-total-count']);
    if (page.length === 0 || page.length < pageSize || (Number.isFinite(total) && offset >= total)) break;
  }
  return items;
}
