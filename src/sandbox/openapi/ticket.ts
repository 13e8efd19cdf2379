/**
 * The sandbox's OpenAPI entries for TMF621 trouble tickets and for live chat (not TMF): paths,
 * schemas and tags, spread into the document by openapi.ts. References point at the document's
 * shared components (parameters, error responses).
 */
import { CHANNELS, PRIORITIES, SEVERITIES, TICKET_STATUSES, TICKET_TYPES } from '../tickets/lifecycle.js';
import { ESPACE_TROUBLE_TICKET, TROUBLE_TICKET_API } from '../tickets/resource.js';
import { CHAT_API } from '../chat/routes.js';

type Json = Record<string, unknown>;

const schema = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const parameter = (name: string): Json => ({ $ref: `#/components/parameters/${name}` });
const text = (description: string, extra: Json = {}): Json => ({ type: 'string', description, ...extra });
const list = (items: Json): Json => ({ type: 'array', items });
const jsonBody = (name: string, types = ['application/json']): Json => ({
  required: true,
  content: Object.fromEntries(types.map((type) => [type, { schema: schema(name) }])),
});
const answer = (description: string, name: string): Json => ({ description, content: { 'application/json': { schema: schema(name) } } });
const query = (name: string, description: string, extra: Json = {}): Json => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', ...extra },
});
const ERRORS: Json = Object.fromEntries(
  [
    ['400', 'BadRequest'],
    ['401', 'Unauthorized'],
    ['403', 'Forbidden'],
    ['404', 'NotFound'],
    ['405', 'MethodNotAllowed'],
    ['500', 'InternalError'],
  ].map(([code, name]) => [code, { $ref: `#/components/responses/${name}` }]),
);
const CONFLICT: Json = {
  '409': { description: 'Not allowed in the current state (the message says which moves are)', content: { 'application/json': { schema: schema('Error') } } },
};
const secured = (operation: Json): Json => ({ security: [{ bearerAuth: [] }], ...operation, responses: { ...(operation.responses as Json), ...ERRORS } });

const ID = parameter('id');
const TICKET_TAG = 'troubleTicket';
const CHAT_TAG = 'chat';

export const TICKET_OPENAPI_TAGS: Json[] = [
  { name: TICKET_TAG, description: 'TMF621 Trouble Ticket (tickets, service requests, billing disputes)' },
  { name: CHAT_TAG, description: 'Live chat between a customer and an agent (not TMF)' },
];

const ticket = `${TROUBLE_TICKET_API}/troubleTicket`;
const conversation = `${CHAT_API}/conversation`;

