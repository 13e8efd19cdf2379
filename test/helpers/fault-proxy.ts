/**
 * A fault-injecting HTTP proxy for tests: sits between the CLI and the sandbox and, for the
 * requests it is told to watch, applies planned faults one per request, in order; everything else
 * passes through. The faults are what a real network does to a payment:
 *
 * - `dropRequest`  the connection dies before the request reaches the server;
 * - `resetMidRequest` half the request body reaches the server, then both connections are reset;
 * - `loseResponse` the server processes it, the answer is lost (connection closed);
 * - `resetMidBody` the server processes it, the answer is cut in the middle of its body;
 * - `abandon`      the request is forwarded, the client's connection closed at once (the server is still working);
 * - `hold`         the request is forwarded and the answer held back until `release()` (to kill the client meanwhile);
 * - `swallow`      the request is kept and never forwarded (to kill the client before it arrives);
 * - `answerNNN`    the request is not forwarded and answered with status NNN and a TMF-like error
 *                  body, as a gateway, a proxy or a firewall in front of the server would.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'dropRequest' | 'resetMidRequest' | 'loseResponse' | 'resetMidBody' | 'abandon' | 'hold' | 'swallow' | `answer${number}`;

export interface ProxiedRequest {
  method: string;
  path: string;
  idempotencyKey?: string;
  fault: Fault;
  /** Status the server answered, once it did (undefined if it never saw the request). */
  upstreamStatus?: number;
}

export interface FaultProxy {
  url: string;
  /** Faults for the next watched requests, in order; afterwards they pass. */
  plan(...faults: Fault[]): void;
  /** Watched requests, in arrival order. */
  readonly log: ProxiedRequest[];
  /** Resolves once `predicate` holds for the log (checked on every event, no fixed waits). */
  waitFor(predicate: (log: readonly ProxiedRequest[]) => boolean): Promise<void>;
  /** Lets held answers go. */
  release(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, watch: (method: string, path: string) => boolean): Promise<FaultProxy> {
  const upstream = new URL(target);
  const planned: Fault[] = [];
  const log: ProxiedRequest[] = [];
  const waiters: { predicate: (log: readonly ProxiedRequest[]) => boolean; resolve: () => void }[] = [];
  const held: (() => void)[] = [];
  let released = false;

  const changed = () => {
    for (const waiter of [...waiters]) {
      if (waiter.predicate(log)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const answer = (res: ServerResponse, reply: { status: number; headers: IncomingMessage['headers']; body: Buffer }) => {
    const headers = { ...reply.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(reply.body.length);
    res.writeHead(reply.status, headers);
    res.end(reply.body);
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? '/';
    const watched = watch(req.method ?? 'GET', path);
    const fault: Fault = watched ? (planned.shift() ?? 'pass') : 'pass';
    const entry: ProxiedRequest = { method: req.method ?? 'GET', path, fault, idempotencyKey: req.headers['idempotency-key'] as string | undefined };
    if (watched) {
      log.push(entry);
      changed();
    }
    try {
      if (fault.startsWith('answer')) {
        const status = Number(fault.slice('answer'.length));
        const body = Buffer.from(JSON.stringify({ code: String(status), reason: 'Refused by the gateway', message: `The gateway answered ${status}` }));
        answer(res, { status, headers: { 'content-type': 'application/json' }, body });
        return;
      }
      switch (fault) {
        case 'dropRequest':
          req.socket.destroy();
          return;
        case 'swallow':
          return;
        case 'resetMidRequest': {
          const out = httpRequest({
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: upstream.host },
          });
          out.on('error', () => {});
          out.write(body.subarray(0, Math.floor(body.length / 2)), () => {
            out.destroy();
            req.socket.destroy();
          });
          return;
        }
        case 'abandon': {
          const pending = forward(req, body);
          req.socket.destroy();
          const reply = await pending;
          entry.upstreamStatus = reply.status;
          changed();
          return;
        }
        default: {
          const reply = await forward(req, body);
          entry.upstreamStatus = reply.status;
          changed();
          if (fault === 'loseResponse') {
            req.socket.destroy();
          } else if (fault === 'resetMidBody') {
            const headers = { ...reply.headers, 'content-length': String(reply.body.length) };
            delete headers['transfer-encoding'];
            res.writeHead(reply.status, headers);
            res.write(reply.body.subarray(0, Math.floor(reply.body.length / 2)), () => req.socket.destroy());
          } else if (fault === 'hold' && !released) {
            held.push(() => answer(res, reply));
          } else {
            answer(res, reply);
          }
        }
      }
    } catch {
      req.socket.destroy();
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    plan: (...faults) => planned.push(...faults),
    log,
    waitFor: (predicate) =>
      new Promise<void>((resolve) => {
        if (predicate(log)) resolve();
        else waiters.push({ predicate, resolve });
      }),
    release: () => {
      released = true;
      for (const go of held.splice(0)) go();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
