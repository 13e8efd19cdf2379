/**
 * The HTTP client: one undici pool per API origin, with timeouts, retries with exponential
 * backoff and full jitter for requests that are safe to repeat, Retry-After honoured, a request
 * id on every request, one token refresh on a 401, and typed errors.
 *
 * Bounds, so that no server can make espace wait or grow without end: each request has a deadline
 * (`timeoutMs`) that covers connecting, the headers and the whole body, and that is shared by all
 * its attempts — the time spent on the network over every attempt may not exceed it. Deliberate
 * pauses (backoff, a Retry-After of at most `maxRetryAfterMs`, a bulk run's pacing) are not
 * counted: they are bounded by themselves, so the total is at most the deadline plus
 * `retries` × `maxRetryAfterMs`. An answer body larger than `maxResponseBytes` is not read.
 */
import type { Readable } from 'node:stream';
import { ApiError, NetworkError, type RequestInfo, ResponseShapeError, TimeoutError, type TmfErrorBody } from './errors.js';
import { DeadlineError, formatRetryTime, ResponseTooLargeError, RetryLaterError } from './request-limits.js';
import { type ApiMap, mapApiPath } from './api-map.js';
import { parseApiUrl } from './url.js';
import { newRequestId } from './request-id.js';
import { stopWrites } from './dry-run.js';
import { CONNECT_TIMEOUT_CODE, type Transport, type TransportResponse } from './node-transport.js';
import type { MessageKey, MessageParams } from '../i18n/catalog.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | undefined;

export interface HttpRequest {
  method: HttpMethod;
  /** Path below the API base URL, e.g. `/tmf-api/customerBillManagement/v4/customerBill`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded (OAuth endpoints). */
  form?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  /** Makes a POST safe to retry: the server answers a repeat with the first result. */
  idempotencyKey?: string;
  /** Send the bearer token (default true). */
  authenticated?: boolean;
  /** Keep a successful answer's body as raw bytes (a Buffer): documents such as PDFs. */
  binary?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
  requestId: string;
  /** The URL asked, as resolved (API map included): what errors about the answer name. */
  url?: string;
}

/** Where the bearer token comes from; the session layer implements it. */
export interface TokenProvider {
  token(): Promise<string>;
  /** Called once after a 401: a new token, or undefined when none can be had. */
  refreshAfterRejection(rejected: string): Promise<string | undefined>;
}

export interface HttpClientOptions {
  baseUrl: string;
  userAgent: string;
  tokens?: TokenProvider;
  /** The deadline of one request: connection, headers and whole body, over all its attempts. */
  timeoutMs?: number;
  /** The largest answer body read; a larger one is an error naming the URL. */
  maxResponseBytes?: number;
  /**
   * The user's locale: the time in a "try again at" hint, and the `Accept-Language` of every
   * request, so that a bilingual server answers its errors and names in the user's language
   * (without it, no `Accept-Language` is sent and the hint is in en-CA).
   */
  locale?: string;
  /** The clock (epoch ms), for HTTP-date Retry-After values and the "try again at" hint. */
  now?: () => number;
  connectTimeoutMs?: number;
  /** Attempts after the first, for requests that are safe to repeat. */
  retries?: number;
  /** A Retry-After longer than this is not waited for: the error says when to try again. */
  maxRetryAfterMs?: number;
  connections?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Shared by the clients of a bulk run: paces every attempt and learns from every answer. */
  gate?: RequestGate;
  /** Where warnings about the server's answers go (the CLI writes them on stderr, once each). */
  notices?: NoticeSink;
  /** Where this server mounts the APIs whose base path is not the specification's (api-map.ts). */
  apiMap?: ApiMap;
  /** `--dry-run`: every request that would change something throws DryRunStop instead (dry-run.ts). */
  dryRun?: boolean;
  /**
   * `undici` (the default: bulk runs, payments) or `node`: Node's own http module, for a command
   * that makes a few requests and exits, where loading undici costs more than the requests
   * (node-transport.ts).
   */
  transport?: 'undici' | 'node';
}

