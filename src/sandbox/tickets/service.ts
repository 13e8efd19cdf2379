/**
 * What can be done to a ticket, by whom: open one, change it (status, severity, priority, channel,
 * notes), escalate it. Every change is written down on the ticket with the name of who made it.
 * The HTTP routes and the live chat both go through here.
 */
import type { Principal } from '../auth/principal.js';
import type { SandboxContext } from '../context.js';
import { type Actor, type NewTicket, type RelatedEntityRow, type TicketChanges, type TicketRow, TicketStore } from './store.js';
import { TmfError } from '../tmf-errors.js';
import {
  type Priority,
  type Severity,
  TEAMS,
  TICKET_STATUSES,
  TRANSITIONS,
  type TicketStatus,
  type TicketType,
  customerMayMove,
  escalationTarget,
  initialPriority,
  isStaff,
  levelOf,
  raisedPriority,
} from './lifecycle.js';

/** An entity the new ticket is about, as the client names it. */
export interface RelatedRequest {
  id: string;
  referredType: string;
  role?: string;
}

export interface OpenTicketRequest {
  accountId?: string;
  name?: string;
  description: string;
  ticketType: TicketType;
  severity: Severity;
  priority?: Priority;
  channel?: string;
  status?: TicketStatus;
  statusChangeReason?: string;
  related: readonly RelatedRequest[];
  /** Comments of the author's, added with the ticket. */
  comments?: readonly string[];
  /** Notes by others to attach at once (a chat transcript), in order. */
  notes?: readonly { kind: 'comment' | 'chat'; author: Actor; date: string; text: string }[];
}

export interface ChangeRequest {
  status?: TicketStatus;
  statusChangeReason?: string;
  severity?: Severity;
  priority?: Priority;
  channel?: string;
  notes?: readonly string[];
}

/** The states a ticket cannot leave: those of the state machine with no way out. */
const FINAL: ReadonlySet<TicketStatus> = new Set(TICKET_STATUSES.filter((status) => TRANSITIONS[status].length === 0));

export class TicketService {
  readonly store: TicketStore;
  readonly #ctx: SandboxContext;

  constructor(ctx: SandboxContext) {
    this.#ctx = ctx;
    this.store = new TicketStore(ctx.db);
  }

  /** Who the principal is, by name, for the ticket's history. */
  actorOf(principal: Principal): Actor {
    const user = principal.userId ? this.#ctx.identities.userById(principal.userId) : undefined;
    return { name: user ? `${user.givenName} ${user.familyName}` : principal.clientId, role: principal.role };
  }

  /** The ticket if the principal may see it; otherwise 404, so that others' tickets do not leak. */
  visibleTicket(principal: Principal, id: string): TicketRow {
    const row = this.store.ticket(id);
    if (!row || !this.#ctx.access.canSeeAccount(principal, row.billingAccountId)) {
      throw new TmfError(404, `No troubleTicket with id "${id}"`);
    }
    return row;
  }

  open(principal: Principal, request: OpenTicketRequest): string {
    if (request.priority !== undefined && !isStaff(principal.role)) {
      throw new TmfError(403, 'Only support staff set "priority"; it follows from "severity"');
    }
    const accountId = this.#accountFor(principal, request.accountId);
    return this.record(accountId, { id: principal.userId, actor: this.actorOf(principal) }, request);
  }

