/**
 * A server on 127.0.0.1 that misbehaves on purpose, for faults the sandbox cannot produce: an
 * answer trickled one byte at a time, no answer at all, an endless body, a list that never ends.
 * Every request is recorded; `close()` ends every connection and timer.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HostileHandler = (request: IncomingMessage, response: ServerResponse, seen: number) => void;

export interface HostileServer {
  url: string;
  /** Paths (with query) of the requests received, in order. */
  seen: string[];
  /** Runs `fn` every `ms` until the server closes (for trickling writes). */
  every(ms: number, fn: () => void): void;
  close(): Promise<void>;
}

export async function hostileServer(handler: HostileHandler): Promise<HostileServer> {
  const seen: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    seen.push(request.url ?? '');
    request.resume();
    handler(request, response, seen.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    every(ms, fn) {
      timers.add(setInterval(fn, ms));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Headers at once, then one byte of JSON whitespace per `periodMs`, forever. */
export function trickle(server: () => HostileServer, periodMs = 100): HostileHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('[');
    server().every(periodMs, () => {
      if (!response.destroyed) response.write(' ');
    });
  };
}
