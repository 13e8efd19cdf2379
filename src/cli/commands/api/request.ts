/**
 * `espace api METHOD PATH`: a raw authenticated request through the session's HTTP client, for
 * what no command covers yet. JSON out (indented on a terminal); `--paginate` follows offset/limit
 * and joins the pages into one array; a non-2xx answer prints the TMF error body and exits non-zero.
 *
 * Paging is bounded, because the server decides when it ends: at most `--max-pages` requests and
 * `--max-items` items, and a page identical to the one before (a server ignoring `offset`) stops
 * it with an error. A stop at a bound says so on stderr; what was read is printed.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { ApiError, RepeatedPageError } from '../../../api/errors.js';
import type { HttpClient, HttpMethod, HttpResponse, QueryValue } from '../../../api/http.js';
import { UsageError } from '../../../errors.js';
import { InputTooLargeError, readAllBounded } from '../../bounded-read.js';
import { jsonText } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { type FieldValue, parseFields, parseHeaders } from './fields.js';

export interface ApiOptions {
  method: string;
  path: string;
  fields: string[];
  rawFields: string[];
  headers: string[];
  input?: string;
  paginate: boolean;
  /** Bounds of --paginate, as typed (validated before anything is sent). */
  maxPages?: string;
  maxItems?: string;
  include: boolean;
}

export const DEFAULT_MAX_PAGES = 1000;
export const DEFAULT_MAX_ITEMS = 100_000;