  /** Writes a new ticket for an account already checked, with its first status and notes. */
  record(accountId: string, creator: { id: string | null; actor: Actor }, request: OpenTicketRequest): string {
    const at = this.#ctx.now().toISOString();
    const status = request.status ?? 'acknowledged';
    const ticket: NewTicket = {
      billingAccountId: accountId,
      name: request.name ?? request.description.split('\n')[0]!.slice(0, 80),
      description: request.description,
      ticketType: request.ticketType,
      severity: request.severity,
      priority: request.priority ?? initialPriority(request.severity),
      status,
      statusChangeReason: request.statusChangeReason,
      channel: request.channel ?? 'selfService',
      assigneeTeam: 'frontline',
      creatorId: creator.id,
      creatorName: creator.actor.name,
      at,
      related: [
        { entityId: accountId, referredType: 'BillingAccount', role: 'billingAccount', name: null },
        ...request.related.filter((entity) => entity.referredType !== 'BillingAccount').map((entity) => this.#related(accountId, entity)),
      ],
    };
    return this.#ctx.db.transaction(() => {
      const id = this.store.create(ticket);
      const seq = this.store.ticket(id)!.seq;
      if (status === 'resolved') this.store.update(seq, { resolutionDate: at }, at);
      for (const text of request.comments ?? []) this.store.addNote(seq, 'comment', creator.actor, at, text);
      for (const note of request.notes ?? []) this.store.addNote(seq, note.kind, note.author, note.date, note.text);
      return id;
    })();
  }

  change(principal: Principal, row: TicketRow, request: ChangeRequest): void {
    const actor = this.actorOf(principal);
    const staff = isStaff(principal.role);
    if (!staff && (request.priority !== undefined || request.channel !== undefined)) {
      throw new TmfError(403, 'Only support staff change "priority" or "channel"');
    }
    const changes: TicketChanges = {};
    const log: string[] = [];
    if (request.status !== undefined && request.status !== row.status) {
      if (!TRANSITIONS[row.status].includes(request.status)) {
        const allowed = TRANSITIONS[row.status];
        throw new TmfError(
          409,
          `Ticket ${row.id} cannot go from "${row.status}" to "${request.status}"; ` +
            (allowed.length ? `from "${row.status}" it may go to: ${allowed.join(', ')}` : `"${row.status}" is final`),
        );
      }
      if (!staff && !customerMayMove(row.status, request.status)) {
        throw new TmfError(403, `Only support staff move a ticket from "${row.status}" to "${request.status}"`);
      }
      changes.status = request.status;
      changes.statusChangeReason = request.statusChangeReason ?? null;
      if (request.status === 'resolved') changes.resolutionDate = this.#ctx.now().toISOString();
      if (row.status === 'resolved' && request.status === 'inProgress') changes.resolutionDate = null;
    }
    const fieldChanges: [keyof ChangeRequest & keyof TicketRow, string | undefined][] = [
      ['severity', request.severity],
      ['priority', request.priority],
      ['channel', request.channel],
    ];
    for (const [field, value] of fieldChanges) {
      if (value === undefined || value === row[field]) continue;
      if (FINAL.has(row.status)) throw new TmfError(409, `Ticket ${row.id} is ${row.status}; its ${field} can no longer change`);
      (changes as Record<string, unknown>)[field] = value;
      log.push(`${field}: ${String(row[field])} → ${value}`);
    }
    const at = this.#ctx.now().toISOString();
    this.#ctx.db.transaction(() => {
      this.store.update(row.seq, changes, at);
      if (changes.status) this.store.recordStatus(row.seq, changes.status, changes.statusChangeReason ?? null, at, actor.name);
      if (log.length) this.store.addNote(row.seq, 'change', actor, at, log.join('; '));
      for (const text of request.notes ?? []) this.store.addNote(row.seq, 'comment', actor, at, text);
    })();
  }

  /** Raises the priority one step and routes the case to the next team up. */
  escalate(principal: Principal, row: TicketRow, reason: string): void {
    if (FINAL.has(row.status) || row.status === 'resolved') {
      throw new TmfError(409, `Ticket ${row.id} is ${row.status}; only an open ticket can be escalated`);
    }
    const target = escalationTarget(row.ticketType, row.escalationLevel);
    if (!target) throw new TmfError(409, `Ticket ${row.id} is already with ${TEAMS[row.assigneeTeam].name}, the highest level`);
    const actor = this.actorOf(principal);
    const priority = raisedPriority(row.priority);
    const at = this.#ctx.now().toISOString();
    this.#ctx.db.transaction(() => {
      this.store.update(row.seq, { assigneeTeam: target, escalationLevel: levelOf(target), priority }, at);
      this.store.addNote(
        row.seq,
        'change',
        actor,
        at,
        `Escalated to ${TEAMS[target].name} (assignee: ${TEAMS[row.assigneeTeam].name} → ${TEAMS[target].name}; ` +
          `priority: ${row.priority} → ${priority}). Reason: ${reason}`,
      );
    })();
  }

  #accountFor(principal: Principal, requested: string | undefined): string {
    if (requested !== undefined) {
      if (!this.#ctx.accounts.account(requested) || !this.#ctx.access.canSeeAccount(principal, requested)) {
        throw new TmfError(404, `No billingAccount with id "${requested}"`);
      }
      return requested;
    }
    const own = principal.userId ? this.#ctx.identities.accountsOf(principal.userId) : [];
    if (principal.role === 'customer' && own.length === 1) return own[0]!.id;
    throw new TmfError(400, 'Name the billing account: a "relatedEntity" with "@referredType": "BillingAccount"');
  }

  /** A bill or bill line the ticket is about; it must belong to the ticket's account. */
  #related(accountId: string, entity: RelatedRequest): Omit<RelatedEntityRow, 'ticketSeq'> {
    if (entity.referredType === 'CustomerBill') {
      const bill = this.#ctx.bills.bill(entity.id);
      if (!bill || bill.billingAccountId !== accountId) {
        throw new TmfError(400, `No customerBill "${entity.id}" on account ${accountId}`);
      }
      return { entityId: bill.id, referredType: 'CustomerBill', role: entity.role ?? 'disputedBill', name: bill.billNo };
    }
    if (entity.referredType === 'AppliedCustomerBillingRate') {
      const rate = this.#ctx.bills.rate(entity.id);
      if (!rate || rate.billingAccountId !== accountId) {
        throw new TmfError(400, `No appliedCustomerBillingRate "${entity.id}" on account ${accountId}`);
      }
      return { entityId: rate.id, referredType: 'AppliedCustomerBillingRate', role: entity.role ?? 'disputedItem', name: rate.name };
    }
    throw new TmfError(400, `relatedEntity "@referredType" must be BillingAccount, CustomerBill or AppliedCustomerBillingRate, got "${entity.referredType}"`);
  }
}
