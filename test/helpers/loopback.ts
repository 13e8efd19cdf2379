/**
 * The plumbing the test proxies share: listening on an ephemeral port of 127.0.0.1, forwarding a
 * request as it is, and closing with the connections clients keep alive.
 */
import { request as forward, type IncomingMessage, type RequestOptions, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts `server` on a free port of 127.0.0.1; resolves to its base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Closes `server` now, kept-alive connections included. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Sends `request` upstream as `options` say and pipes the answer back unchanged; 502 if upstream fails. */
export function forwardUnchanged(request: IncomingMessage, response: ServerResponse, options: RequestOptions): void {
  const outgoing = forward(options, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  outgoing.on('error', () => {
    response.writeHead(502);
    response.end();
  });
  request.pipe(outgoing);
}
