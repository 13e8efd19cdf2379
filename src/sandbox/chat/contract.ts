/**
 * The wire contract of live chat (not TMF; see ../contract/route-schema.ts). Request bodies are
 * refused when they carry a field not listed here; blank text and control characters are refused
 * by the routes, which JSON Schema cannot say.
 */
import * as z from 'zod';
import { ErrorModel, idParams } from '../contract/tmf-common.js';
import { model, routeSchema } from '../contract/route-schema.js';
import { TICKET_TYPES } from '../tickets/lifecycle.js';

/** Longest message (and subject or description as typed; a subject keeps its first 120 characters). */
const MAX_MESSAGE = 4000;

export const CONVERSATION_STATUSES = ['waiting', 'active', 'closed'] as const;

const TAGS = ['chat'];
const dateTime = (description: string) => z.string().describe(description).meta({ format: 'date-time' });
const message = (description: string) => z.string().min(1).max(MAX_MESSAGE).describe(description);
const ticketRef = (description: string) => z.object({ id: z.string().describe('Ticket id') }).describe(description);

const ConversationModel = model(
  'Conversation',
  z.object({
    id: z.string().describe('Identifier (CH-…)'),
    status: z.enum(CONVERSATION_STATUSES).describe('waiting for an agent, active, or closed'),
    customerConnected: z.boolean().describe('Waiting conversations: whether the customer is still listening to its events').optional(),
    subject: z.string().describe('What it is about'),
    billingAccount: z.object({ id: z.string().describe('Account') }),
    customer: z.object({ name: z.string().describe('Name') }),
    agent: z.object({ name: z.string().describe('Name') }).optional(),
    createdAt: dateTime('Started'),
    joinedAt: dateTime('Picked up').optional(),
    closedAt: dateTime('Ended').optional(),
    ticket: ticketRef('The ticket holding the transcript').optional(),
  }),
);

const ChatEventModel = model(
  'ChatEvent',
  z.object({
    id: z.number().int().describe('Event id (increasing)'),
    type: z.enum(['message', 'joined', 'closed']),
    author: z.object({ name: z.string().describe('Name'), role: z.enum(['customer', 'agent']) }),
    text: z.string().describe('The message (message events)').optional(),
    at: dateTime('When'),
    ticket: ticketRef('closed events: the ticket holding the transcript').optional(),
  }),
);

const ConversationCreateModel = model(
  'Conversation_Create',
  z.strictObject({
    subject: message('What it is about (its first 120 characters are kept)').optional(),
    billingAccount: z.object({ id: z.string().describe('Needed when the customer has several') }).optional(),
  }),
);

const ConversationCloseModel = model(
  'Conversation_Close',
  z.strictObject({
    leaveTicket: z.boolean().describe('No agent answered: leave a ticket with the transcript (true, default) or none at all (false)').optional(),
    description: message('The ticket’s description (default: the customer’s messages)').optional(),
    ticketType: z.enum(TICKET_TYPES).describe('The ticket’s type (default technical)').optional(),
  }),
);

const ChatMessageCreateModel = model('ChatMessage_Create', z.strictObject({ text: message('The message') }));

export type ConversationCreate = z.infer<typeof ConversationCreateModel>;
export type ConversationClose = z.infer<typeof ConversationCloseModel>;
export type ChatMessageCreate = z.infer<typeof ChatMessageCreateModel>;

const CONFLICT = { description: 'Not allowed in the current state (the message says why)', schema: ErrorModel };

/** The conversation list's query; the route checks it (only `status`, once, one of the statuses). */
const ConversationListQuery = z.object({ status: z.enum(CONVERSATION_STATUSES).describe('waiting, active or closed').optional() });

export const createConversation = routeSchema({
  operationId: 'createConversation',
  tags: TAGS,
  summary: 'Start a conversation and wait for an agent (customers)',
  auth: 'bearer',
  // An absent body is an empty one.
  body: ConversationCreateModel.nullable(),
  response: { 201: { description: 'Waiting for an agent', schema: ConversationModel } },
});

export const listConversation = routeSchema({
  operationId: 'listConversation',
  tags: TAGS,
  summary: 'Conversations, oldest first (agents: all, e.g. the waiting queue; customers: theirs)',
  auth: 'bearer',
  querystring: ConversationListQuery,
  response: { 200: { description: 'Success', schema: z.array(ConversationModel) } },
});

export const retrieveConversation = routeSchema({
  operationId: 'retrieveConversation',
  tags: TAGS,
  summary: 'Retrieve a conversation',
  auth: 'bearer',
  params: idParams,
  response: { 200: ConversationModel },
});

export const joinConversation = routeSchema({
  operationId: 'joinConversation',
  tags: TAGS,
  summary: 'Pick up a waiting conversation (agents); 409 when another agent was first',
  auth: 'bearer',
  params: idParams,
  body: z.strictObject({}).nullable(),
  response: { 200: { description: 'Joined', schema: ConversationModel }, 409: CONFLICT },
});

export const postChatMessage = routeSchema({
  operationId: 'postChatMessage',
  tags: TAGS,
  summary: 'Send a message (the customer, or the agent who joined)',
  auth: 'bearer',
  params: idParams,
  body: ChatMessageCreateModel,
  response: { 201: { description: 'Sent', schema: ChatEventModel }, 409: CONFLICT },
});

export const closeConversation = routeSchema({
  operationId: 'closeConversation',
  tags: TAGS,
  summary: 'End the conversation; the transcript is saved to a trouble ticket (its id is in the answer and the closed event)',
  auth: 'bearer',
  params: idParams,
  body: ConversationCloseModel.nullable(),
  response: { 200: { description: 'Ended', schema: ConversationModel }, 409: CONFLICT },
});

export const streamConversation = routeSchema({
  operationId: 'streamConversation',
  tags: TAGS,
  summary: 'Server-sent events: the conversation so far, then live (message, joined, closed); ends after closed',
  description:
    'Each event has `id:` (resume with Last-Event-ID or ?after=), `event:` (its type) and `data:` (a ChatEvent as JSON). ' +
    'The answer is `text/event-stream`.',
  auth: 'bearer',
  params: idParams,
  querystring: z.object({ after: z.string().regex(/^\d+$/).describe('Only events after this id (as Last-Event-ID)').optional() }),
  response: { 200: { description: 'An event stream (text/event-stream) of ChatEvent', schema: null } },
});
