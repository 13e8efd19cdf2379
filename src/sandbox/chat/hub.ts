/**
 * Fan-out of chat events to the server-sent event streams listening to a conversation, and the
 * streams themselves: `text/event-stream` with the event's sequence number as its id, so that a
 * client reconnecting with Last-Event-ID misses nothing.
 */
import type { ServerResponse } from 'node:http';
import type { ChatEventRow } from './store.js';

type Listener = (event: ChatEventRow) => void;

/** How often an idle stream gets a comment line, so that proxies and clients keep it open. */
const KEEP_ALIVE_MS = 15_000;

export class ChatHub {
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #streams = new Set<ServerResponse>();
  /** Open streams of customers, per conversation: an agent is offered only customers still there. */
  readonly #customers = new Map<string, number>();

  subscribe(conversationId: string, listener: Listener): () => void {
    let set = this.#listeners.get(conversationId);
    if (!set) this.#listeners.set(conversationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(conversationId);
    };
  }

  publish(event: ChatEventRow): void {
    for (const listener of this.#listeners.get(event.conversationId) ?? []) listener(event);
  }

  /**
   * Streams a conversation: first the events after `afterSeq` (history), then live ones, until
   * the conversation closes or the client goes away. Replay and subscription happen in the same
   * tick, so no event falls between them.
   */
  stream(
    response: ServerResponse,
    conversationId: string,
    history: readonly ChatEventRow[],
    options: { headers: Record<string, string>; customer: boolean },
  ): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      ...options.headers,
    });
    const send = (event: ChatEventRow) => {
      response.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(chatEventJson(event))}\n\n`);
      if (event.type === 'closed') response.end();
    };
    for (const event of history) send(event);
    // A closed conversation's stream has already ended: it is not tracked (nothing would untrack it).
    if (history.some((event) => event.type === 'closed')) return;
    this.#streams.add(response);
    const unsubscribe = this.subscribe(conversationId, send);
    if (options.customer) this.#customers.set(conversationId, (this.#customers.get(conversationId) ?? 0) + 1);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    keepAlive.unref();
    response.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      this.#streams.delete(response);
      if (options.customer) {
        const left = (this.#customers.get(conversationId) ?? 1) - 1;
        if (left > 0) this.#customers.set(conversationId, left);
        else this.#customers.delete(conversationId);
      }
    });
  }

  customerConnected(conversationId: string): boolean {
    return this.#customers.has(conversationId);
  }

  /** Ends every open stream (the server is closing; they would otherwise hold it open). */
  endAll(): void {
    for (const response of this.#streams) response.end();
    this.#streams.clear();
  }
}

/** An event as clients read it. */
export function chatEventJson(event: ChatEventRow) {
  return {
    id: event.seq,
    type: event.type,
    author: { name: event.authorName, role: event.authorRole },
    ...(event.text !== null ? { text: event.text } : {}),
    at: event.at,
    ...(event.ticketId ? { ticket: { id: event.ticketId } } : {}),
  };
}
