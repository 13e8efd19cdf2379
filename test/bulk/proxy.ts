/**
 * A recording, fault-injecting HTTP proxy in front of a test sandbox: it logs every request (the
 * request log the bulk tests count lookups with) and can answer some requests itself (429 with
 * Retry-After, 503), or change what it forwards (a server that ignores a filter) — faults the
 * sandbox cannot produce on demand.
 */
import { Agent, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, forwardUnchanged, listenOnLoopback } from '../helpers/loopback.js';

export interface LoggedRequest {
  method: string;
  url: string;
  /** When it arrived (ms, monotonic). */
  at: number;
  /** What the proxy answered itself, if it did. */
  injected?: number;
}

/** An answer of the proxy's own instead of forwarding; undefined forwards. */
export type Fault = { status: number; headers?: Record<string, string> } | undefined;

export interface Proxy {
  url: string;
  log: LoggedRequest[];
  /** Replaces the fault rule. */
  setFault(rule: (request: IncomingMessage, now: number) => Fault): void;
  /** Replaces the rewrite of forwarded paths (the identity by default). */
  setRewrite(rewrite: (path: string) => string): void;
  /**
   * Requests for which `rule` holds are kept, not forwarded, until `releaseHeld()`: lookups in
   * flight for as long as a test needs (to kill the client meanwhile).
   */
  setHold(rule: (request: IncomingMessage) => boolean): void;
  /** Resolves once `count` requests are being held. */
  waitForHeld(count: number): Promise<void>;
  /** Forwards the held requests, and no longer holds any. */
  releaseHeld(): void;
  /** Empties the log, and forwards everything as it is again. */
  reset(): void;
  close(): Promise<void>;
}

export async function startProxy(target: string): Promise<Proxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const log: LoggedRequest[] = [];
  let rule: (request: IncomingMessage, now: number) => Fault = () => undefined;
  let rewrite = (path: string) => path;
  let hold: ((request: IncomingMessage) => boolean) | undefined;
  let held: (() => void)[] = [];
  let heldWaiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    const now = performance.now();
    const entry: LoggedRequest = { method: request.method ?? 'GET', url: request.url ?? '/', at: now };
    log.push(entry);
    if (hold?.(request)) {
      held.push(() => pass(request, response, entry, performance.now()));
      heldWaiters = heldWaiters.filter((waiter) => (waiter.count <= held.length ? (waiter.resolve(), false) : true));
      return;
    }
    pass(request, response, entry, now);
  });
  function pass(request: IncomingMessage, response: ServerResponse, entry: LoggedRequest, now: number): void {
    const fault = rule(request, now);
    if (fault) {
      entry.injected = fault.status;
      request.resume();
      response.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      response.end(JSON.stringify({ code: String(fault.status), reason: 'injected by the test proxy', status: String(fault.status) }));
      return;
    }
    forwardUnchanged(request, response, {
      host: upstream.hostname,
      port: upstream.port,
      method: request.method,
      path: rewrite(request.url ?? '/'),
      headers: request.headers,
      agent,
    });
  }
  return {
    url: await listenOnLoopback(server),
    log,
    setFault: (next) => {
      rule = next;
    },
    setRewrite: (next) => {
      rewrite = next;
    },
    setHold: (next) => {
      hold = next;
    },
    waitForHeld: (count) => new Promise<void>((resolve) => (held.length >= count ? resolve() : heldWaiters.push({ count, resolve }))),
    releaseHeld: () => {
      hold = undefined;
      const waiting = held;
      held = [];
      for (const go of waiting) go();
    },
    reset: () => {
      hold = undefined;
      held = [];
      log.length = 0;
      rule = () => undefined;
      rewrite = (path) => path;
    },
    close: async () => {
      await closeServer(server);
      agent.destroy();
    },
  };
}

/** The accounts a bill list request names (`billingAccount.id=A` or, batched, `=A,B,C`). */
export function accountsOf(url: string): string[] {
  if (!url.includes('/customerBill?')) return [];
  const value = new URL(url, 'http://proxy').searchParams.get('billingAccount.id');
  return value ? value.split(',') : [];
}

/** How many times each account's bill list was asked for (alone or in a batch): a lookup's first request. */
export function lookupsPerAccount(log: readonly LoggedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of log) {
    if (entry.injected !== undefined) continue;
    for (const account of accountsOf(entry.url)) counts.set(account, (counts.get(account) ?? 0) + 1);
  }
  return counts;
}
