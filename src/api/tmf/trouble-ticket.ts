/** TMF621 Trouble Ticket: `troubleTicket`, mapped to the domain's Ticket, and the calls espace makes. */
import * as z from 'zod';
import { closingStatus, type Ticket } from '../../domain/ticket.js';
import type { HttpClient, HttpResponse } from '../http.js';
import { billingAccountIdsOf, check, listMatching, newestFirst } from './checked-list.js';
import { parseResource } from './common.js';

export const TROUBLE_TICKET_PATH = '/tmf-api/troubleTicket/v4/troubleTicket';

const Party = z.looseObject({ id: z.string(), name: z.string().optional(), role: z.string().optional() });

export const TroubleTicket = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  description: z.string(),
  ticketType: z.string().optional(),
  severity: z.string().optional(),
  priority: z.string().optional(),
  status: z.string(),
  statusChangeReason: z.string().optional(),
  creationDate: z.string().optional(),
  lastUpdate: z.string().optional(),
  resolutionDate: z.string().optional(),
  channel: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  escalationLevel: z.number().optional(),
  relatedParty: z.array(Party).optional(),
  relatedEntity: z
    .array(z.looseObject({ id: z.string(), name: z.string().optional(), role: z.string().optional(), '@referredType': z.string().optional() }))
    .optional(),
  note: z.array(z.looseObject({ author: z.string().optional(), date: z.string().optional(), text: z.string(), noteType: z.string().optional() })).optional(),
  statusChange: z
    .array(z.looseObject({ status: z.string(), changeReason: z.string().optional(), changeDate: z.string().optional(), changedBy: z.string().optional() }))
    .optional(),
});
export type TroubleTicket = z.infer<typeof TroubleTicket>;

function party(parties: TroubleTicket['relatedParty'], role: string) {
  const found = parties?.find((p) => p.role === role);
  return found ? { id: found.id, name: found.name } : undefined;
}

export function toTicket(ticket: TroubleTicket): Ticket {
  return {
    id: ticket.id,
    subject: ticket.name ?? ticket.description.split('\n')[0] ?? ticket.id,
    description: ticket.description,
    type: ticket.ticketType ?? '',
    severity: ticket.severity ?? '',
    priority: ticket.priority,
    status: ticket.status,
    statusReason: ticket.statusChangeReason,
    created: ticket.creationDate,
    updated: ticket.lastUpdate,
    resolved: ticket.resolutionDate,
    channel: ticket.channel?.id ?? ticket.channel?.name,
    customer: party(ticket.relatedParty, 'customer'),
    assignee: party(ticket.relatedParty, 'assignee'),
    escalationLevel: ticket.escalationLevel,
    related: (ticket.relatedEntity ?? []).map((entity) => ({ id: entity.id, type: entity['@referredType'] ?? '', role: entity.role, name: entity.name })),
    notes: (ticket.note ?? []).map((note) => ({ author: note.author, date: note.date, text: note.text, kind: note.noteType ?? 'comment' })),
    statusChanges: (ticket.statusChange ?? []).map((change) => ({
      status: change.status,
      reason: change.changeReason,
      date: change.changeDate,
      by: change.changedBy,
    })),
  };
}

const ticketPath = (id: string) => `${TROUBLE_TICKET_PATH}/${encodeURIComponent(id)}`;
const parseTicket = (response: HttpResponse, path: string) => toTicket(parseResource(TroubleTicket, response, 'TroubleTicket', path));

export interface TicketQuery {
  statuses?: readonly string[];
  accountId?: string;
  limit?: number;
}

/**
 * The attributes a ticket list shows (TMF630 `fields`): all standard TMF621 ones. Notes and the
 * status history are left to `ticket show`.
 */
export const LIST_FIELDS = [
  'id',
  'name',
  'description',
  'ticketType',
  'severity',
  'priority',
  'status',
  'statusChangeReason',
  'lastUpdate',
  'creationDate',
  'resolutionDate',
  'channel',
  'relatedParty',
  'relatedEntity',
] as const;

/**
 * Only the attributes asked for: `fields` is a request, and a server that ignores it sends the
 * whole ticket, which must not change what the list shows.
 */
