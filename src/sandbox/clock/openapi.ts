/** The OpenAPI paths, schemas and tag of the sandbox clock (spread into ../openapi.ts). Not TMF. */
import { CLOCK_ADVANCE_PATH, CLOCK_EVENT_PATH, CLOCK_PATH } from './routes.js';

type Json = Record<string, unknown>;

const ref = (kind: string, name: string): Json => ({ $ref: `#/components/${kind}/${name}` });
const json = (schema: Json): Json => ({ 'application/json': { schema } });
const errors = { '400': ref('responses', 'BadRequest'), '500': ref('responses', 'InternalError') };

export const CLOCK_TAGS: Json[] = [
  {
    name: 'sandboxClock',
    description:
      "The sandbox clock (not TMF, no authentication): the sandbox's date is the real clock plus a stored offset. Moving it forward " +
      'runs every time-driven event up to the new date, in order, exactly once: the monthly bill run on the 1st, autopay debits and ' +
      'past-due checks on due dates, outages starting and ending, product orders progressing. Each event is logged with a unique key.',
  },
];

export const CLOCK_SCHEMAS: Record<string, Json> = {
  SandboxClock: {
    type: 'object',
    required: ['now', 'origin', 'offsetSeconds', 'processedUntil'],
    properties: {
      now: { type: 'string', format: 'date-time', description: "The sandbox's current time" },
      origin: { type: 'string', format: 'date-time', description: 'When the clock began; earlier events belong to the seed' },
      offsetSeconds: { type: 'integer', description: 'How far the sandbox is ahead of the real clock' },
      processedUntil: { type: 'string', format: 'date-time', description: 'Events up to this time have run' },
    },
  },
  SandboxClockEvent: {
    type: 'object',
    required: ['seq', 'key', 'kind', 'at', 'outcome'],
    properties: {
      seq: { type: 'integer' },
      key: { type: 'string', description: 'Unique: e.g. bill-run:BA-1001:2027-01, autopay:CB-1001-202701' },
      kind: { type: 'string', enum: ['billRun', 'autopay', 'overdue', 'outage', 'order'] },
      at: { type: 'string', format: 'date-time' },
      billingAccountId: { type: 'string', nullable: true },
      subject: { type: 'string', nullable: true, description: 'The bill or outage it acted on' },
      outcome: { type: 'string', description: 'issued, paid, declined, nothingDue, overdue, started, resolved, inProgress, completed, failed' },
      amount: { type: 'object', nullable: true, properties: { unit: { type: 'string' }, value: { type: 'number' } } },
      detail: { type: 'string', nullable: true, description: 'Why a debit was declined, the payment made, a late fee' },
    },
  },
};

export const CLOCK_PATHS: Record<string, Json> = {
  [CLOCK_PATH]: {
    get: {
      operationId: 'getSandboxClock',
      tags: ['sandboxClock'],
      summary: "The sandbox's date",
      responses: { '200': { description: 'The clock', content: json(ref('schemas', 'SandboxClock')) }, ...errors },
    },
  },
  [CLOCK_ADVANCE_PATH]: {
    post: {
      operationId: 'advanceSandboxClock',
      tags: ['sandboxClock'],
      summary: 'Move the clock forward and run every event due up to the new date',
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          properties: {
            by: { type: 'string', description: 'A duration: 12h, 30d, 2w, 3mo, 1y' },
            to: { type: 'string', description: 'A date (YYYY-MM-DD, read as 12:00 UTC) or an ISO 8601 date-time' },
          },
        }),
      },
      responses: {
        '200': {
          description: 'The clock after the advance, and the events that ran',
          content: json({
            allOf: [
              ref('schemas', 'SandboxClock'),
              { type: 'object', properties: { from: { type: 'string' }, events: { type: 'array', items: ref('schemas', 'SandboxClockEvent') } } },
            ],
          }),
        },
        '422': { description: "The date is not after the clock's, or too far", content: json(ref('schemas', 'Error')) },
        ...errors,
      },
    },
  },
  [CLOCK_EVENT_PATH]: {
    get: {
      operationId: 'listSandboxClockEvent',
      tags: ['sandboxClock'],
      summary: 'The event log, in the order events happened',
      parameters: [
        { name: 'after', in: 'query', required: false, description: 'Only events after this seq', schema: { type: 'integer' } },
        { name: 'limit', in: 'query', required: false, description: 'At most this many (default and maximum 1000)', schema: { type: 'integer' } },
        { name: 'billingAccount.id', in: 'query', required: false, description: 'Only events of this account', schema: { type: 'string' } },
      ],
      responses: { '200': { description: 'Events', content: json({ type: 'array', items: ref('schemas', 'SandboxClockEvent') }) }, ...errors },
    },
  },
};
