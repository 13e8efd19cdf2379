/**
 * The chat hub's bookkeeping of open streams, over a real HTTP connection: a stream that ends at
 * once (its history already holds `closed`) must not stay among the streams the hub ends on close.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatHub } from '../../src/sandbox/chat/hub.js';
import type { ChatEventRow } from '../../src/sandbox/chat/store.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const closed: ChatEventRow = {
  seq: 7,
  conversationId: 'CHAT-1',
  type: 'closed',
  authorName: 'Agent Roy',
  authorRole: 'agent',
  text: null,
  at: '2026-11-26T12:00:00.000Z',
  ticketId: null,
};

describe('ChatHub.stream', () => {
  it('does not keep the stream of an already closed conversation', async () => {
    const hub = new ChatHub();
    let ends = 0;
    let streamed: ServerResponse | undefined;
    server = createServer((_request, response) => {
      streamed = response;
      const end = response.end.bind(response);
      response.end = ((...args: Parameters<typeof end>) => {
        ends++;
        return end(...args);
      }) as typeof response.end;
      hub.stream(response, 'CHAT-1', [closed], { headers: {}, customer: true });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const body = await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).text();
    expect(body).toContain('event: closed');
    expect(streamed?.writableEnded).toBe(true);
    expect(hub.customerConnected('CHAT-1')).toBe(false);
    // Ending every tracked stream must not reach this one again: it is no longer tracked.
    hub.endAll();
    expect(ends).toBe(1);
  });
});
