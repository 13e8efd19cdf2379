/** Storage of live chat conversations and their events (messages, an agent joining, the end). */
import type { SandboxDatabase, Statement } from '../db.js';

export type ConversationStatus = 'waiting' | 'active' | 'closed';
export type ChatEventType = 'message' | 'joined' | 'closed';

export interface ConversationRow {
  id: string;
  billingAccountId: string;
  customerId: string;
  customerName: string;
  agentId: string | null;
  agentName: string | null;
  subject: string;
  status: ConversationStatus;
  createdAt: string;
  joinedAt: string | null;
  closedAt: string | null;
  ticketId: string | null;
}

export interface ChatEventRow {
  seq: number;
  conversationId: string;
  type: ChatEventType;
  authorName: string;
  authorRole: string;
  text: string | null;
  at: string;
  ticketId: string | null;
}

const CONVERSATION_COLUMNS = `id, billing_account_id AS billingAccountId, customer_id AS customerId, customer_name AS customerName,
  agent_id AS agentId, agent_name AS agentName, subject, status, created_at AS createdAt, joined_at AS joinedAt,
  closed_at AS closedAt, ticket_id AS ticketId`;
const EVENT_COLUMNS = `seq, conversation_id AS conversationId, type, author_name AS authorName, author_role AS authorRole, text, at,
  ticket_id AS ticketId`;

export class ChatStore {
  readonly #byId: Statement<[string], ConversationRow>;
  readonly #byStatus: Statement<[string], ConversationRow>;
  readonly #all: Statement<[], ConversationRow>;
  readonly #insert: Statement<[string, string, string, string, string, string]>;
  readonly #join: Statement<[string, string, string, string]>;
  readonly #close: Statement<[string, string | null, string]>;
  readonly #insertEvent: Statement<[string, string, string, string, string | null, string, string | null]>;
  readonly #eventsAfter: Statement<[string, number], ChatEventRow>;
  readonly #event: Statement<[number], ChatEventRow>;

  constructor(db: SandboxDatabase) {
    this.#byId = db.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM chat_conversation WHERE id = ?`);
    this.#byStatus = db.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM chat_conversation WHERE status = ? ORDER BY created_at, id`);
    this.#all = db.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM chat_conversation ORDER BY created_at, id`);
    this.#insert = db.prepare(
      `INSERT INTO chat_conversation (id, billing_account_id, customer_id, customer_name, subject, status, created_at)
       VALUES (?, ?, ?, ?, ?, 'waiting', ?)`,
    );
    // Conditional: of two agents picking up the same customer, one wins.
    this.#join = db.prepare(`UPDATE chat_conversation SET status = 'active', agent_id = ?, agent_name = ?, joined_at = ? WHERE id = ? AND status = 'waiting'`);
    this.#close = db.prepare(`UPDATE chat_conversation SET status = 'closed', closed_at = ?, ticket_id = ? WHERE id = ?`);
    this.#insertEvent = db.prepare(
      'INSERT INTO chat_event (conversation_id, type, author_name, author_role, text, at, ticket_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#eventsAfter = db.prepare(`SELECT ${EVENT_COLUMNS} FROM chat_event WHERE conversation_id = ? AND seq > ? ORDER BY seq`);
    this.#event = db.prepare(`SELECT ${EVENT_COLUMNS} FROM chat_event WHERE seq = ?`);
  }

  conversation(id: string): ConversationRow | undefined {
    return this.#byId.get(id);
  }

  conversations(status?: ConversationStatus): ConversationRow[] {
    return status ? this.#byStatus.all(status) : this.#all.all();
  }

  create(row: Pick<ConversationRow, 'id' | 'billingAccountId' | 'customerId' | 'customerName' | 'subject' | 'createdAt'>): void {
    this.#insert.run(row.id, row.billingAccountId, row.customerId, row.customerName, row.subject, row.createdAt);
  }

  /** Whether this agent got the conversation (false when another was first or it ended). */
  join(id: string, agentId: string, agentName: string, at: string): boolean {
    return this.#join.run(agentId, agentName, at, id).changes === 1;
  }

  close(id: string, at: string, ticketId: string | null): void {
    this.#close.run(at, ticketId, id);
  }

  addEvent(event: Omit<ChatEventRow, 'seq'>): ChatEventRow {
    const seq = Number(
      this.#insertEvent.run(event.conversationId, event.type, event.authorName, event.authorRole, event.text, event.at, event.ticketId).lastInsertRowid,
    );
    return this.#event.get(seq)!;
  }

  eventsAfter(conversationId: string, seq: number): ChatEventRow[] {
    return this.#eventsAfter.all(conversationId, seq);
  }
}
