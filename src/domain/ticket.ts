/**
 * A support ticket as the CLI understands it (TMF621 trouble ticket), and its timeline: notes and
 * status changes merged in time order, so that `ticket show` tells the case's story.
 */

export const TICKET_TYPES = ['technical', 'billing', 'serviceRequest', 'move'] as const;
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export const TICKET_STATUSES = ['acknowledged', 'inProgress', 'pending', 'held', 'resolved', 'closed', 'rejected', 'cancelled'] as const;
/** The statuses of a case still being worked on (`--status open`). */
export const OPEN_STATUSES = ['acknowledged', 'inProgress', 'pending', 'held'] as const;
/** Statuses after which nothing more happens. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['closed', 'rejected', 'cancelled']);

export interface TicketParty {
  id: string;
  name?: string;
}

export interface TicketEntity {
  id: string;
  type: string;
  role?: string;
  name?: string;
}

export interface TicketNote {
  author?: string;
  date?: string;
  text: string;
  /** comment, change (a record of who changed what) or chat (a transcript line). */
  kind: string;
}

export interface TicketStatusChange {
  status: string;
  reason?: string;
  date?: string;
  by?: string;
}

export interface Ticket {
  id: string;
  subject: string;
  description: string;
  type: string;
  severity: string;
  priority?: string;
  status: string;
  statusReason?: string;
  created?: string;
  updated?: string;
  resolved?: string;
  channel?: string;
  customer?: TicketParty;
  assignee?: TicketParty;
  escalationLevel?: number;
  related: TicketEntity[];
  notes: TicketNote[];
  statusChanges: TicketStatusChange[];
}

export type TimelineEntry =
  | { kind: 'status'; date?: string; by?: string; status: string; reason?: string }
  | { kind: 'note'; date?: string; by?: string; noteKind: string; text: string };

/** Notes and status changes in time order; at equal times a status change comes first. */
export function ticketTimeline(ticket: Ticket): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...ticket.statusChanges.map((change) => ({ kind: 'status' as const, date: change.date, by: change.by, status: change.status, reason: change.reason })),
    ...ticket.notes.map((note) => ({ kind: 'note' as const, date: note.date, by: note.author, noteKind: note.kind, text: note.text })),
  ];
  // A stable sort keeps each list's own order among entries of the same instant.
  return entries.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

/** What `ticket close` asks for: a resolved case is closed, an open one withdrawn (cancelled). */
export function closingStatus(status: string): 'closed' | 'cancelled' | undefined {
  if (FINAL_STATUSES.has(status)) return undefined;
  return status === 'resolved' ? 'closed' : 'cancelled';
}
