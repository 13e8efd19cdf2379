/**
 * A connection pool on Node's own `http`/`https` modules with the two calls HttpClient makes of
 * undici's Pool (`request`, then `close` or `destroy`). A command that makes a few requests and
 * exits uses it: loading undici's pool costs a single lookup more than all of its requests (on
 * Node 20 ≈ 130 ms of a ≈ 250 ms one-GET process: compiling undici, and V8 optimising its
 * WebAssembly parser at exit), while `http` is part of Node's start-up snapshot. Bulk runs and
 * payments keep undici (throughput, and the error codes submit.ts reasons about).
 */
import type { Agent, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

/** What HttpClient sends (the subset of undici's request options it uses). */
export interface TransportRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** What HttpClient reads back (the subset of undici's ResponseData it uses). */
export interface TransportResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

/** The calls HttpClient makes on a pool: undici's Pool and NodePool both have them. */
export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface NodePoolOptions {
  connections: number;
  /** A connection not made within this long fails with code ESPACE_CONNECT_TIMEOUT (transient, like undici's). */
  connectTimeout: number;
}

/** The error code of a connection that was not made in time (http.ts counts it as a timeout). */
export const CONNECT_TIMEOUT_CODE = 'ESPACE_CONNECT_TIMEOUT';

/** Keep-alive connections to one origin, at most `connections` at a time. */
export class NodePool implements Transport {
  private agent: Agent | undefined;
  private readonly origin: URL;
  private readonly secure: boolean;

  constructor(
    origin: string,
    private readonly options: NodePoolOptions,
  ) {
    this.origin = new URL(origin);
    this.secure = this.origin.protocol === 'https:';
  }

  async request(request: TransportRequest): Promise<TransportResponse> {
    // https (and its TLS) only for an https API: the sandbox and most tests are plain http.
    // process.getBuiltinModule, not import(): the bundle's import() of a built-in copies every
    // property of the module, and on Node 24+ reading all of node:http's loads Node's own fetch
    // (undici), ≈ 50 ms of CPU on every command.
    const http = this.secure ? process.getBuiltinModule('node:https') : process.getBuiltinModule('node:http');
    this.agent ??= new http.Agent({ keepAlive: true, maxSockets: this.options.connections });
    const agent = this.agent;
    return new Promise<TransportResponse>((resolve, reject) => {
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
      const outgoing = http.request(
        {
          protocol: this.origin.protocol,
          hostname: this.origin.hostname.replace(/^\[|\]$/g, ''),
          port: this.origin.port || undefined,
          method: request.method,
          path: request.path,
          headers,
          agent,
          signal: request.signal,
        },
        (answer: IncomingMessage) => resolve({ statusCode: answer.statusCode ?? 0, headers: answer.headers, body: answer }),
      );
      outgoing.on('error', reject);
      outgoing.on('socket', (socket) => {
        // A reused keep-alive socket is connected already; a new one gets the connect deadline.
        if (!socket.connecting) return;
        const timer = setTimeout(() => {
          const error = Object.assign(new Error(`no connection to ${this.origin.host} within ${this.options.connectTimeout} ms`), {
            code: CONNECT_TIMEOUT_CODE,
          });
          outgoing.destroy(error);
        }, this.options.connectTimeout);
        timer.unref();
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      outgoing.end(request.body);
    });
  }

  async close(): Promise<void> {
    // Called once the command's requests are answered: only idle keep-alive sockets remain.
    this.agent?.destroy();
    this.agent = undefined;
  }

  async destroy(): Promise<void> {
    this.agent?.destroy();
    this.agent = undefined;
  }
}
