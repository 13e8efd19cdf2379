/**
 * A minimal conformant TMF server, as far as lists go, in front of a test sandbox: what TMF630
 * allows a server to do and the sandbox never does. For every list (a GET whose answer is an
 * array) it
 *
 * - ignores every attribute filter and `sort` (it answers the whole collection the caller may see);
 * - puts the OLDEST items first (by the first date attribute an item has), so "the first one
 *   returned" is never the latest;
 * - caps its pages at `pageCap` items (20) whatever `limit` asked, and answers 206 for a page that
 *   is not the end;
 * - gives `X-Total-Count` right, or none at all (`totalCount: false`);
 * - honours `fields` (the selection of first-level attributes), as a server may.
 *
 * Faults for the error paths: `ignoreOffset` (every page is the first one), `strip` (attributes
 * removed from every list item, so that a filter cannot be checked).
 *
 * Lists the sandbox refuses without an account filter (usage) are read for each of `accounts` and
 * put together, as a server that ignored that filter would answer. Everything else (single
 * resources, writes) passes through unchanged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, forwardUnchanged, listenOnLoopback } from './loopback.js';

export interface PlainTmfOptions {
  /** The accounts a list that the sandbox only serves per account is read over. */
  accounts: readonly string[];
  pageCap?: number;
  /** Send X-Total-Count (default true). */
  totalCount?: boolean;
  /** Answer the first page whatever `offset` asks. */
  ignoreOffset?: boolean;
  /** First-level attributes removed from every list item. */
  strip?: readonly string[];
}

export interface PlainTmfProxy {
  url: string;
  /** The lists served: path and query as the client sent them. */
  readonly lists: string[];
  close(): Promise<void>;
}

/** Lists the sandbox answers only for one account, and the filter it needs. */
const PER_ACCOUNT: readonly [RegExp, string][] = [
  [/\/usage$/, 'billingAccount.id'],
  [/\/paymentMethod$/, 'account.id'],
];
const DATE_ATTRIBUTES = ['billDate', 'paymentDate', 'usageDate', 'creationDate', 'orderDate', 'startDate', 'date'];
const ALWAYS_KEPT = ['id', 'href', '@type'];
const UPSTREAM_PAGE = 1000;

type Item = Record<string, unknown>;

export async function startPlainTmfProxy(target: string, options: PlainTmfOptions): Promise<PlainTmfProxy> {
  const upstream = new URL(target);
  const pageCap = options.pageCap ?? 20;
  const lists: string[] = [];

  /** The whole collection behind a list path, as the caller may see it; undefined when it is not a list. */
  const collection = async (path: string, headers: IncomingMessage['headers']): Promise<Item[] | undefined> => {
    const perAccount = PER_ACCOUNT.find(([pattern]) => pattern.test(path))?.[1];
    if (perAccount === undefined) return readAll(path, {}, headers);
    const items: Item[] = [];
    for (const account of options.accounts) items.push(...((await readAll(path, { [perAccount]: account }, headers)) ?? []));
    return items;
  };

  const readAll = async (path: string, filter: Record<string, string>, headers: IncomingMessage['headers']): Promise<Item[] | undefined> => {
    const items: Item[] = [];
    for (let offset = 0; ;) {
      const url = new URL(path, upstream);
      for (const [name, value] of Object.entries({ ...filter, offset: String(offset), limit: String(UPSTREAM_PAGE) })) url.searchParams.set(name, value);
      const forwarded: Record<string, string> = { authorization: String(headers.authorization ?? ''), accept: 'application/json' };
      if (headers['accept-language'] !== undefined) forwarded['accept-language'] = String(headers['accept-language']);
      const answer = await fetch(url, { headers: forwarded });
      if (answer.status !== 200) return offset === 0 ? undefined : items;
      const body: unknown = await answer.json();
      if (!Array.isArray(body)) return undefined;
      items.push(...(body as Item[]));
      offset += body.length;
      if (body.length === 0 || offset >= Number(answer.headers.get('x-total-count') ?? 0)) return items;
    }
  };

  const serveList = (response: ServerResponse, url: URL, all: Item[]) => {
    const sorted = [...all].sort((a, b) => dateOf(a) - dateOf(b));
    const offset = options.ignoreOffset ? 0 : Number(url.searchParams.get('offset') ?? 0);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? pageCap), pageCap);
    const fields = url.searchParams.get('fields');
    const kept = fields === null ? null : new Set([...ALWAYS_KEPT, ...fields.split(',').map((field) => field.split('.')[0]!)]);
    const page = sorted.slice(offset, offset + limit).map((item) => {
      const out: Item = {};
      for (const [name, value] of Object.entries(item)) {
        if ((kept === null || kept.has(name)) && !options.strip?.includes(name)) out[name] = value;
      }
      return out;
    });
    const body = JSON.stringify(page);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-result-count': String(page.length) };
    if (options.totalCount !== false) headers['x-total-count'] = String(sorted.length);
    response.writeHead(offset + page.length < sorted.length ? 206 : 200, headers);
    response.end(body);
  };

  const passThrough = (request: IncomingMessage, response: ServerResponse) => {
    forwardUnchanged(request, response, {
      host: upstream.hostname,
      port: upstream.port,
      method: request.method,
      path: request.url,
      headers: { ...request.headers, host: upstream.host },
    });
  };

  const server = createServer((request, response) => {
    if (request.method !== 'GET') return passThrough(request, response);
    const url = new URL(request.url ?? '/', upstream);
    collection(url.pathname, request.headers).then(
      (all) => {
        if (all === undefined) return passThrough(request, response);
        lists.push(`${url.pathname}${url.search}`);
        serveList(response, url, all);
      },
      () => {
        response.writeHead(502);
        response.end();
      },
    );
  });
  return {
    url: await listenOnLoopback(server),
    lists,
    close: () => closeServer(server),
  };
}

/** The item's first date attribute as an instant; items without one sort first. */
function dateOf(item: Item): number {
  for (const name of DATE_ATTRIBUTES) {
    const value = item[name];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  }
  return Number.NEGATIVE_INFINITY;
}
