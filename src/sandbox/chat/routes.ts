/**
 * Live chat (not TMF; documented in the sandbox's OpenAPI document). A customer opens a
 * conversation and waits; an agent picks it up from the queue; both post messages and read the
 * conversation's server-sent event stream; either ends it. When it ends, the transcript is saved
 * to a trouble ticket: resolved when an agent answered, acknowledged when the customer left a
 * ticket after nobody answered, cancelled when they declined.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { type Principal, principalOf } from '../auth/principal.js';
import { ChatHub, chatEventJson } from './hub.js';
import { ChatStore, type ChatEventRow, type ConversationRow } from './store.js';
import type { TicketType } from '../tickets/lifecycle.js';
import { TicketService } from '../tickets/service.js';
import { TmfError } from '../tmf-errors.js';
import {
  type ChatMessageCreate,
  type ConversationClose,
  type ConversationCreate,
  CONVERSATION_STATUSES,
  closeConversation,
  createConversation,
  joinConversation,
  listConversation,
  postChatMessage,
  retrieveConversation,
  streamConversation,
} from './contract.js';

export const CHAT_API = '/chat/v1';

/** Message text as typed, trimmed; the contract bounds its length, this refuses blank text and control characters. */
function messageText(value: string, name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  if (value.trim() === '' || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) {
    throw new TmfError(400, `"${name}" must be non-blank text without control characters`);
  }
  return value.trim();
}

function conversationJson(row: ConversationRow, hub: ChatHub) {
  return {
    id: row.id,
    status: row.status,
    ...(row.status === 'waiting' ? { customerConnected: hub.customerConnected(row.id) } : {}),
    subject: row.subject,
    billingAccount: { id: row.billingAccountId },
    customer: { name: row.customerName },
    ...(row.agentName ? { agent: { name: row.agentName } } : {}),
    createdAt: row.createdAt,
    ...(row.joinedAt ? { joinedAt: row.joinedAt } : {}),
    ...(row.closedAt ? { closedAt: row.closedAt } : {}),
    ...(row.ticketId ? { ticket: { id: row.ticketId } } : {}),
  };
}

