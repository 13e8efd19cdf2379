/** Storage of TMF621 trouble tickets: the ticket, its related entities, notes and status history. */
import { StatementCache, type SandboxDatabase, type Statement } from '../db.js';
import type { Priority, Severity, Team, TicketStatus, TicketType } from './lifecycle.js';
import { pagedRows, type Criteria, type Page } from '../store/paged-query.js';

export interface TicketRow {
  seq: number;
  id: string;
  billingAccountId: string;
  ownerPartyId: string;
  ownerName: string;
  name: string;
  description: string;
  ticketType: TicketType;
  severity: Severity;
  priority: Priority;
  status: TicketStatus;
  statusChangeReason: string | null;
  statusChangeDate: string;
  channel: string;
  assigneeTeam: Team;
  escalationLevel: number;
  creatorId: string | null;
  creatorName: string;
  createdAt: string;
  lastUpdate: string;
  resolutionDate: string | null;
}

export interface RelatedEntityRow {
  ticketSeq: number;
  entityId: string;
  referredType: string;
  role: string;
  name: string | null;
}

export type NoteKind = 'comment' | 'change' | 'chat';

export interface NoteRow {
  ticketSeq: number;
  seq: number;
  kind: NoteKind;
  author: string;
  authorRole: string;
  date: string;
  text: string;
}

export interface StatusChangeRow {
  ticketSeq: number;
  status: TicketStatus;
  reason: string | null;
  date: string;
  changedBy: string;
}

/** A new ticket: its first status, who opened it and what it concerns. */
export type NewTicket = Pick<
  TicketRow,
  'billingAccountId' | 'name' | 'description' | 'ticketType' | 'severity' | 'priority' | 'status' | 'channel' | 'assigneeTeam' | 'creatorId' | 'creatorName'
> & {
  statusChangeReason?: string;
  at: string;
  related: Omit<RelatedEntityRow, 'ticketSeq'>[];
};

/** Fields a change may set; the others stay as they are. */
export interface TicketChanges {
  status?: TicketStatus;
  statusChangeReason?: string | null;
  severity?: Severity;
  priority?: Priority;
  channel?: string;
  assigneeTeam?: Team;
  escalationLevel?: number;
  resolutionDate?: string | null;
}

export interface Actor {
  name: string;
  role: string;
}

const FIRST_TICKET_SEQ = 1001;

const TICKET_COLUMNS = `t.seq, t.id, t.billing_account_id AS billingAccountId, a.owner_party_id AS ownerPartyId,
  a.owner_name AS ownerName, t.name, t.description, t.ticket_type AS ticketType, t.severity, t.priority, t.status,
  t.status_change_reason AS statusChangeReason, t.status_change_date AS statusChangeDate, t.channel,
  t.assignee_team AS assigneeTeam, t.escalation_level AS escalationLevel, t.creator_id AS creatorId,
  t.creator_name AS creatorName, t.created_at AS createdAt, t.last_update AS lastUpdate, t.resolution_date AS resolutionDate`;

const CHANGE_COLUMNS: Record<keyof TicketChanges, string> = {
  status: 'status',
  statusChangeReason: 'status_change_reason',
  severity: 'severity',
  priority: 'priority',
  channel: 'channel',
  assigneeTeam: 'assignee_team',
  escalationLevel: 'escalation_level',
  resolutionDate: 'resolution_date',
};

export class TicketStore {
  readonly #db: SandboxDatabase;
  readonly #cache: StatementCache;
  readonly #byId: Statement<[string], TicketRow>;
  readonly #nextSeq: Statement<[], { next: number }>;
  readonly #insert: Statement<Record<string, unknown>>;
  readonly #insertRelated: Statement<[number, number, string, string, string, string | null]>;
  readonly #insertNote: Statement<[number, string, string, string, string, string, number]>;
  readonly #insertStatus: Statement<[number, string, string | null, string, string, number]>;

