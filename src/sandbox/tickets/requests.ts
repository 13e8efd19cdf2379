/**
 * Validation of the TMF621 request bodies: TroubleTicket_Create, the merge patch (RFC 7396) of
 * TroubleTicket_Update, and the espace `escalate` task. Anything unknown or malformed answers 400
 * with a message that names the attribute and what it accepts.
 */
import { isObject, rejectOthers } from '../body.js';
import { TmfError } from '../tmf-errors.js';
import { CHANNELS, PRIORITIES, SEVERITIES, TICKET_STATUSES, TICKET_TYPES } from './lifecycle.js';
import type { ChangeRequest, OpenTicketRequest, RelatedRequest } from './service.js';

const MAX_NAME = 120;
const MAX_TEXT = 8000;

function requireObject(body: unknown, what: string): Record<string, unknown> {
  if (!isObject(body)) throw new TmfError(400, `The request body must be a JSON object (${what})`);
  return body;
}

/** Printable text (line breaks and tabs allowed), trimmed, non-empty, of bounded length. */
function text(value: unknown, name: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  const ok = typeof value === 'string' && value.trim() !== '' && value.length <= max && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value);
  if (!ok) throw new TmfError(400, `"${name}" must be non-empty text of at most ${max} characters, without control characters`);
  return (value as string).trim();
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new TmfError(400, `"${name}" must be one of: ${allowed.join(', ')}`);
  }
  return value as T;
}

function optional<T>(body: Record<string, unknown>, name: string, parse: (value: unknown, name: string) => T): T | undefined {
  return name in body ? parse(body[name], name) : undefined;
}

function channelId(value: unknown, name: string): string {
  const id = isObject(value) ? (value.id ?? value.name) : undefined;
  return oneOf(id, `${name}.id`, CHANNELS);
}

function relatedEntities(value: unknown): RelatedRequest[] {
  if (!Array.isArray(value)) throw new TmfError(400, '"relatedEntity" must be an array');
  return value.map((entity, index) => {
    const where = `relatedEntity[${index}]`;
    if (!isObject(entity) || typeof entity.id !== 'string' || entity.id === '' || typeof entity['@referredType'] !== 'string') {
      throw new TmfError(400, `"${where}" needs a string "id" and "@referredType"`);
    }
    return {
      id: entity.id,
      referredType: entity['@referredType'],
      ...(typeof entity.role === 'string' ? { role: text(entity.role, `${where}.role`, 40) } : {}),
    };
  });
}

/** Notes to add: items without an `id` are new (TMF621 sends the whole array; known ones are kept). */
function newNotes(value: unknown): string[] {
  if (!Array.isArray(value)) throw new TmfError(400, '"note" must be an array');
  return value
    .filter((note) => !(isObject(note) && 'id' in note))
    .map((note, index) => {
      if (!isObject(note)) throw new TmfError(400, `"note[${index}]" must be an object with "text"`);
      return text(note.text, `note[${index}].text`, MAX_TEXT);
    });
}

export function parseCreate(raw: unknown): OpenTicketRequest {
  const body = requireObject(raw, 'TroubleTicket_Create');
  rejectOthers(body, ['name', 'description', 'ticketType', 'severity', 'priority', 'channel', 'relatedEntity', 'note', '@type', '@baseType']);
  const related = 'relatedEntity' in body ? relatedEntities(body.relatedEntity) : [];
  const account = related.filter((entity) => entity.referredType === 'BillingAccount');
  if (account.length > 1) throw new TmfError(400, 'A ticket concerns one billing account; "relatedEntity" names several');
  const notes = 'note' in body ? newNotes(body.note) : [];
  return {
    accountId: account[0]?.id,
    name: optional(body, 'name', (value, name) => text(value, name, MAX_NAME)),
    description: text(body.description, 'description', MAX_TEXT),
    ticketType: oneOf(body.ticketType, 'ticketType', TICKET_TYPES),
    severity: oneOf(body.severity, 'severity', SEVERITIES),
    priority: optional(body, 'priority', (value, name) => oneOf(value, name, PRIORITIES)),
    channel: optional(body, 'channel', channelId),
    related,
    comments: notes,
  };
}

export function parsePatch(raw: unknown): ChangeRequest {
  const body = requireObject(raw, 'a JSON merge patch of TroubleTicket_Update');
  rejectOthers(body, ['status', 'statusChangeReason', 'severity', 'priority', 'channel', 'note']);
  const request: ChangeRequest = {
    status: optional(body, 'status', (value, name) => oneOf(value, name, TICKET_STATUSES)),
    statusChangeReason: optional(body, 'statusChangeReason', (value, name) => text(value, name, MAX_NAME * 4)),
    severity: optional(body, 'severity', (value, name) => oneOf(value, name, SEVERITIES)),
    priority: optional(body, 'priority', (value, name) => oneOf(value, name, PRIORITIES)),
    channel: optional(body, 'channel', channelId),
    notes: 'note' in body ? newNotes(body.note) : undefined,
  };
  if (Object.values(request).every((value) => value === undefined)) {
    throw new TmfError(400, 'The patch changes nothing; patchable: status, statusChangeReason, severity, priority, channel, note');
  }
  return request;
}

export function parseEscalation(raw: unknown): string {
  const body = requireObject(raw, '{"reason": "…"}');
  rejectOthers(body, ['reason']);
  return text(body.reason, 'reason', MAX_TEXT);
}
