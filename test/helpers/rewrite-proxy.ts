/**
 * A proxy in front of a test sandbox that makes it answer as another TMF server would: it rewrites
 * the JSON bodies of chosen answers (a percentage tax rate, a price given by reference, a field the
 * sandbox always fills left out) or answers chosen requests itself (a 404 where a server has no
 * such endpoint). Everything else is forwarded as it is. Every request is logged, so that a test
 * can count what the client asked for.
 */
import { Agent, createServer, request as forward } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback.js';

export interface SeenRequest {
  method: string;
  /** Path and query, as the client sent them. */
  url: string;
}

/** What the proxy does with one request: answer itself, or forward and rewrite the JSON body. */
export type Rule = { answer: { status: number; body: unknown; headers?: Record<string, string> } } | { rewrite: (body: unknown) => unknown };

export interface RewriteProxy {
  url: string;
  log: SeenRequest[];
  /** The rule for a request (matched on method and URL), or undefined to forward it untouched. */
  setRules(rules: (request: SeenRequest) => Rule | undefined): void;
  close(): Promise<void>;
}

export async function startRewriteProxy(target: string): Promise<RewriteProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const log: SeenRequest[] = [];
  let rules: (request: SeenRequest) => Rule | undefined = () => undefined;

  const server = createServer((request, response) => {
    const seen: SeenRequest = { method: request.method ?? 'GET', url: request.url ?? '/' };
    log.push(seen);
    const rule = rules(seen);
    if (rule && 'answer' in rule) {
      request.resume();
      response.writeHead(rule.answer.status, { 'content-type': 'application/json', ...rule.answer.headers });
      response.end(JSON.stringify(rule.answer.body));
      return;
    }
    // Plain bodies only: a rewrite needs to read the JSON.
    const headers = { ...request.headers, host: upstream.host };
    delete headers['accept-encoding'];
    const outgoing = forward({ host: upstream.hostname, port: upstream.port, method: seen.method, path: seen.url, headers, agent }, (answer) => {
      if (!rule) {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const ok = (answer.statusCode ?? 500) < 300 && text !== '';
        const body = ok ? JSON.stringify(rule.rewrite(JSON.parse(text))) : text;
        const out = { ...answer.headers };
        delete out['content-length'];
        delete out['transfer-encoding'];
        response.writeHead(answer.statusCode ?? 502, { ...out, 'content-length': String(Buffer.byteLength(body)) });
        response.end(body);
      });
    });
    outgoing.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(outgoing);
  });
  return {
    url: await listenOnLoopback(server),
    log,
    setRules: (next) => {
      rules = next;
      log.length = 0;
    },
    close: async () => {
      await closeServer(server);
      agent.destroy();
    },
  };
}
