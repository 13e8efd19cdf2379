/**
 * The wire contract of TMF621 troubleTicket as the sandbox serves it, with the espace `escalate`
 * task (see ../contract/route-schema.ts). Request bodies are refused when they carry a field not
 * listed here; checks JSON Schema cannot state (blank text, control characters, one billing account
 * per ticket, a patch that changes something) stay in ./requests.ts.
 */
import * as z from 'zod';
import { ErrorModel, filter, idParams, listQuery, retrieveQuery } from '../contract/tmf-common.js';
import { model, queryNames, routeSchema } from '../contract/route-schema.js';
import { CHANNELS, PRIORITIES, SEVERITIES, TICKET_STATUSES, TICKET_TYPES } from './lifecycle.js';
import { ESPACE_TROUBLE_TICKET } from './resource.js';

/** Longest subject, and longest free text (description, note, reason). */
const MAX_NAME = 120;
const MAX_TEXT = 8000;

const TAGS = ['troubleTicket'];
const dateTime = (description: string) => z.string().describe(description).meta({ format: 'date-time' });
const text = (description: string, max: number) => z.string().min(1).max(max).describe(description);

const ChannelModel = z
  .object({
    id: z.enum(CHANNELS).describe('Channel').optional(),
    name: z.string().describe('Same as id (read when id is absent)').optional(),
  })
  .describe('How the ticket came in');

const RelatedEntityModel = z
  .object({
    id: z.string().min(1).describe('Identifier'),
    href: z.string().describe('Link').meta({ format: 'uri' }).optional(),
    name: z.string().describe('Bill number, line name…').optional(),
    role: z.string().max(40).describe('billingAccount, disputedBill or disputedItem').optional(),
    '@referredType': z.string().describe('BillingAccount, CustomerBill or AppliedCustomerBillingRate'),
  })
  .describe('What the ticket is about: a billing account, a disputed bill or bill line');

const NoteModel = z
  .object({
    id: z.string().describe('Sequence number on the ticket; a note sent with an id is one already there, and is left as it is').optional(),
    author: z.string().describe('Who wrote it (or made the change)').optional(),
    authorRole: z.string().describe('customer or agent').optional(),
    date: dateTime('When').optional(),
    text: text('The note', MAX_TEXT).optional(),
    noteType: z.enum(['comment', 'change', 'chat']).describe('comment, change (a record of who changed what) or chat (a transcript line)').optional(),
    '@type': z.string().describe('EspaceNote').optional(),
  })
  .describe('A note; a new one (without id) needs text');

const TroubleTicketModel = model(
  ESPACE_TROUBLE_TICKET,
  z
    .object({
      id: z.string().describe('Short identifier (TT-1001)'),
      href: z.string().describe('Link').meta({ format: 'uri' }),
      name: z.string().describe('Subject'),
      description: z.string().describe('What the customer reported'),
      ticketType: z.enum(TICKET_TYPES),
      severity: z.enum(SEVERITIES),
      priority: z.enum(PRIORITIES),
      status: z.enum(TICKET_STATUSES),
      statusChangeReason: z.string().describe('Why the last status change happened').optional(),
      statusChangeDate: dateTime('When the status last changed'),
      creationDate: dateTime('Opened'),
      lastUpdate: dateTime('Last changed'),
      resolutionDate: dateTime('Resolved').optional(),
      channel: z.object({ id: z.enum(CHANNELS).describe('Channel'), name: z.string().describe('Same as id') }),
      escalationLevel: z.number().int().describe('0 customer support, 1 billing or technical team, 2 supervisor'),
      relatedParty: z.array(
        z.object({
          id: z.string().describe('Party'),
          name: z.string().describe('Name'),
          role: z.enum(['customer', 'assignee']),
          '@referredType': z.enum(['Individual', 'Organization']),
        }),
      ),
      relatedEntity: z
        .array(
          z.object({
            id: z.string(),
            href: z.string().meta({ format: 'uri' }).optional(),
            name: z.string().optional(),
            role: z.string(),
            '@referredType': z.string(),
          }),
        )
        .optional(),
      note: z
        .array(
          z.object({
            id: z.string().describe('Sequence number on the ticket'),
            author: z.string().describe('Who wrote it (or made the change)'),
            authorRole: z.string().describe('customer or agent'),
            date: dateTime('When'),
            text: z.string(),
            noteType: z.enum(['comment', 'change', 'chat']).describe('comment, change (a record of who changed what) or chat (a transcript line)'),
            '@type': z.literal('EspaceNote'),
          }),
        )
        .optional(),
      statusChange: z
        .array(
          z.object({
            status: z.enum(TICKET_STATUSES).describe('New status'),
            changeReason: z.string().describe('Why').optional(),
            changeDate: dateTime('When'),
            changedBy: z.string().describe('Who'),
            '@type': z.literal('EspaceStatusChange'),
          }),
        )
        .optional(),
      '@type': z.literal(ESPACE_TROUBLE_TICKET),
      '@baseType': z.literal('TroubleTicket'),
    })
    .describe('TMF621 TroubleTicket with the espace extensions: priority, escalationLevel, the assignee in relatedParty, authored notes.'),
);

