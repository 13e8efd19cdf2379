/**
 * The sandbox's live chat API (not TMF): conversations, messages, and the conversation's
 * server-sent event stream. The stream is read with fetch, whose body is a stream; the request
 * and response calls go through the HttpClient like every other call.
 */
import * as z from 'zod';
import { GeneralError } from '../errors.js';
import type { HttpClient, TokenProvider } from './http.js';
import { parseResource } from './tmf/common.js';

export const CHAT_PATH = '/chat/v1/conversation';

const Conversation = z.looseObject({
  id: z.string(),
  status: z.string(),
  customerConnected: z.boolean().optional(),
  subject: z.string().optional(),
  customer: z.looseObject({ name: z.string() }).optional(),
  agent: z.looseObject({ name: z.string() }).optional(),
  ticket: z.looseObject({ id: z.string() }).optional(),
});
export type Conversation = z.infer<typeof Conversation>;

export const ChatEvent = z.looseObject({
  id: z.number(),
  type: z.string(),
  author: z.looseObject({ name: z.string(), role: z.string() }),
  text: z.string().optional(),
  at: z.string().optional(),
  ticket: z.looseObject({ id: z.string() }).optional(),
});
export type ChatEvent = z.infer<typeof ChatEvent>;

const conversationPath = (id: string, action?: string) => `${CHAT_PATH}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

async function post(client: HttpClient, path: string, json: unknown): Promise<Conversation> {
  const response = await client.request({ method: 'POST', path, json });
  return parseResource(Conversation, response, 'Conversation', path);
}

export function startConversation(client: HttpClient, subject: string | undefined, accountId: string | undefined): Promise<Conversation> {
  return post(client, CHAT_PATH, { ...(subject ? { subject } : {}), ...(accountId ? { billingAccount: { id: accountId } } : {}) });
}

export async function waitingConversations(client: HttpClient): Promise<Conversation[]> {
  const response = await client.get(CHAT_PATH, { status: 'waiting' });
  return parseResource(z.array(Conversation), response, 'Conversation', CHAT_PATH);
}

export function joinConversation(client: HttpClient, id: string): Promise<Conversation> {
  return post(client, conversationPath(id, 'join'), {});
}

export async function sendMessage(client: HttpClient, id: string, text: string): Promise<void> {
  await client.request({ method: 'POST', path: conversationPath(id, 'message'), json: { text } });
}

export interface CloseRequest {
  /** When no agent answered: leave a ticket with the transcript (true) or nothing at all (false). */
  leaveTicket?: boolean;
  ticketType?: string;
}

export function closeConversation(client: HttpClient, id: string, request: CloseRequest = {}): Promise<Conversation> {
  return post(client, conversationPath(id, 'close'), request);
}

export interface EventStreamOptions {
  baseUrl: string;
  tokens: TokenProvider;
  userAgent: string;
  signal: AbortSignal;
}

/** Consecutive failed connections tolerated; a connection that delivers an event starts the count again. */
const RECONNECTS = 3;
const RECONNECT_DELAY_MS = 300;

/** Answers worth trying again: the server is overloaded, restarting, or asks to slow down. */
const isTransient = (status: number) => status === 429 || status >= 500;

/**
 * The conversation's events, history first, until it closes. A dropped stream is resumed from
 * the last event id (Last-Event-ID), so nothing is missed or repeated.
 */
export async function* conversationEvents(id: string, options: EventStreamOptions): AsyncGenerator<ChatEvent> {
  let lastId = 0;
  let failures = 0;
  const failed = (reason: string, cause?: unknown) => {
    if (failures === RECONNECTS) throw new GeneralError('chat.streamFailed', { params: { reason }, cause });
    failures++;
  };
  while (!options.signal.aborted) {
    // A moment between attempts, so that a server restarting has time to come back.
    if (failures > 0) await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS * failures));
    const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}${conversationPath(id, 'events')}`);
    let response: Response;
    try {
      response = await openStream(
        url,
        {
          accept: 'text/event-stream',
          authorization: `Bearer ${await options.tokens.token()}`,
          'user-agent': options.userAgent,
          'last-event-id': String(lastId),
        },
        options.signal,
      );
    } catch (error) {
      if (error instanceof GeneralError) throw error;
      if (options.signal.aborted) return;
      failed(String((error as Error).message), error);
      continue;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      if (!isTransient(response.status)) throw new GeneralError('chat.streamFailed', { params: { reason: `HTTP ${response.status}` } });
      failed(`HTTP ${response.status}`);
      continue;
    }
    try {
      for await (const event of parseEventStream(response.body)) {
        lastId = event.id;
        failures = 0;
        yield event;
        if (event.type === 'closed') return;
      }
      failed('the server ended the stream');
    } catch (error) {
      if (options.signal.aborted) return;
      failed(String((error as Error).message), error);
    }
  }
}

const MAX_REDIRECTS = 5;

/**
 * GETs the stream, following redirects only within the API's origin (same scheme, host and
 * port): the bearer token must not go to another host, nor over plain HTTP when the API is HTTPS.
 */
async function openStream(url: URL, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
  let current = url;
  for (let hops = 0; ; hops++) {
    const response = await fetch(current, { headers, signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) return response;
    await response.body?.cancel();
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new GeneralError('chat.redirectRefused', { params: { from: url.origin, to: location.slice(0, 200) } });
    }
    if (next.origin !== url.origin) throw new GeneralError('chat.redirectRefused', { params: { from: url.origin, to: next.origin } });
    if (hops === MAX_REDIRECTS) throw new GeneralError('chat.streamFailed', { params: { reason: `more than ${MAX_REDIRECTS} redirects` } });
    current = next;
  }
}

/** The largest event accepted: a chat message is far smaller; a server that never ends one is not believed. */
export const MAX_EVENT_CHARS = 1024 * 1024;

/** Parses `text/event-stream` (the WHATWG format): events are blocks of `field: value` lines. */
export async function* parseEventStream(body: AsyncIterable<Uint8Array>): AsyncGenerator<ChatEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
    if (buffer.length > MAX_EVENT_CHARS && buffer.indexOf('\n\n') === -1) throw new Error(`an event larger than ${MAX_EVENT_CHARS} characters`);
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      if (data === '') continue; // a comment (keep-alive) or an event without data
      const parsed = ChatEvent.safeParse(JSON.parse(data));
      if (parsed.success) yield parsed.data;
    }
  }
}