export async function chatRoutes(app: FastifyInstance, { ctx }: { ctx: SandboxContext }): Promise<void> {
  const store = new ChatStore(ctx.db);
  const tickets = new TicketService(ctx);
  const hub = new ChatHub();
  app.addHook('preClose', async () => hub.endAll());

  const now = () => ctx.now().toISOString();
  const emit = (event: Omit<ChatEventRow, 'seq'>) => hub.publish(store.addEvent(event));

  /** The conversation if the caller takes part in it (or is staff); 404 otherwise. */
  const visible = (principal: Principal, id: string): ConversationRow => {
    const row = store.conversation(id);
    if (!row || (principal.role === 'customer' && row.customerId !== principal.userId)) {
      throw new TmfError(404, `No conversation with id "${id}"`);
    }
    return row;
  };
  const participant = (principal: Principal, row: ConversationRow) => {
    if (principal.role === 'agent' && row.agentId !== principal.userId) {
      throw new TmfError(409, `Conversation ${row.id} is not yours; pick it up first (POST …/join)`);
    }
    if (row.status === 'closed') throw new TmfError(409, `Conversation ${row.id} has ended`);
  };

  /** Saves the transcript to a ticket of the customer's account; returns its id. */
  const saveTranscript = (row: ConversationRow, description: string | undefined, type: TicketType): string => {
    const events = store.eventsAfter(row.id, 0).filter((event) => event.type === 'message');
    const customerLines = events.filter((event) => event.authorRole === 'customer').map((event) => event.text!);
    const answered = row.agentId !== null;
    return tickets.record(
      row.billingAccountId,
      { id: row.customerId, actor: { name: row.customerName, role: 'customer' } },
      {
        name: `Live chat: ${row.subject}`.slice(0, 120),
        description: description ?? (customerLines.join('\n') || row.subject),
        ticketType: type,
        severity: 'minor',
        channel: 'chat',
        status: answered ? 'resolved' : 'acknowledged',
        statusChangeReason: answered ? `Answered in live chat by ${row.agentName}` : 'Left by the customer: no agent was available',
        related: [],
        notes: events.map((event) => ({
          kind: 'chat' as const,
          author: { name: event.authorName, role: event.authorRole },
          date: event.at,
          text: event.text!,
        })),
      },
    );
  };

  app.post<{ Body: ConversationCreate | null }>(`${CHAT_API}/conversation`, { schema: createConversation }, async (request, reply) => {
    const principal = principalOf(request);
    if (principal.role !== 'customer' || !principal.userId) throw new TmfError(403, 'Only customers start a conversation');
    const input = request.body ?? {};
    const requested = input.billingAccount?.id;
    const own = ctx.identities.accountsOf(principal.userId).map((account) => account.id);
    const accountId = requested ?? (own.length === 1 ? own[0] : undefined);
    if (!accountId) throw new TmfError(400, 'Name the billing account: "billingAccount": {"id": …}');
    if (!own.includes(accountId)) throw new TmfError(404, `No billingAccount with id "${accountId}"`);
    const customer = tickets.actorOf(principal);
    const id = `CH-${randomUUID().slice(0, 8)}`;
    store.create({
      id,
      billingAccountId: accountId,
      customerId: principal.userId,
      customerName: customer.name,
      subject: input.subject !== undefined ? messageText(input.subject, 'subject').slice(0, 120) : 'Support',
      createdAt: now(),
    });
    reply.code(201);
    return conversationJson(store.conversation(id)!, hub);
  });

  app.get(`${CHAT_API}/conversation`, { schema: listConversation }, async (request) => {
    const principal = principalOf(request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const other = Object.keys(query).find((key) => key !== 'status');
    if (other !== undefined) throw new TmfError(400, `Unsupported query parameter "${other}"; supported: status`);
    const status = CONVERSATION_STATUSES.find((known) => known === query.status);
    if (query.status !== undefined && status === undefined) {
      throw new TmfError(400, `Query parameter "status" must be ${CONVERSATION_STATUSES.join(', ')}`);
    }
    return store
      .conversations(status)
      .filter((row) => principal.role !== 'customer' || row.customerId === principal.userId)
      .map((row) => conversationJson(row, hub));
  });

  app.get<{ Params: { id: string } }>(`${CHAT_API}/conversation/:id`, { schema: retrieveConversation }, async (request) =>
    conversationJson(visible(principalOf(request), request.params.id), hub),
  );

  app.post<{ Params: { id: string } }>(`${CHAT_API}/conversation/:id/join`, { schema: joinConversation }, async (request) => {
    const principal = principalOf(request);
    if (principal.role !== 'agent' || !principal.userId) throw new TmfError(403, 'Only agents pick up a conversation');
    const row = visible(principal, request.params.id);
    const agent = tickets.actorOf(principal);
    if (!store.join(row.id, principal.userId, agent.name, now())) {
      throw new TmfError(409, `Conversation ${row.id} is no longer waiting (${row.status === 'closed' ? 'it has ended' : 'another agent took it'})`);
    }
    emit({ conversationId: row.id, type: 'joined', authorName: agent.name, authorRole: 'agent', text: null, at: now(), ticketId: null });
    return conversationJson(store.conversation(row.id)!, hub);
  });

  app.post<{ Params: { id: string }; Body: ChatMessageCreate }>(`${CHAT_API}/conversation/:id/message`, { schema: postChatMessage }, async (request, reply) => {
    const principal = principalOf(request);
    const row = visible(principal, request.params.id);
    participant(principal, row);
    const text = messageText(request.body.text, 'text');
    const author = tickets.actorOf(principal);
    const event = store.addEvent({
      conversationId: row.id,
      type: 'message',
      authorName: author.name,
      authorRole: principal.role,
      text,
      at: now(),
      ticketId: null,
    });
    hub.publish(event);
    reply.code(201);
    return chatEventJson(event);
  });

  app.post<{ Params: { id: string }; Body: ConversationClose | null }>(`${CHAT_API}/conversation/:id/close`, { schema: closeConversation }, async (request) => {
    const principal = principalOf(request);
    const row = visible(principal, request.params.id);
    participant(principal, row);
    const input = request.body ?? {};
    const type: TicketType = input.ticketType ?? 'technical';
    const description = input.description !== undefined ? messageText(input.description, 'description') : undefined;
    const by = tickets.actorOf(principal);
    // A customer who declined the ticket before any agent answered leaves nothing behind.
    const declined = input.leaveTicket === false && row.agentId === null;
    const ticketId = ctx.db.transaction(() => {
      const id = declined ? null : saveTranscript(row, description, type);
      store.close(row.id, now(), id);
      return id;
    })();
    emit({ conversationId: row.id, type: 'closed', authorName: by.name, authorRole: principal.role, text: null, at: now(), ticketId });
    return conversationJson(store.conversation(row.id)!, hub);
  });

  app.get<{ Params: { id: string }; Querystring: { after?: string } }>(
    `${CHAT_API}/conversation/:id/events`,
    { schema: streamConversation },
    async (request, reply) => {
      const principal = principalOf(request);
      const row = visible(principal, request.params.id);
      const resume = request.headers['last-event-id'] ?? request.query.after ?? '0';
      if (typeof resume !== 'string' || !/^\d+$/.test(resume)) throw new TmfError(400, 'Last-Event-ID (or "after") must be an event id');
      reply.hijack();
      hub.stream(reply.raw, row.id, store.eventsAfter(row.id, Number(resume)), {
        headers: { 'x-request-id': request.id },
        customer: principal.userId === row.customerId,
      });
    },
  );
}
