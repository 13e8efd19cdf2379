/**
 * `espace api METHOD PATH`: a raw authenticated request through the session's HTTP client, for
 * what no command covers yet. JSON out (indented on a terminal); `--paginate` follows offset/limit
 * and joins the pages into one array; a non-2xx answer prints the TMF error body and exits non-zero.
 */
import { readFile } from 'node:fs/promises';
import { ApiError } from '../../../api/errors.js';
import type { HttpClient, HttpMethod, HttpResponse, QueryValue } from '../../../api/http.js';
import { UsageError } from '../../../errors.js';
import { jsonText } from '../../../output/sanitize.js';
import type { Context } from '../../context.js';
import { type FieldValue, parseFields, parseHeaders } from './fields.js';

export interface ApiOptions {
  method: string;
  path: string;
  fields: string[];
  rawFields: string[];
  headers: string[];
  input?: string;
  paginate: boolean;
  include: boolean;
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

async function bodyFrom(input: string, ctx: Context): Promise<unknown> {
  let text: string;
  try {
    text = input === '-' ? await ctx.io.readStdin() : await readFile(input, 'utf8');
  } catch (error) {
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

/** Every page of a TMF list, by offset/limit, until X-Total-Count items or a short page. */
async function allPages(api: HttpClient, path: string, query: Record<string, QueryValue>, headers: Record<string, string>) {
  const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
  const items: unknown[] = [];
  let first: HttpResponse | undefined;
  for (let offset = Number(query.offset ?? 0); ; ) {
    const response = await api.request({ method: 'GET', path, query: { ...query, offset, limit }, headers });
    first ??= response;
    if (!Array.isArray(response.body)) throw new UsageError('rawApi.notAList', { params: { path } });
    items.push(...(response.body as unknown[]));
    offset += response.body.length;
    const total = Number(response.headers['x-total-count']);
    if (response.body.length === 0 || response.body.length < limit || (Number.isFinite(total) && offset >= total)) break;
  }
  return { response: first, body: items };
}

export async function run(options: ApiOptions, ctx: Context): Promise<void> {
  const method = methodOf(options.method);
  const path = pathOf(options.path);
  const fields = parseFields(options.fields, options.rawFields);
  const headers = parseHeaders(options.headers);
  if (options.paginate && method !== 'GET') throw new UsageError('rawApi.paginateGetOnly');
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
      ? await allPages(api, path, query ?? {}, headers)
      : await api.request({ method, path, query, json, headers }).then((answer) => ({ response: answer, body: answer.body }));
    if (options.include && response) print(ctx, headerBlock(response.status, response.headers));
    if (body !== undefined) print(ctx, format(body, ctx));
  } catch (error) {
    // Like `gh api`: the server's error body on stdout for scripts, the explanation on stderr.
    if (error instanceof ApiError && error.body !== undefined) print(ctx, format(withoutEmpty(error.body), ctx));
    throw error;
  }
}

function print(ctx: Context, text: string): void {
  ctx.io.out(text.endsWith('\n') ? text : `${text}\n`);
}

function format(body: unknown, ctx: Context): string {
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