interface PageBounds {
  maxPages: number;
  maxItems: number;
  /** The pages together, as JSON text: held to the bound of one answer (ESPACE_MAX_RESPONSE_MB). */
  maxBytes: number;
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
const DEFAULT_PAGE_SIZE = 100;

function methodOf(value: string): HttpMethod {
  const method = value.toUpperCase() as HttpMethod;
  if (!METHODS.includes(method)) throw new UsageError('rawApi.badMethod', { params: { method: value, methods: METHODS.join(', ') } });
  return method;
}

/** Only paths below the API: a full URL could send the token to another host. */
function pathOf(value: string): string {
  if (!value.startsWith('/') || value.startsWith('//')) throw new UsageError('rawApi.badPath', { params: { path: value } });
  return value;
}

/** The largest --input body: a request body, not a data dump. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

async function bodyFrom(input: string, ctx: CommandDeps): Promise<unknown> {
  let text: string;
  try {
    text = (await readAllBounded(input === '-' ? ctx.io.stdin : createReadStream(input), MAX_INPUT_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof InputTooLargeError) {
      throw new UsageError('rawApi.inputTooLarge', { params: { file: input === '-' ? 'stdin' : input, mb: MAX_INPUT_BYTES / 1024 / 1024 } });
    }
    throw new UsageError('rawApi.inputUnreadable', { params: { file: input, reason: (error as Error).message } });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError('rawApi.inputNotJson', { params: { file: input === '-' ? 'stdin' : input } });
  }
}

function asQuery(fields: Record<string, FieldValue>): Record<string, QueryValue> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === null ? 'null' : value]));
}

function positiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < 1) {
    throw new UsageError('rawApi.badBound', { params: { flag, value } });
  }
  return number;
}

/**
 * Every page of a TMF list, by offset/limit (TMF630): until X-Total-Count items, whatever page
 * size the server chose, or without a count until an empty page; within the bounds. A stop at a
 * bound, or at a repeated page (a server ignoring `offset`), is reported on stderr.
 */
async function allPages(
  api: HttpClient,
  path: string,
  query: Record<string, QueryValue>,
  headers: Record<string, string>,
  bounds: PageBounds,
  ctx: CommandDeps,
) {
  const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
  const items: unknown[] = [];
  let first: HttpResponse | undefined;
  let previous: string | undefined;
  let pages = 0;
  let bytes = 0;
  const warn = (key: 'rawApi.stoppedAtPages' | 'rawApi.stoppedAtItems' | 'rawApi.stoppedAtBytes', offset: number) =>
    ctx.io.err(
      `${ctx.t('core.warningPrefix')} ${ctx.t(key, { pages, items: items.length, offset, maxPages: bounds.maxPages, maxItems: bounds.maxItems, mb: Number((bounds.maxBytes / 1048576).toFixed(2)) })}\n`,
    );
  for (let offset = Number(query.offset ?? 0); ;) {
    if (pages === bounds.maxPages) {
      warn('rawApi.stoppedAtPages', offset);
      break;
    }
    const response = await api.request({ method: 'GET', path, query: { ...query, offset, limit }, headers });
    pages++;
    first ??= response;
    if (!Array.isArray(response.body)) throw new UsageError('rawApi.notAList', { params: { path } });
    const page = response.body as unknown[];
    // The same items again: the server ignores offset, and would repeat them forever.
    const text = JSON.stringify(page);
    const digest = page.length > 0 ? createHash('sha256').update(text).digest('hex') : undefined;
    if (digest !== undefined && digest === previous) {
      throw new RepeatedPageError(path, offset, { method: 'GET', url: path, requestId: response.requestId });
    }
    previous = digest;
    // Many pages each under the answer bound would otherwise still add up without end.
    bytes += Buffer.byteLength(text);
    if (bytes > bounds.maxBytes) {
      warn('rawApi.stoppedAtBytes', offset);
      break;
    }
    const kept = page.slice(0, bounds.maxItems - items.length);
    items.push(...kept);
    // A page shorter than `limit` is not the end while the count says more (servers cap pages).
    const count = response.headers['x-total-count']?.trim();
    const total = count !== undefined && /^\d+$/.test(count) ? Number(count) : undefined;
    const last = page.length === 0 || (total !== undefined && offset + page.length >= total);
    if (kept.length < page.length || (!last && items.length === bounds.maxItems)) {
      warn('rawApi.stoppedAtItems', offset + kept.length);
      break;
    }
    if (last) break;
    offset += page.length;
  }
  return { response: first, body: items };
}

export async function run(options: ApiOptions, ctx: CommandDeps): Promise<void> {
  const method = methodOf(options.method);
  const path = pathOf(options.path);
  const fields = parseFields(options.fields, options.rawFields);
  const headers = parseHeaders(options.headers);
  if (options.paginate && method !== 'GET') throw new UsageError('rawApi.paginateGetOnly');
  const bounds: PageBounds = {
    maxPages: positiveInteger(options.maxPages, '--max-pages', DEFAULT_MAX_PAGES),
    maxItems: positiveInteger(options.maxItems, '--max-items', DEFAULT_MAX_ITEMS),
    maxBytes: ctx.requestLimits().maxResponseBytes,
  };
  if (options.input !== undefined && method === 'GET') throw new UsageError('rawApi.inputNotForGet');
  const query = method === 'GET' ? asQuery(fields) : undefined;
  let json: unknown = method !== 'GET' && Object.keys(fields).length > 0 ? { ...fields } : undefined;
  if (options.input !== undefined) {
    if (json !== undefined) throw new UsageError('rawApi.inputAndFields');
    json = await bodyFrom(options.input, ctx);
  }

  const api = await ctx.api();
  try {
    const { response, body } = options.paginate
      ? await allPages(api, path, query ?? {}, headers, bounds, ctx)
      : await api.request({ method, path, query, json, headers }).then((answer) => ({ response: answer, body: answer.body }));
    if (options.include && response) print(ctx, headerBlock(response.status, response.headers));
    if (body !== undefined) print(ctx, format(body, ctx));
  } catch (error) {
    // Like `gh api`: the server's error body on stdout for scripts, the explanation on stderr.
    if (error instanceof ApiError && error.body !== undefined) print(ctx, format(withoutEmpty(error.body), ctx));
    throw error;
  }
}

function print(ctx: CommandDeps, text: string): void {
  ctx.io.out(text.endsWith('\n') ? text : `${text}\n`);
}

function format(body: unknown, ctx: CommandDeps): string {
  if (typeof body === 'string') return body;
  return jsonText(body, ctx.io.stdoutIsTTY ? 2 : undefined);
}

function withoutEmpty(body: object): object {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

function headerBlock(status: number, headers: Record<string, string | undefined>): string {
  const lines = Object.entries(headers)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${value}`);
  return `HTTP ${status}\n${lines.join('\n')}\n`;
}
