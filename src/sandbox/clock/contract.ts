/**
 * The wire contract of the sandbox clock (not TMF, no authentication; see
 * ../contract/route-schema.ts). "Exactly one of by or to" and the date rules are the route's.
 */
import * as z from 'zod';
import { ErrorModel } from '../contract/tmf-common.js';
import { model, routeSchema } from '../contract/route-schema.js';

const TAGS = ['sandboxClock'];
const dateTime = (description: string) => z.string().describe(description).meta({ format: 'date-time' });

const ClockFields = {
  now: dateTime("The sandbox's current time"),
  origin: dateTime('When the clock began; earlier events belong to the seed'),
  offsetSeconds: z.number().int().describe('How far the sandbox is ahead of the real clock'),
  processedUntil: dateTime('Events up to this time have run'),
};

const SandboxClockModel = model('SandboxClock', z.object(ClockFields));

const SandboxClockEventModel = model(
  'SandboxClockEvent',
  z.object({
    seq: z.number().int(),
    key: z.string().describe('Unique: e.g. bill-run:BA-1001:2027-01, autopay:CB-1001-202701'),
    kind: z.enum(['billRun', 'autopay', 'overdue', 'outage', 'order']),
    at: dateTime('When it happened'),
    billingAccountId: z.string().nullable(),
    subject: z.string().describe('The bill or outage it acted on').nullable(),
    outcome: z.string().describe('issued, paid, declined, nothingDue, overdue, started, resolved, inProgress, completed, failed'),
    amount: z.object({ unit: z.string(), value: z.number() }).nullable(),
    detail: z.string().describe('Why a debit was declined, the payment made, a late fee').nullable(),
  }),
);

const SandboxClockAdvanceModel = model(
  'SandboxClockAdvance',
  z
    .strictObject({
      by: z.string().describe('A duration: 12h, 30d, 2w, 3mo, 1y').optional(),
      to: z.string().describe('A date (YYYY-MM-DD, read as 12:00 UTC) or an ISO 8601 date-time').optional(),
    })
    .describe('Exactly one of by or to'),
);

export type SandboxClockAdvance = z.infer<typeof SandboxClockAdvanceModel>;

const SandboxClockAdvancedModel = model(
  'SandboxClockAdvanced',
  z.object({
    ...ClockFields,
    from: dateTime('The clock before the advance'),
    events: z.array(SandboxClockEventModel).describe('The events that ran, in order'),
  }),
);

/** The event log's query; the route reads it (each at most once, integers within bounds). */
export const ClockEventQuery = z.object({
  after: z.number().int().min(0).describe('Only events after this seq').optional(),
  limit: z.number().int().min(0).max(1000).describe('At most this many (default and maximum 1000)').optional(),
  'billingAccount.id': z.string().describe('Only events of this account').optional(),
});

export const getSandboxClock = routeSchema({
  operationId: 'getSandboxClock',
  tags: TAGS,
  summary: "The sandbox's date",
  response: { 200: { description: 'The clock', schema: SandboxClockModel } },
});

export const advanceSandboxClock = routeSchema({
  operationId: 'advanceSandboxClock',
  tags: TAGS,
  summary: 'Move the clock forward and run every event due up to the new date',
  body: SandboxClockAdvanceModel,
  response: {
    200: { description: 'The clock after the advance, and the events that ran', schema: SandboxClockAdvancedModel },
    422: { description: "The date is not after the clock's, or too far", schema: ErrorModel },
  },
});

export const listSandboxClockEvent = routeSchema({
  operationId: 'listSandboxClockEvent',
  tags: TAGS,
  summary: 'The event log, in the order events happened',
  querystring: ClockEventQuery,
  response: { 200: { description: 'Events', schema: z.array(SandboxClockEventModel) } },
});