const TroubleTicketCreateModel = model(
  'TroubleTicket_Create',
  z.strictObject({
    name: text('Subject (default: the first line of the description)', MAX_NAME).optional(),
    description: text('What happened', MAX_TEXT),
    ticketType: z.enum(TICKET_TYPES),
    severity: z.enum(SEVERITIES).describe('Sets the first priority (minor low, major medium, critical high)'),
    priority: z.enum(PRIORITIES).describe('Staff only').optional(),
    channel: ChannelModel.optional(),
    relatedEntity: z.array(RelatedEntityModel).describe('At most one BillingAccount (default: the caller’s only account)').optional(),
    note: z.array(NoteModel).optional(),
    '@type': z.string().optional(),
    '@baseType': z.string().optional(),
  }),
);

const TroubleTicketUpdateModel = model(
  'TroubleTicket_Update',
  z
    .strictObject({
      status: z.enum(TICKET_STATUSES).describe('New status').optional(),
      statusChangeReason: text('Why', MAX_NAME * 4).optional(),
      severity: z.enum(SEVERITIES).optional(),
      priority: z.enum(PRIORITIES).describe('Staff only').optional(),
      channel: ChannelModel.describe('Staff only').optional(),
      note: z.array(NoteModel).optional(),
    })
    .describe('JSON merge patch. Notes without an id are added; notes with an id are left as they are.'),
);

const EscalationModel = model('Escalation', z.strictObject({ reason: text('Why the case needs a higher level', MAX_TEXT) }));

export type TroubleTicketCreate = z.infer<typeof TroubleTicketCreateModel>;
export type TroubleTicketUpdate = z.infer<typeof TroubleTicketUpdateModel>;
export type Escalation = z.infer<typeof EscalationModel>;

const TroubleTicketListQuery = listQuery({
  status: filter('Tickets in these states (comma-separated)', TICKET_STATUSES),
  ticketType: filter('Tickets of these types (comma-separated)', TICKET_TYPES),
  severity: filter('Tickets of these severities (comma-separated)', SEVERITIES),
  priority: filter('Tickets of these priorities (comma-separated)', PRIORITIES),
  'relatedEntity.id': filter('Tickets about these entities (a bill, a bill line, an account)'),
  'billingAccount.id': filter('Tickets of these billing accounts (espace shorthand for the BillingAccount related entity)'),
});

/** The filters `parseQuery` accepts on the list, from the same contract. */
export const TROUBLE_TICKET_FILTERS = queryNames(TroubleTicketListQuery);

const CONFLICT = { description: 'Not allowed in the current state (the message says which moves are)', schema: ErrorModel };

export const listTroubleTicket = routeSchema({
  operationId: 'listTroubleTicket',
  tags: TAGS,
  summary: 'List tickets, newest first (customers: their accounts’ tickets)',
  querystring: TroubleTicketListQuery,
  response: { 200: z.array(TroubleTicketModel) },
});

export const retrieveTroubleTicket = routeSchema({
  operationId: 'retrieveTroubleTicket',
  tags: TAGS,
  summary: 'Retrieve a ticket with its notes and status history',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: TroubleTicketModel },
});

export const createTroubleTicket = routeSchema({
  operationId: 'createTroubleTicket',
  tags: TAGS,
  summary: 'Open a ticket (status acknowledged, assigned to customer support)',
  body: TroubleTicketCreateModel,
  response: { 201: TroubleTicketModel },
});

export const patchTroubleTicket = routeSchema({
  operationId: 'patchTroubleTicket',
  tags: TAGS,
  summary: 'Change status, severity, priority or channel, or add notes (JSON merge patch)',
  description:
    'Status moves follow TMF621: acknowledged → inProgress, pending, held, resolved, rejected, cancelled; inProgress → pending, held, ' +
    'resolved, cancelled; pending and held → inProgress, resolved, cancelled; resolved → closed, inProgress; closed, rejected and ' +
    'cancelled are final (409). Customers may cancel an open ticket, and close or reopen a resolved one; the rest, and priority ' +
    'and channel, are for staff (403). Every change is recorded: statusChange[].changedBy, and a note of type "change".',
  params: idParams,
  body: TroubleTicketUpdateModel,
  bodyMediaTypes: ['application/merge-patch+json', 'application/json'],
  response: { 200: TroubleTicketModel, 409: CONFLICT },
});

export const escalateTroubleTicket = routeSchema({
  operationId: 'escalateTroubleTicket',
  tags: TAGS,
  summary: 'Escalate: raise the priority one step and route to the billing or technical team, then to a supervisor (espace task)',
  extension: 'TMF621 has no escalation operation: the portal lets a customer escalate a ticket that has waited too long',
  params: idParams,
  body: EscalationModel,
  response: { 200: TroubleTicketModel, 409: CONFLICT },
});