  constructor(db: SandboxDatabase) {
    this.#db = db;
    this.#cache = new StatementCache(db);
    this.#byId = db.prepare(`SELECT ${TICKET_COLUMNS} FROM trouble_ticket t JOIN billing_account a ON a.id = t.billing_account_id WHERE t.id = ?`);
    this.#nextSeq = db.prepare(`SELECT coalesce(max(seq) + 1, ${FIRST_TICKET_SEQ}) AS next FROM trouble_ticket`);
    this.#insert = db.prepare(
      `INSERT INTO trouble_ticket (seq, id, billing_account_id, name, description, ticket_type, severity, priority, status,
         status_change_reason, status_change_date, channel, assignee_team, escalation_level, creator_id, creator_name,
         created_at, last_update, resolution_date)
       VALUES (@seq, @id, @billingAccountId, @name, @description, @ticketType, @severity, @priority, @status,
         @statusChangeReason, @at, @channel, @assigneeTeam, 0, @creatorId, @creatorName, @at, @at, NULL)`,
    );
    this.#insertRelated = db.prepare(
      'INSERT INTO trouble_ticket_related_entity (ticket_seq, seq, entity_id, referred_type, role, name) VALUES (?, ?, ?, ?, ?, ?)',
    );
    // Sequence numbers continue from the ticket's last one, inside the insert itself.
    this.#insertNote = db.prepare(
      `INSERT INTO trouble_ticket_note (ticket_seq, seq, kind, author, author_role, date, text)
       SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ? FROM trouble_ticket_note WHERE ticket_seq = ?`,
    );
    this.#insertStatus = db.prepare(
      `INSERT INTO trouble_ticket_status_change (ticket_seq, seq, status, reason, date, changed_by)
       SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ? FROM trouble_ticket_status_change WHERE ticket_seq = ?`,
    );
  }

  /** Creates a ticket with its first status entry; returns its id. */
  create(ticket: NewTicket): string {
    return this.#db.transaction(() => {
      const seq = this.#nextSeq.get()!.next;
      const id = `TT-${seq}`;
      const { related: _related, ...columns } = ticket;
      this.#insert.run({ ...columns, seq, id, statusChangeReason: ticket.statusChangeReason ?? null });
      ticket.related.forEach((entity, index) => this.#insertRelated.run(seq, index + 1, entity.entityId, entity.referredType, entity.role, entity.name));
      this.recordStatus(seq, ticket.status, ticket.statusChangeReason ?? null, ticket.at, ticket.creatorName);
      return id;
    })();
  }

  ticket(id: string): TicketRow | undefined {
    return this.#byId.get(id);
  }

  /** Newest first. */
  list(criteria: Criteria, page: Page): { total: number; rows: TicketRow[] } {
    return pagedRows(
      this.#cache,
      {
        countFrom: 'FROM trouble_ticket t',
        select: `SELECT ${TICKET_COLUMNS} FROM trouble_ticket t JOIN billing_account a ON a.id = t.billing_account_id`,
        orderBy: 'ORDER BY t.seq DESC',
      },
      criteria,
      page,
    );
  }

  relatedOf(seqs: readonly number[]): Map<number, RelatedEntityRow[]> {
    return this.#children<RelatedEntityRow>(
      `SELECT ticket_seq AS ticketSeq, entity_id AS entityId, referred_type AS referredType, role, name
         FROM trouble_ticket_related_entity WHERE ticket_seq IN (SELECT value FROM json_each(@seqs)) ORDER BY ticket_seq, seq`,
      seqs,
    );
  }

  notesOf(seqs: readonly number[]): Map<number, NoteRow[]> {
    return this.#children<NoteRow>(
      `SELECT ticket_seq AS ticketSeq, seq, kind, author, author_role AS authorRole, date, text
         FROM trouble_ticket_note WHERE ticket_seq IN (SELECT value FROM json_each(@seqs)) ORDER BY ticket_seq, seq`,
      seqs,
    );
  }

  statusChangesOf(seqs: readonly number[]): Map<number, StatusChangeRow[]> {
    return this.#children<StatusChangeRow>(
      `SELECT ticket_seq AS ticketSeq, status, reason, date, changed_by AS changedBy
         FROM trouble_ticket_status_change WHERE ticket_seq IN (SELECT value FROM json_each(@seqs)) ORDER BY ticket_seq, seq`,
      seqs,
    );
  }

  /** Applies changes and stamps the last update; the caller records what changed and who did it. */
  update(seq: number, changes: TicketChanges, at: string): void {
    const sets = ['last_update = @at'];
    for (const [key, column] of Object.entries(CHANGE_COLUMNS) as [keyof TicketChanges, string][]) {
      if (key in changes) sets.push(`${column} = @${key}`);
    }
    if ('status' in changes) sets.push('status_change_date = @at');
    this.#cache.get(`UPDATE trouble_ticket SET ${sets.join(', ')} WHERE seq = @seq`).run({ ...changes, seq, at });
  }

  addNote(seq: number, kind: NoteKind, author: Actor, date: string, text: string): void {
    this.#insertNote.run(seq, kind, author.name, author.role, date, text, seq);
  }

  recordStatus(seq: number, status: TicketStatus, reason: string | null, date: string, changedBy: string): void {
    this.#insertStatus.run(seq, status, reason, date, changedBy, seq);
  }

  #children<R extends { ticketSeq: number }>(sql: string, seqs: readonly number[]): Map<number, R[]> {
    const groups = new Map<number, R[]>();
    for (const row of this.#cache.get<R>(sql).all({ seqs: JSON.stringify(seqs) })) {
      const group = groups.get(row.ticketSeq);
      if (group) group.push(row);
      else groups.set(row.ticketSeq, [row]);
    }
    return groups;
  }
}