/** A warning about what a server answered that does not stop the command (see HttpClient.notice). */
export interface Notice {
  key: MessageKey;
  params: MessageParams;
}

export type NoticeSink = (notice: Notice) => void;

/** What a bulk run shares between its workers: a rate limit and the server's "not before". */
export interface RequestGate {
  /** Resolves when the next attempt may leave. */
  beforeAttempt(): Promise<void>;
  /** Every answer, so that a 429's Retry-After holds back all workers, not just this one. */
  afterResponse(status: number, headers: Record<string, string | undefined>): void;
}

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);
const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', CONNECT_TIMEOUT_CODE]);
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 4000;

type PoolClass = typeof import('undici').Pool;
let poolLoad: Promise<PoolClass> | undefined;

/**
 * Loads undici's pool once (undici-pool.ts). On Node 20 and 22, V8 otherwise spends ≈ 100–200 ms
 * optimising its WASM parser at exit; Node 24+ does not gain from Liftoff alone (bench/README.md).
 */
function loadPool(): Promise<PoolClass> {
  poolLoad ??= (async () => {
    if (Number(process.versions.node.split('.')[0]) <= 22) {
      const v8 = await import('node:v8');
      // The launcher's code caches are only usable under the flags they were made with (bin/v8-code-cache.js).
      (process as NodeJS.EventEmitter).emit('espace:before-v8-flags');
      v8.setFlagsFromString('--liftoff-only');
    }
    return (await import('./undici-pool.js')).Pool;
  })();
  return poolLoad;
}

export class HttpClient {
  readonly baseUrl: URL;
  private readonly options: Required<Omit<HttpClientOptions, 'tokens' | 'gate' | 'notices' | 'apiMap' | 'dryRun'>> &
    Pick<HttpClientOptions, 'tokens' | 'gate' | 'notices' | 'apiMap' | 'dryRun'>;
  private pool: Transport | undefined;
  /** Sent only when the caller names the user's locale: a client without one asks for no language. */
  private readonly acceptLanguage: string | undefined;

  constructor(options: HttpClientOptions) {
    this.baseUrl = parseApiUrl(options.baseUrl);
    this.acceptLanguage = options.locale === undefined ? undefined : acceptLanguage(options.locale);
    this.options = {
      timeoutMs: 30_000,
      maxResponseBytes: 64 * 1024 * 1024,
      locale: 'en-CA',
      now: Date.now,
      connectTimeoutMs: 10_000,
      retries: 2,
      maxRetryAfterMs: 60_000,
      connections: 8,
      random: Math.random,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      transport: 'undici',
      ...options,
    };
  }

  /** Loads the HTTP stack now rather than at the first request (a bulk run wants its code loaded first). */
  async prepare(): Promise<void> {
    await this.dispatcher();
  }

