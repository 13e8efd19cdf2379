/**
 * The HTTP client against a real local server that misbehaves on purpose: the sandbox cannot
 * answer 503, 429 or drop a connection on demand, so these faults are scripted here.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../src/api/errors.js';
import { DeadlineError } from '../../src/api/request-limits.js';
import { HttpClient, type HttpClientOptions, retryAfterMs } from '../../src/api/http.js';
import { parseApiUrl } from '../../src/api/url.js';
import { UsageError } from '../../src/errors.js';

type Handler = (request: IncomingMessage, response: ServerResponse, attempt: number) => void;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function faultServer(handler: Handler) {
  const seen: Array<{ headers: IncomingMessage['headers']; url: string; body: string }> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({ headers: request.headers, url: request.url ?? '', body });
      handler(request, response, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** The transport of the describe block running (both must behave the same). */
let transport: HttpClientOptions['transport'];

function client(url: string, extra: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = [];
  const made = new HttpClient({
    baseUrl: url,
    userAgent: 'espace-test',
    transport,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...extra,
  });
  closers.push(() => made.close());
  return { http: made, sleeps };
}

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

// undici for bulk runs and payments, Node's own http for single commands (node-transport.ts).
describe.each(['undici', 'node'] as const)('HttpClient over %s', (kind) => {
  beforeEach(() => {
    transport = kind;
  });

  it('retries a GET after 503s with growing, jittered backoff', async () => {
    const server = await faultServer((_req, res, attempt) =>
      attempt < 3 ? json(res, 503, { code: '503', reason: 'Unavailable' }) : json(res, 200, { ok: true }),
    );
    const { http, sleeps } = client(server.url);
    const response = await http.get('/thing');
    expect(response.body).toEqual({ ok: true });
    expect(server.seen).toHaveLength(3);
    expect(sleeps).toEqual([125, 250]);
    // One request id per logical request, reused across its attempts.
    expect(new Set(server.seen.map((seen) => seen.headers['x-request-id'])).size).toBe(1);
  });

  it('waits exactly as long as Retry-After says', async () => {
    const server = await faultServer((_req, res, attempt) =>
      attempt === 1 ? json(res, 429, { code: '429', reason: 'Too Many Requests' }, { 'retry-after': '2' }) : json(res, 200, []),
    );
    const { http, sleeps } = client(server.url);
    await http.get('/thing');
    expect(sleeps).toEqual([2000]);
  });

  it('gives up at once when Retry-After is longer than allowed, with the request id', async () => {
    const server = await faultServer((_req, res) =>
      json(res, 429, { code: '429', reason: 'Too Many Requests', message: 'slow down' }, { 'retry-after': '3600', 'x-request-id': 'srv-42' }),
    );
    const { http, sleeps } = client(server.url);
    const error = await http.get('/thing').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).requestId).toBe('srv-42');
    expect(sleeps).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it('never repeats a POST without an idempotency key', async () => {
    const server = await faultServer((_req, res) => json(res, 503, { code: '503', reason: 'Unavailable' }));
    const { http } = client(server.url);
    await expect(http.request({ method: 'POST', path: '/pay', json: { amount: 1 } })).rejects.toBeInstanceOf(ApiError);
    expect(server.seen).toHaveLength(1);
  });

  it('repeats a POST that carries an idempotency key, with the same key each time', async () => {
    const server = await faultServer((_req, res, attempt) => (attempt === 1 ? json(res, 502, {}) : json(res, 201, { id: 'P1' })));
    const { http } = client(server.url);
    const response = await http.request({ method: 'POST', path: '/pay', json: { amount: 1 }, idempotencyKey: 'key-1' });
    expect(response.status).toBe(201);
    expect(server.seen.map((seen) => seen.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);
    expect(server.seen[0]!.body).toBe(server.seen[1]!.body);
  });

  it('retries a GET whose connection was reset', async () => {
    const server = await faultServer((req, res, attempt) => (attempt === 1 ? req.socket.destroy() : json(res, 200, { ok: 1 })));
    const { http } = client(server.url);
    expect((await http.get('/thing')).body).toEqual({ ok: 1 });
    expect(server.seen).toHaveLength(2);
  });

  it('refreshes the token once after a 401 and retries with the new one', async () => {
    const server = await faultServer((req, res) =>
      req.headers.authorization === 'Bearer new' ? json(res, 200, { ok: 1 }) : json(res, 401, { code: '401', reason: 'Unauthorized' }),
    );
    const refreshed: string[] = [];
    const { http } = client(server.url, {
      tokens: { token: async () => 'old', refreshAfterRejection: async (rejected) => (refreshed.push(rejected), 'new') },
    });
    expect((await http.get('/thing')).body).toEqual({ ok: 1 });
    expect(refreshed).toEqual(['old']);
    expect(server.seen.map((seen) => seen.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('does not loop when the refreshed token is refused too', async () => {
    const server = await faultServer((_req, res) => json(res, 401, { code: '401', reason: 'Unauthorized' }));
    let refreshes = 0;
    const { http } = client(server.url, {
      tokens: { token: async () => 'old', refreshAfterRejection: async () => `new-${++refreshes}` },
    });
    const error = await http.get('/thing').catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).category).toBe('auth');
    expect(refreshes).toBe(1);
    expect(server.seen).toHaveLength(2);
  });

  it('times out when the server never answers', async () => {
    const server = await faultServer(() => {
      /* never answers */
    });
    const { http } = client(server.url, { timeoutMs: 300, retries: 0 });
    await expect(http.get('/slow')).rejects.toBeInstanceOf(DeadlineError);
    expect(server.seen).toHaveLength(1);
  });

  it('reports a server that is not there as unreachable, after retrying', async () => {
    const server = await faultServer((_req, res) => json(res, 200, {}));
    await closers.pop()!();
    const { http, sleeps } = client(server.url);
    const error = await http.get('/thing').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).hint).toBe('api.hintUnreachable');
    expect(sleeps).toHaveLength(2);
  });

  // undici's pool may open a second connection; Node's agent, with keep-alive, reuses the one.
  it.runIf(kind === 'node')('keeps one connection for requests made one after another, and closes it', async () => {
    const sockets = new Set<unknown>();
    const server = await faultServer((req, res) => (sockets.add(req.socket), json(res, 200, { ok: 1 })));
    const { http } = client(server.url);
    for (let i = 0; i < 3; i++) await http.get('/thing');
    expect(server.seen).toHaveLength(3);
    expect(sockets.size).toBe(1);
    await http.close();
    const [socket] = [...sockets] as import('node:net').Socket[];
    if (!socket!.destroyed) await new Promise((resolve) => socket!.once('close', resolve));
    expect(socket!.destroyed).toBe(true);
  });

  it('sends a body with its length and reads a large answer whole', async () => {
    const big = 'x'.repeat(300_000);
    const server = await faultServer((_req, res) => json(res, 200, { big }));
    const { http } = client(server.url);
    const response = await http.request({ method: 'POST', path: '/echo', json: { amount: 1 }, idempotencyKey: 'k' });
    expect((response.body as { big: string }).big).toBe(big);
    expect(server.seen[0]!.headers['content-length']).toBe(String(JSON.stringify({ amount: 1 }).length));
    expect(server.seen[0]!.body).toBe('{"amount":1}');
  });
});

describe('API URLs', () => {
  it('allows HTTPS anywhere and plain HTTP only to loopback', () => {
    expect(parseApiUrl('https://api.example.com/espace').host).toBe('api.example.com');
    expect(parseApiUrl('http://127.0.0.1:8642').port).toBe('8642');
    expect(parseApiUrl('http://[::1]:8642').hostname).toBe('[::1]');
    expect(parseApiUrl('http://localhost:1').hostname).toBe('localhost');
    expect(() => parseApiUrl('http://api.example.com')).toThrow(UsageError);
    expect(() => parseApiUrl('http://10.0.0.1')).toThrow(UsageError);
    expect(() => parseApiUrl('ftp://127.0.0.1')).toThrow(UsageError);
    expect(() => parseApiUrl('not a url')).toThrow(UsageError);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('5')).toBe(5000);
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(retryAfterMs('Thu, 26 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
