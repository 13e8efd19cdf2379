/**
 * TMF621 request bodies, once Fastify has checked them against ./contract.ts, turned into the
 * service's requests: TroubleTicket_Create, the merge patch (RFC 7396) of TroubleTicket_Update, and
 * the espace `escalate` task. What JSON Schema cannot say is checked here, answering 400 with a
 * message that names the attribute.
 */
import { TmfError } from '../tmf-errors.js';
import type { Escalation, TroubleTicketCreate, TroubleTicketUpdate } from './contract.js';
import { CHANNELS } from './lifecycle.js';
import type { ChangeRequest, OpenTicketRequest, RelatedRequest } from './service.js';

/** Printable text (line breaks and tabs allowed), trimmed; the contract bounds its length. */
function printable(value: string, name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  if (value.trim() === '' || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) {
    throw new TmfError(400, `"${name}" must be non-blank text without control characters`);
  }
  return value.trim();
}

/** The channel's id, or its name when it has no id (the contract checks an id, not a name). */
function channelId(channel: { id?: string; name?: string }, name: string): string {
  const id = channel.id ?? channel.name;
  if (id === undefined || !(CHANNELS as readonly string[]).includes(id)) throw new TmfError(400, `"${name}.id" must be one of: ${CHANNELS.join(', ')}`);
  return id;
}

function relatedEntities(entities: NonNullable<TroubleTicketCreate['relatedEntity']>): RelatedRequest[] {
  return entities.map((entity, index) => ({
    id: entity.id,
    referredType: entity['@referredType'],
    ...(entity.role !== undefined ? { role: printable(entity.role, `relatedEntity[${index}].role`) } : {}),
  }));
}

/** Notes to add: items without an `id` are new (TMF621 sends the whole array; known ones are kept). */
function newNotes(notes: NonNullable<TroubleTicketCreate['note']>): string[] {
  return notes
    .filter((note) => note.id === undefined)
    .map((note, index) => {
      if (note.text === undefined) throw new TmfError(400, `"note[${index}]" needs "text"`);
      return printable(note.text, `note[${index}].text`);
    });
}

export function parseCreate(body: TroubleTicketCreate): OpenTicketRequest {
  const related = body.relatedEntity ? relatedEntities(body.relatedEntity) : [];
  const account = related.filter((entity) => entity.referredType === 'BillingAccount');
  if (account.length > 1) throw new TmfError(400, 'A ticket concerns one billing account; "relatedEntity" names several');
  return {
    accountId: account[0]?.id,
    name: body.name !== undefined ? printable(body.name, 'name') : undefined,
    description: printable(body.description, 'description'),
    ticketType: body.ticketType,
    severity: body.severity,
    priority: body.priority,
    channel: body.channel ? channelId(body.channel, 'channel') : undefined,
    related,
    comments: body.note ? newNotes(body.note) : [],
  };
}

export function parsePatch(body: TroubleTicketUpdate): ChangeRequest {
  const request: ChangeRequest = {
    status: body.status,
    statusChangeReason: body.statusChangeReason !== undefined ? printable(body.statusChangeReason, 'statusChangeReason') : undefined,
    severity: body.severity,
    priority: body.priority,
    channel: body.channel ? channelId(body.channel, 'channel') : undefined,
    notes: body.note ? newNotes(body.note) : undefined,
  };
  if (Object.values(request).every((value) => value === undefined)) {
    throw new TmfError(400, 'The patch changes nothing; patchable: status, statusChangeReason, severity, priority, channel, note');
  }
  return request;
}

export function parseEscalation(body: Escalation): string {
  return printable(body.reason, 'reason');
}
