/**
 * TMF621 representation. A ticket is the documented subtype `EspaceTroubleTicket`: `priority`,
 * the `assignee` in `relatedParty` and `escalationLevel`; notes say who wrote them (`author`) and
 * what they are (`noteType`: comment, change or chat), and every status change says who made it
 * (`changedBy`), so that the ticket itself answers "who changed what, and when".
 */
import type { NoteRow, RelatedEntityRow, StatusChangeRow, TicketRow } from './store.js';
import { TEAMS } from './lifecycle.js';
import { accountHref, billHref, rateHref } from '../resources/paths.js';

export const TROUBLE_TICKET_API = '/tmf-api/troubleTicket/v4';
export const ESPACE_TROUBLE_TICKET = 'EspaceTroubleTicket';

export function ticketHref(origin: string, id: string): string {
  return `${origin}${TROUBLE_TICKET_API}/troubleTicket/${encodeURIComponent(id)}`;
}

export interface TicketChildren {
  related?: readonly RelatedEntityRow[];
  notes?: readonly NoteRow[];
  statusChanges?: readonly StatusChangeRow[];
}

function entityHref(origin: string, entity: RelatedEntityRow): string | undefined {
  switch (entity.referredType) {
    case 'BillingAccount':
      return accountHref(origin, entity.entityId);
    case 'CustomerBill':
      return billHref(origin, entity.entityId);
    case 'AppliedCustomerBillingRate':
      return rateHref(origin, entity.entityId);
    default:
      return undefined;
  }
}

/** Children left undefined (not loaded because `fields` excludes them) are left out. */
export function troubleTicketResource(origin: string, row: TicketRow, children: TicketChildren) {
  const team = TEAMS[row.assigneeTeam];
  return {
    id: row.id,
    href: ticketHref(origin, row.id),
    name: row.name,
    description: row.description,
    ticketType: row.ticketType,
    severity: row.severity,
    priority: row.priority,
    status: row.status,
    ...(row.statusChangeReason ? { statusChangeReason: row.statusChangeReason } : {}),
    statusChangeDate: row.statusChangeDate,
    creationDate: row.createdAt,
    lastUpdate: row.lastUpdate,
    ...(row.resolutionDate ? { resolutionDate: row.resolutionDate } : {}),
    channel: { id: row.channel, name: row.channel },
    escalationLevel: row.escalationLevel,
    relatedParty: [
      { id: row.ownerPartyId, name: row.ownerName, role: 'customer', '@referredType': 'Individual' },
      { id: team.id, name: team.name, role: 'assignee', '@referredType': 'Organization' },
    ],
    ...(children.related
      ? {
          relatedEntity: children.related.map((entity) => ({
            id: entity.entityId,
            ...(entityHref(origin, entity) ? { href: entityHref(origin, entity) } : {}),
            ...(entity.name ? { name: entity.name } : {}),
            role: entity.role,
            '@referredType': entity.referredType,
          })),
        }
      : {}),
    ...(children.notes
      ? {
          note: children.notes.map((note) => ({
            id: String(note.seq),
            author: note.author,
            authorRole: note.authorRole,
            date: note.date,
            text: note.text,
            noteType: note.kind,
            '@type': 'EspaceNote',
          })),
        }
      : {}),
    ...(children.statusChanges
      ? {
          statusChange: children.statusChanges.map((change) => ({
            status: change.status,
            ...(change.reason ? { changeReason: change.reason } : {}),
            changeDate: change.date,
            changedBy: change.changedBy,
            '@type': 'EspaceStatusChange',
          })),
        }
      : {}),
    '@type': ESPACE_TROUBLE_TICKET,
    '@baseType': 'TroubleTicket',
  };
}
