/**
 * The chat event stream against a server that misbehaves on purpose (the sandbox cannot be made
 * to drop a stream or answer 503 on demand): a stub HTTP server scripts each connection.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChatEvent, conversationEvents } from '../../src/api/chat.js';

type Connection = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(connections: Connection[]): Promise<{ url: string; lastEventIds: string[] }> {
  const lastEventIds: string[] = [];
  server = createServer((request, response) => {
    lastEventIds.push(String(request.headers['last-event-id']));
    const next = connections.shift();
    if (next) next(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, lastEventIds };
}

const event = (id: number, type = 'message') =>
  `id: ${id}\ndata: ${JSON.stringify({ id, type, author: { name: 'Agent', role: 'agent' }, text: `m${id}` })}\n\n`;

/** Sends one event, then drops the connection without closing the conversation. */
const oneEventThenDrop =
  (id: number): Connection =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(event(id), () => response.socket?.destroy());
  };

const unavailable =
  (status: number): Connection =>
  (_request, response) =>
    response.writeHead(status).end();

async function collect(url: string): Promise<ChatEvent[]> {
  const seen: ChatEvent[] = [];
  const options = { baseUrl: url, tokens: { token: async () => 'token' }, userAgent: 'test', signal: new AbortController().signal };
  for await (const received of conversationEvents('C-1', options as Parameters<typeof conversationEvents>[1])) seen.push(received);
  return seen;
}

describe('chat event stream reconnection', () => {
  it('retries a 503 or a 429 answer, and tolerates any number of drops as long as each connection delivers events', async () => {
    const closing: Connection = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(event(6, 'closed'));
    };
    const { url, lastEventIds } = await serve([
      unavailable(503),
      oneEventThenDrop(1),
      oneEventThenDrop(2),
      unavailable(429),
      oneEventThenDrop(3),
      oneEventThenDrop(4),
      oneEventThenDrop(5),
      closing,
    ]);
    const seen = await collect(url);
    expect(seen.map((received) => received.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lastEventIds).toEqual(['0', '0', '1', '2', '2', '3', '4', '5']);
  });

  it('gives up after four failed connections in a row', async () => {
    const { url } = await serve([unavailable(503), unavailable(503), unavailable(502), unavailable(503)]);
    await expect(collect(url)).rejects.toMatchObject({ key: 'chat.streamFailed', params: { reason: 'HTTP 503' } });
  });

  it('does not retry an answer that will not change, such as 403', async () => {
    const { url, lastEventIds } = await serve([unavailable(403), oneEventThenDrop(1)]);
    await expect(collect(url)).rejects.toMatchObject({ key: 'chat.streamFailed', params: { reason: 'HTTP 403' } });
    expect(lastEventIds).toHaveLength(1);
  });
});
