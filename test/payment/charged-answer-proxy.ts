/**
 * A proxy in front of the sandbox that lets a payment be charged for real and then answers the
 * client in its own way (a redirect, another payment): the answers a gateway or a buggy server can
 * give to a payment that went through. Everything else is forwarded as it is.
 */
import { readdir } from 'node:fs/promises';
import { createServer, request as forward, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';
import type { TestSandbox } from '../helpers/sandbox.js';

export const PAYMENTS = '/paymentManagement/v4/payment';

export interface ChargedAnswerProxy {
  url: string;
  /** Payment POSTs seen. */
  readonly posts: number;
  close(): Promise<void>;
}

/** `answer` writes the client's answer to a payment the sandbox created, given the sandbox's own. */
export async function chargedAnswerProxy(
  target: string,
  answer: (res: ServerResponse, created: Record<string, unknown>, status: number) => void,
): Promise<ChargedAnswerProxy> {
  const upstream = new URL(target);
  let posts = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const isPayment = req.method === 'POST' && (req.url ?? '').startsWith(PAYMENTS);
      if (isPayment) posts++;
      const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (upstreamAnswer) => {
        const body: Buffer[] = [];
        upstreamAnswer.on('data', (chunk: Buffer) => body.push(chunk));
        upstreamAnswer.on('end', () => {
          const raw = Buffer.concat(body);
          const status = upstreamAnswer.statusCode ?? 502;
          if (isPayment && status < 300) {
            answer(res, JSON.parse(raw.toString('utf8')) as Record<string, unknown>, status);
            return;
          }
          res.writeHead(status, upstreamAnswer.headers);
          res.end(raw);
        });
      });
      out.end(Buffer.concat(chunks));
    });
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    get posts() {
      return posts;
    },
    close: () => closeServer(server),
  };
}

/** The idempotency keys of the journal's entries, in a CLI home whose data is `home/data`. */
export async function journalKeys(home: string): Promise<string[]> {
  try {
    return (await readdir(join(home, 'data', 'payment-journal'))).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
  } catch {
    return [];
  }
}

/** Marie's payments made through the API (they carry a correlatorId), asked of the sandbox itself. */
export async function apiPayments(sandbox: TestSandbox): Promise<Array<{ id: string; correlatorId: string }>> {
  const res = await fetch(`${sandbox.url}${PAYMENTS}?account.id=BA-1001&limit=100`, { headers: { authorization: `Bearer ${sandbox.tokens.marie}` } });
  const all = (await res.json()) as Array<{ id: string; correlatorId?: string }>;
  return all.filter((p): p is { id: string; correlatorId: string } => p.correlatorId !== undefined);
}