export function asked(ticket: TroubleTicket): TroubleTicket {
  const kept: Record<string, unknown> = {};
  for (const name of LIST_FIELDS) if (ticket[name] !== undefined) kept[name] = ticket[name];
  return kept as TroubleTicket;
}

/**
 * The tickets in `statuses` about an account (or all of them), newest first, at most `limit`:
 * each checked against the filters sent, all read and sorted here, as a server may ignore order.
 */
export async function listTickets(client: HttpClient, query: TicketQuery): Promise<Ticket[]> {
  const statuses = query.statuses?.join(',');
  const tickets = await listMatching(client, TROUBLE_TICKET_PATH, TroubleTicket, 'TroubleTicket', {
    query: {
      status: statuses,
      'billingAccount.id': query.accountId,
      fields: LIST_FIELDS.join(','),
    },
    checks: [
      check('status', statuses, (ticket: TroubleTicket) => query.statuses!.includes(ticket.status)),
      // TMF621 has no billingAccount attribute: the account is among the related entities.
      check(
        'billingAccount.id',
        query.accountId,
        (ticket: TroubleTicket, account) => billingAccountIdsOf(ticket)?.includes(account),
        'relatedEntity (BillingAccount)',
      ),
    ],
  });
  return newestFirst(tickets, (ticket) => ticket.creationDate)
    .slice(0, query.limit)
    .map((ticket) => toTicket(asked(ticket)));
}

export async function getTicket(client: HttpClient, id: string): Promise<Ticket> {
  const path = ticketPath(id);
  const response = await client.get(path);
  return parseTicket(response, path);
}

export interface NewTicket {
  subject?: string;
  description: string;
  type: string;
  severity: string;
  accountId?: string;
  /** Bills and bill lines the ticket is about (a dispute). */
  related?: { id: string; type: 'CustomerBill' | 'AppliedCustomerBillingRate'; role: string }[];
}

export async function openTicket(client: HttpClient, ticket: NewTicket): Promise<Ticket> {
  const response = await client.request({
    method: 'POST',
    path: TROUBLE_TICKET_PATH,
    json: {
      ...(ticket.subject ? { name: ticket.subject } : {}),
      description: ticket.description,
      ticketType: ticket.type,
      severity: ticket.severity,
      channel: { id: 'selfService' },
      relatedEntity: [
        ...(ticket.accountId ? [{ id: ticket.accountId, role: 'billingAccount', '@referredType': 'BillingAccount' }] : []),
        ...(ticket.related ?? []).map((entity) => ({ id: entity.id, role: entity.role, '@referredType': entity.type })),
      ],
    },
  });
  return parseTicket(response, TROUBLE_TICKET_PATH);
}

export interface TicketPatch {
  status?: string;
  statusChangeReason?: string;
  note?: string;
}

export async function patchTicket(client: HttpClient, id: string, patch: TicketPatch): Promise<Ticket> {
  const path = ticketPath(id);
  const response = await client.request({
    method: 'PATCH',
    path,
    json: {
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.statusChangeReason ? { statusChangeReason: patch.statusChangeReason } : {}),
      ...(patch.note ? { note: [{ text: patch.note }] } : {}),
    },
  });
  return parseTicket(response, path);
}

/**
 * Ends a ticket the way TMF621 allows: a resolved ticket is closed (resolution confirmed), one
 * still open is withdrawn (cancelled), since only resolved tickets may be closed. `status` is
 * undefined, and nothing is changed, when the ticket had already reached a final status.
 */
export async function closeTicket(
  client: HttpClient,
  id: string,
  reasons: { closed: string; cancelled: string },
): Promise<{ ticket: Ticket; status: 'closed' | 'cancelled' | undefined }> {
  const current = await getTicket(client, id);
  const status = closingStatus(current.status);
  if (!status) return { ticket: current, status };
  return { ticket: await patchTicket(client, current.id, { status, statusChangeReason: reasons[status] }), status };
}

export async function escalateTicket(client: HttpClient, id: string, reason: string): Promise<Ticket> {
  const path = `${ticketPath(id)}/escalate`;
  const response = await client.request({ method: 'POST', path, json: { reason } });
  return parseTicket(response, path);
}
