/**
 * The live-chat event stream never leaves the API's origin: a redirect to another host or port,
 * or to another scheme, is refused before anything (the token above all) is sent there; a
 * redirect within the origin is followed. And an event that never ends is not kept growing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type ChatEvent, conversationEvents } from '../../src/api/chat.js';
import { EspaceError } from '../../src/errors.js';
import { type HostileServer, hostileServer } from '../helpers/hostile-server.js';

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Parameters<typeof hostileServer>[0]): Promise<HostileServer> {
  const server = await hostileServer(handler);
  servers.push(server);
  return server;
}

const closedEvent = `id: 1\ndata: ${JSON.stringify({ id: 1, type: 'closed', author: { name: 'Agent', role: 'agent' } })}\n\n`;

/** A stream that closes the conversation at once, recording the authorization it was sent. */
async function eventServer(): Promise<HostileServer & { authorizations: string[] }> {
  const authorizations: string[] = [];
  const server = await serve((request, response) => {
    authorizations.push(String(request.headers.authorization));
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(closedEvent);
  });
  return Object.assign(server, { authorizations });
}

const redirectTo = (location: (request: string) => string) =>
  serve((request, response) => {
    response.writeHead(302, { location: location(request.url ?? '/') });
    response.end();
  });

async function collect(baseUrl: string): Promise<ChatEvent[]> {
  const options = {
    baseUrl,
    tokens: { token: async () => 'secret-token', refreshAfterRejection: async () => undefined },
    userAgent: 'test',
    signal: new AbortController().signal,
  };
  const seen: ChatEvent[] = [];
  for await (const event of conversationEvents('C-1', options)) seen.push(event);
  return seen;
}

describe('chat event stream redirects', () => {
  it('refuses a redirect to another origin: nothing reaches it', async () => {
    const elsewhere = await eventServer();
    const api = await redirectTo((path) => `${elsewhere.url}${path}`);
    const error = await collect(api.url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EspaceError);
    expect((error as EspaceError).key).toBe('chat.redirectRefused');
    expect((error as EspaceError).params).toMatchObject({ from: api.url, to: elsewhere.url });
    expect(elsewhere.seen).toEqual([]);
    expect(api.seen).toHaveLength(1); // refused, not retried
  });

  it('refuses a redirect to another scheme on the same host and port', async () => {
    const api = await redirectTo((path) => `https://${new URL(servers[0]!.url).host}${path}`);
    const error = await collect(api.url).catch((caught: unknown) => caught);
    expect((error as EspaceError).key).toBe('chat.redirectRefused');
    expect((error as EspaceError).params).toMatchObject({ to: `https://${new URL(api.url).host}` });
  });

  it('follows a redirect within the origin, token included', async () => {
    const authorizations: string[] = [];
    const api = await serve((request, response) => {
      if (request.url?.startsWith('/moved')) {
        authorizations.push(String(request.headers.authorization));
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(closedEvent);
      } else {
        response.writeHead(307, { location: `/moved${request.url}` });
        response.end();
      }
    });
    const events = await collect(api.url);
    expect(events.map((event) => event.type)).toEqual(['closed']);
    expect(authorizations).toEqual(['Bearer secret-token']);
  });
});

describe('chat event stream size', () => {
  it('does not keep an event that never ends: the stream fails instead of growing', async () => {
    const { parseEventStream, MAX_EVENT_CHARS } = await import('../../src/api/chat.js');
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled += 64 * 1024;
        yield Buffer.alloc(64 * 1024, 0x61);
      }
    }
    await expect(async () => {
      for await (const _ of parseEventStream(endless()));
    }).rejects.toThrow(/an event larger than/);
    expect(pulled).toBeLessThanOrEqual(MAX_EVENT_CHARS + 64 * 1024);
  });
});