  /** Sends a request, retrying what is safe to retry; throws ApiError for any non-2xx answer. */
  async request(request: HttpRequest): Promise<HttpResponse> {
    if (this.options.dryRun) stopWrites(request);
    const requestId = newRequestId();
    const info: RequestInfo = { method: request.method, url: this.urlFor(request).toString(), requestId };
    const repeatable = IDEMPOTENT.has(request.method) || request.idempotencyKey !== undefined;
    const maxAttempts = repeatable ? this.options.retries + 1 : 1;
    let token = request.authenticated === false ? undefined : await this.options.tokens?.token();
    let refreshed = false;
    // Network time left to this request over all its attempts (see the module's comment).
    let budgetMs = this.options.timeoutMs;

    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse;
      try {
        await this.options.gate?.beforeAttempt();
        if (budgetMs <= 0) throw new DeadlineError(info, this.options.timeoutMs);
        const started = monotonicMs();
        try {
          response = await this.send(request, info, token, budgetMs);
        } finally {
          budgetMs -= monotonicMs() - started;
        }
        this.options.gate?.afterResponse(response.status, response.headers);
      } catch (error) {
        if (error instanceof DeadlineReached) throw new DeadlineError(info, this.options.timeoutMs, error);
        if (errorCode(error) === undefined) throw error; // a bug, not the network, or one of our bounds
        const failure = this.transportError(error, info);
        if (attempt < maxAttempts && isTransient(error) && budgetMs > 0) {
          await this.options.sleep(this.backoff(attempt));
          continue;
        }
        throw failure;
      }

      if (response.status === 401 && token !== undefined && !refreshed && this.options.tokens) {
        refreshed = true;
        const next = await this.options.tokens.refreshAfterRejection(token);
        if (next !== undefined) {
          token = next;
          attempt--; // a refresh is not a retry
          continue;
        }
      }
      if (response.status >= 200 && response.status < 300) return response;

      const asked = RETRY_STATUSES.has(response.status) ? retryAfterMs(response.headers['retry-after'], this.options.now()) : undefined;
      if (attempt < maxAttempts && RETRY_STATUSES.has(response.status)) {
        const wait = asked ?? this.backoff(attempt);
        if (wait <= this.options.maxRetryAfterMs) {
          await this.options.sleep(wait);
          continue;
        }
      }
      if (asked !== undefined && asked > this.options.maxRetryAfterMs) {
        // Too long to wait here: say when the server will take the request again.
        const now = this.options.now();
        const at = formatRetryTime(new Date(now + asked), new Date(now), this.options.locale);
        throw new RetryLaterError(response.status, asErrorBody(response.body), info, response.headers['x-request-id'], {
          at,
          seconds: Math.ceil(asked / 1000),
        });
      }
      throw new ApiError(response.status, asErrorBody(response.body), info, response.headers['x-request-id']);
    }
  }

  /**
   * Tells the user something about the server's answers that does not stop the command (a filter
   * it ignored, a list read only in part). Said through the `notices` sink, if there is one.
   */
  notice(key: MessageKey, params: MessageParams): void {
    this.options.notices?.({ key, params });
  }

  /** GET that returns the parsed JSON body. */
  async get(path: string, query?: Record<string, QueryValue>): Promise<HttpResponse> {
    return this.request({ method: 'GET', path, query });
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }

  /**
   * Closes every connection at once, failing the requests in flight (a NetworkError): for a
   * command interrupted while it waits on an answer it will no longer use.
   */
  async destroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private urlFor(request: HttpRequest): URL {
    const base = this.baseUrl.pathname.replace(/\/+$/, '');
    const url = new URL(base + mapApiPath(request.path, this.options.apiMap), this.baseUrl);
    if (request.query === undefined) return url;
    // Set on a detached copy and written back once: url.searchParams.set re-serialises the whole
    // query at every call, which a batch's long id lists make costly.
    const params = new URLSearchParams(url.search);
    let changed = false;
    for (const [name, value] of Object.entries(request.query)) {
      if (value === undefined) continue;
      params.set(name, String(value));
      changed = true;
    }
    if (changed) url.search = params.toString();
    return url;
  }

  private async dispatcher(): Promise<Transport> {
    if (!this.pool && this.options.transport === 'node') {
      const { NodePool } = await import('./node-transport.js');
      this.pool = new NodePool(this.baseUrl.origin, { connections: this.options.connections, connectTimeout: this.options.connectTimeoutMs });
    }
    if (!this.pool) {
      const Pool = await loadPool();
      this.pool = new Pool(this.baseUrl.origin, {
        connections: this.options.connections,
        connectTimeout: this.options.connectTimeoutMs,
        // The request's own deadline (send) ends it first; these only back it up.
        headersTimeout: this.options.timeoutMs + 1000,
        bodyTimeout: this.options.timeoutMs + 1000,
      });
    }
    return this.pool;
  }

  /** One attempt, ended by `budgetMs` wherever it is: connecting, waiting for headers, or reading the body. */
  private async send(request: HttpRequest, info: RequestInfo, token: string | undefined, budgetMs: number): Promise<HttpResponse> {
    const url = new URL(info.url);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent,
      'x-request-id': info.requestId,
      ...(this.acceptLanguage !== undefined ? { 'accept-language': this.acceptLanguage } : {}),
      ...request.headers,
    };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    let body: string | undefined;
    if (request.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(request.form)) if (value !== undefined) form.set(name, value);
      body = form.toString();
    } else if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    }

    const pool = await this.dispatcher();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DeadlineReached()), Math.max(1, Math.ceil(budgetMs)));
    let answer: TransportResponse;
    let bytes: Buffer;
    try {
      answer = await pool.request({
        method: request.method,
        path: url.pathname + url.search,
        headers,
        body,
        signal: deadline.signal,
      });
      bytes = await readBounded(answer.body, answer.headers['content-length'], this.options.maxResponseBytes, deadline.signal, info);
    } catch (error) {
      throw deadline.signal.aborted ? deadline.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }
    const responseHeaders = flattenHeaders(answer.headers);
    if (request.binary && answer.statusCode >= 200 && answer.statusCode < 300) {
      return { status: answer.statusCode, headers: responseHeaders, body: bytes, requestId: responseHeaders['x-request-id'] ?? info.requestId, url: info.url };
    }
    const text = bytes.toString('utf8');
    return {
      status: answer.statusCode,
      headers: responseHeaders,
      body: parseBody(text, responseHeaders['content-type'], info),
      requestId: responseHeaders['x-request-id'] ?? info.requestId,
      url: info.url,
    };
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
    return Math.round(this.options.random() * ceiling);
  }

  private transportError(error: unknown, info: RequestInfo): Error {
    const code = errorCode(error);
    if (code !== undefined && TIMEOUT_CODES.has(code)) return new TimeoutError(info, Math.round(this.options.timeoutMs / 1000), error);
    return new NetworkError(info, code ?? (error instanceof Error ? error.message : String(error)), error);
  }
}