export const TICKET_OPENAPI_PATHS: Record<string, Json> = {
  [ticket]: {
    get: secured({
      operationId: 'listTroubleTicket',
      tags: [TICKET_TAG],
      summary: 'List tickets, newest first (customers: their accounts’ tickets)',
      parameters: [
        parameter('fields'),
        parameter('offset'),
        parameter('limit'),
        query('status', 'Tickets in these states (comma-separated)', { enum: [...TICKET_STATUSES] }),
        query('ticketType', 'Tickets of these types (comma-separated)', { enum: [...TICKET_TYPES] }),
        query('severity', 'Tickets of these severities (comma-separated)', { enum: [...SEVERITIES] }),
        query('priority', 'Tickets of these priorities (comma-separated)', { enum: [...PRIORITIES] }),
        query('relatedEntity.id', 'Tickets about these entities (a bill, a bill line, an account)'),
        query('billingAccount.id', 'Tickets of these billing accounts (espace shorthand for the BillingAccount related entity)'),
      ],
      responses: {
        '200': {
          description: 'Success (one page of results)',
          headers: { 'X-Total-Count': { $ref: '#/components/headers/X-Total-Count' }, 'X-Result-Count': { $ref: '#/components/headers/X-Result-Count' } },
          content: { 'application/json': { schema: list(schema(ESPACE_TROUBLE_TICKET)) } },
        },
      },
    }),
    post: secured({
      operationId: 'createTroubleTicket',
      tags: [TICKET_TAG],
      summary: 'Open a ticket (status acknowledged, assigned to customer support)',
      requestBody: jsonBody('TroubleTicket_Create'),
      responses: { '201': answer('Created', ESPACE_TROUBLE_TICKET) },
    }),
  },
  [`${ticket}/{id}`]: {
    get: secured({
      operationId: 'retrieveTroubleTicket',
      tags: [TICKET_TAG],
      summary: 'Retrieve a ticket with its notes and status history',
      parameters: [ID, parameter('fields')],
      responses: { '200': answer('Success', ESPACE_TROUBLE_TICKET) },
    }),
    patch: secured({
      operationId: 'patchTroubleTicket',
      tags: [TICKET_TAG],
      summary: 'Change status, severity, priority or channel, or add notes (JSON merge patch)',
      description:
        'Status moves follow TMF621: acknowledged → inProgress, pending, held, resolved, rejected, cancelled; inProgress → pending, held, ' +
        'resolved, cancelled; pending and held → inProgress, resolved, cancelled; resolved → closed, inProgress; closed, rejected and ' +
        'cancelled are final (409). Customers may cancel an open ticket, and close or reopen a resolved one; the rest, and priority ' +
        'and channel, are for staff (403). Every change is recorded: statusChange[].changedBy, and a note of type "change".',
      parameters: [ID],
      requestBody: jsonBody('TroubleTicket_Update', ['application/merge-patch+json', 'application/json']),
      responses: { '200': answer('Updated', ESPACE_TROUBLE_TICKET), ...CONFLICT },
    }),
  },
  [`${ticket}/{id}/escalate`]: {
    post: secured({
      operationId: 'escalateTroubleTicket',
      tags: [TICKET_TAG],
      summary: 'Escalate: raise the priority one step and route to the billing or technical team, then to a supervisor (espace task)',
      parameters: [ID],
      requestBody: jsonBody('Escalation'),
      responses: { '200': answer('Escalated', ESPACE_TROUBLE_TICKET), ...CONFLICT },
    }),
  },
  [conversation]: {
    get: secured({
      operationId: 'listConversation',
      tags: [CHAT_TAG],
      summary: 'Conversations, oldest first (agents: all, e.g. the waiting queue; customers: theirs)',
      parameters: [query('status', 'waiting, active or closed', { enum: ['waiting', 'active', 'closed'] })],
      responses: { '200': { description: 'Success', content: { 'application/json': { schema: list(schema('Conversation')) } } } },
    }),
    post: secured({
      operationId: 'createConversation',
      tags: [CHAT_TAG],
      summary: 'Start a conversation and wait for an agent (customers)',
      requestBody: jsonBody('Conversation_Create'),
      responses: { '201': answer('Waiting for an agent', 'Conversation') },
    }),
  },
  [`${conversation}/{id}`]: {
    get: secured({
      operationId: 'retrieveConversation',
      tags: [CHAT_TAG],
      summary: 'Retrieve a conversation',
      parameters: [ID],
      responses: { '200': answer('Success', 'Conversation') },
    }),
  },
  [`${conversation}/{id}/join`]: {
    post: secured({
      operationId: 'joinConversation',
      tags: [CHAT_TAG],
      summary: 'Pick up a waiting conversation (agents); 409 when another agent was first',
      parameters: [ID],
      responses: { '200': answer('Joined', 'Conversation'), ...CONFLICT },
    }),
  },
  [`${conversation}/{id}/message`]: {
    post: secured({
      operationId: 'postChatMessage',
      tags: [CHAT_TAG],
      summary: 'Send a message (the customer, or the agent who joined)',
      parameters: [ID],
      requestBody: jsonBody('ChatMessage_Create'),
      responses: { '201': answer('Sent', 'ChatEvent'), ...CONFLICT },
    }),
  },
  [`${conversation}/{id}/close`]: {
    post: secured({
      operationId: 'closeConversation',
      tags: [CHAT_TAG],
      summary: 'End the conversation; the transcript is saved to a trouble ticket (its id is in the answer and the closed event)',
      parameters: [ID],
      requestBody: { required: false, content: { 'application/json': { schema: schema('Conversation_Close') } } },
      responses: { '200': answer('Ended', 'Conversation'), ...CONFLICT },
    }),
  },
  [`${conversation}/{id}/events`]: {
    get: secured({
      operationId: 'streamConversation',
      tags: [CHAT_TAG],
      summary: 'Server-sent events: the conversation so far, then live (message, joined, closed); ends after closed',
      description: 'Each event has `id:` (resume with Last-Event-ID or ?after=), `event:` (its type) and `data:` (a ChatEvent as JSON).',
      parameters: [ID, query('after', 'Only events after this id (as Last-Event-ID)')],
      responses: { '200': { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
    }),
  },
};

const NOTE: Json = {
  type: 'object',
  required: ['text'],
  properties: {
    id: text('Sequence number on the ticket'),
    author: text('Who wrote it (or made the change)'),
    authorRole: text('customer or agent'),
    date: text('When', { format: 'date-time' }),
    text: text('The note'),
    noteType: text('comment, change (a record of who changed what) or chat (a transcript line)', { enum: ['comment', 'change', 'chat'] }),
    '@type': text('EspaceNote'),
  },
};
const RELATED_ENTITY: Json = {
  type: 'object',
  required: ['id', '@referredType'],
  properties: {
    id: text('Identifier'),
    href: text('Link', { format: 'uri' }),
    name: text('Bill number, line name…'),
    role: text('billingAccount, disputedBill or disputedItem'),
    '@referredType': text('BillingAccount, CustomerBill or AppliedCustomerBillingRate'),
  },
};
const CHANNEL: Json = { type: 'object', properties: { id: text('Channel', { enum: [...CHANNELS] }), name: text('Same as id') } };

export const TICKET_OPENAPI_SCHEMAS: Record<string, Json> = {
  [ESPACE_TROUBLE_TICKET]: {
    type: 'object',
    description: 'TMF621 TroubleTicket with the espace extensions: priority, escalationLevel, the assignee in relatedParty, authored notes.',
    required: ['id', 'description', 'severity', 'ticketType', 'status'],
    properties: {
      id: text('Short identifier (TT-1001)'),
      href: text('Link', { format: 'uri' }),
      name: text('Subject'),
      description: text('What the customer reported'),
      ticketType: text('Type', { enum: [...TICKET_TYPES] }),
      severity: text('Severity', { enum: [...SEVERITIES] }),
      priority: text('Priority', { enum: [...PRIORITIES] }),
      status: text('Status', { enum: [...TICKET_STATUSES] }),
      statusChangeReason: text('Why the last status change happened'),
      statusChangeDate: text('When the status last changed', { format: 'date-time' }),
      creationDate: text('Opened', { format: 'date-time' }),
      lastUpdate: text('Last changed', { format: 'date-time' }),
      resolutionDate: text('Resolved', { format: 'date-time' }),
      channel: CHANNEL,
      escalationLevel: { type: 'integer', description: '0 customer support, 1 billing or technical team, 2 supervisor' },
      relatedParty: list({
        type: 'object',
        properties: { id: text('Party'), name: text('Name'), role: text('customer or assignee'), '@referredType': text('Individual or Organization') },
      }),
      relatedEntity: list(RELATED_ENTITY),
      note: list(NOTE),
      statusChange: list({
        type: 'object',
        properties: {
          status: text('New status'),
          changeReason: text('Why'),
          changeDate: text('When', { format: 'date-time' }),
          changedBy: text('Who'),
          '@type': text('EspaceStatusChange'),
        },
      }),
      '@type': text(ESPACE_TROUBLE_TICKET),
      '@baseType': text('TroubleTicket'),
    },
  },
  TroubleTicket_Create: {
    type: 'object',
    required: ['description', 'severity', 'ticketType'],
    properties: {
      name: text('Subject (default: the first line of the description)'),
      description: text('What happened'),
      ticketType: text('Type', { enum: [...TICKET_TYPES] }),
      severity: text('Severity; sets the first priority (minor low, major medium, critical high)', { enum: [...SEVERITIES] }),
      priority: text('Staff only', { enum: [...PRIORITIES] }),
      channel: CHANNEL,
      relatedEntity: list(RELATED_ENTITY),
      note: list(NOTE),
    },
  },
  TroubleTicket_Update: {
    type: 'object',
    description: 'JSON merge patch. Notes without an id are added; notes with an id are left as they are.',
    properties: {
      status: text('New status', { enum: [...TICKET_STATUSES] }),
      statusChangeReason: text('Why'),
      severity: text('Severity', { enum: [...SEVERITIES] }),
      priority: text('Staff only', { enum: [...PRIORITIES] }),
      channel: CHANNEL,
      note: list(NOTE),
    },
  },
  Escalation: { type: 'object', required: ['reason'], properties: { reason: text('Why the case needs a higher level') } },
  Conversation: {
    type: 'object',
    required: ['id', 'status'],
    properties: {
      id: text('Identifier (CH-…)'),
      status: text('waiting for an agent, active, or closed', { enum: ['waiting', 'active', 'closed'] }),
      customerConnected: { type: 'boolean', description: 'Waiting conversations: whether the customer is still listening to its events' },
      subject: text('What it is about'),
      billingAccount: { type: 'object', properties: { id: text('Account') } },
      customer: { type: 'object', properties: { name: text('Name') } },
      agent: { type: 'object', properties: { name: text('Name') } },
      createdAt: text('Started', { format: 'date-time' }),
      joinedAt: text('Picked up', { format: 'date-time' }),
      closedAt: text('Ended', { format: 'date-time' }),
      ticket: { type: 'object', description: 'The ticket holding the transcript', properties: { id: text('Ticket id') } },
    },
  },
  Conversation_Create: {
    type: 'object',
    properties: { subject: text('What it is about'), billingAccount: { type: 'object', properties: { id: text('Needed when the customer has several') } } },
  },
  Conversation_Close: {
    type: 'object',
    properties: {
      leaveTicket: { type: 'boolean', description: 'No agent answered: leave a ticket with the transcript (true, default) or none at all (false)' },
      description: text('The ticket’s description (default: the customer’s messages)'),
      ticketType: text('The ticket’s type (default technical)', { enum: [...TICKET_TYPES] }),
    },
  },
  ChatMessage_Create: { type: 'object', required: ['text'], properties: { text: text('The message') } },
  ChatEvent: {
    type: 'object',
    required: ['id', 'type', 'author', 'at'],
    properties: {
      id: { type: 'integer', description: 'Event id (increasing)' },
      type: text('message, joined or closed', { enum: ['message', 'joined', 'closed'] }),
      author: { type: 'object', properties: { name: text('Name'), role: text('customer or agent') } },
      text: text('The message (message events)'),
      at: text('When', { format: 'date-time' }),
      ticket: { type: 'object', description: 'closed events: the ticket holding the transcript', properties: { id: text('Ticket id') } },
    },
  },
};