/** The attempt's deadline passed (internal: request() turns it into a DeadlineError). */
class DeadlineReached extends Error {
  constructor() {
    super('the request deadline passed');
    this.name = 'DeadlineReached';
  }
}

/**
 * The whole body, refusing one longer than `maxBytes` as soon as that is known (from
 * Content-Length, or while reading) and stopping at once when the deadline aborts.
 */
async function readBounded(
  body: Readable,
  contentLength: string | string[] | undefined,
  maxBytes: number,
  signal: AbortSignal,
  info: RequestInfo,
): Promise<Buffer> {
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(declared) && declared > maxBytes) {
    body.destroy();
    throw new ResponseTooLargeError(info, maxBytes);
  }
  // undici ends the body on abort as well; this makes sure a stalled read wakes up.
  const stop = () => body.destroy(signal.reason as Error);
  signal.addEventListener('abort', stop, { once: true });
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        body.destroy();
        throw new ResponseTooLargeError(info, maxBytes);
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks, size);
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return errorCode((error as { cause?: unknown }).cause);
}

/** Connection-level failures worth another attempt (a refused connection may be a restart). */
function isTransient(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code !== undefined && (TIMEOUT_CODES.has(code) || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code))
  );
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The `Accept-Language` for a locale: the locale, its language, then the other language espace
 * speaks, so that a server with only English or only French still answers in one of the two.
 */
export function acceptLanguage(locale: string): string {
  const language = locale.split('-')[0]!.toLowerCase();
  const other = language === 'fr' ? 'en' : 'fr';
  return `${locale}, ${language};q=0.9, ${other};q=0.5`;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

function parseBody(text: string, contentType: string | undefined, info: RequestInfo): unknown {
  if (text === '') return undefined;
  if (contentType !== undefined && !/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new ResponseShapeError('JSON', 'the body is not valid JSON', info);
  }
}

function asErrorBody(body: unknown): TmfErrorBody | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  // OAuth endpoints answer RFC 6749 errors; fold them into the same shape.
  return {
    code: text(record.code) ?? text(record.error),
    reason: text(record.reason) ?? text(record.error),
    message: text(record.message) ?? text(record.error_description),
    status: text(record.status),
    referenceError: text(record.referenceError),
  };
}

/**
 * A clock that never goes back, in milliseconds: process.hrtime, as `performance.now()` would be
 * but without loading node:perf_hooks (≈ 1 ms of every command's start, on the first call).
 */
function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
