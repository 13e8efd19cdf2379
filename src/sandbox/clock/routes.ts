/**
 * The sandbox clock over HTTP (not TMF; documented in the OpenAPI document): read it, move it
 * forward, read its event log. No authentication, like /health: it is the sandbox's own control
 * panel, and the CLI's `espace sandbox clock` uses it without logging in.
 */
import type { FastifyInstance } from 'fastify';
import { TmfError } from '../tmf-errors.js';
import type { SandboxClock } from './clock.js';
import type { ClockEngine } from './engine.js';
import type { ClockEvent } from './event-log.js';
import { addDuration, parseTargetDate } from './target.js';
import { ClockEventQuery, type SandboxClockAdvance, advanceSandboxClock, getSandboxClock, listSandboxClockEvent } from './contract.js';

const EVENT_QUERY_NAMES = Object.keys(ClockEventQuery.shape);

export const CLOCK_PATH = '/sandbox/clock';
export const CLOCK_ADVANCE_PATH = '/sandbox/clock/advance';
export const CLOCK_EVENT_PATH = '/sandbox/clock/event';

/** Longest single advance: ten years of events is already far more than any test needs. */
const MAX_ADVANCE_MS = 10 * 366 * 86_400_000;

function eventJson(event: ClockEvent) {
  return {
    seq: event.seq,
    key: event.key,
    kind: event.kind,
    at: event.at,
    billingAccountId: event.billingAccountId,
    subject: event.subject,
    outcome: event.outcome,
    amount: event.amountCents === null ? null : { unit: 'CAD', value: event.amountCents / 100 },
    detail: event.detail,
  };
}

function intParam(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value) || Number(value) > max) {
    throw new TmfError(400, `"${name}" must be an integer from 0 to ${max}, got "${String(value)}"`);
  }
  return Number(value);
}

export async function clockRoutes(app: FastifyInstance, { clock, engine }: { clock: SandboxClock; engine: ClockEngine }): Promise<void> {
  const state = () => ({
    now: clock.now().toISOString(),
    origin: clock.origin,
    offsetSeconds: Math.round(clock.offsetMs / 1000),
    processedUntil: engine.processedUntil(),
  });

  app.get(CLOCK_PATH, { schema: getSandboxClock }, async () => state());

  app.post<{ Body: SandboxClockAdvance }>(CLOCK_ADVANCE_PATH, { schema: advanceSandboxClock }, async (request) => {
    const { by, to } = request.body;
    const now = clock.now();
    let target: Date;
    if (by !== undefined && to === undefined) target = addDuration(now, by);
    else if (to !== undefined && by === undefined) target = parseTargetDate(to);
    else throw new TmfError(400, 'Give exactly one of "by" (a duration) or "to" (a date)');
    if (target.getTime() <= now.getTime()) {
      throw new TmfError(422, `The sandbox clock only moves forward: it is already ${now.toISOString()}, after ${target.toISOString()}`);
    }
    if (target.getTime() - now.getTime() > MAX_ADVANCE_MS) throw new TmfError(422, 'An advance may cover at most ten years; advance in several steps');
    const result = await engine.advanceTo(target.toISOString());
    return { ...state(), from: result.from, events: result.events.map(eventJson) };
  });

  app.get<{ Querystring: Record<string, unknown> }>(CLOCK_EVENT_PATH, { schema: listSandboxClockEvent }, async (request) => {
    const query = request.query;
    const other = Object.keys(query).find((name) => !EVENT_QUERY_NAMES.includes(name));
    if (other !== undefined) throw new TmfError(400, `"${other}" is not accepted here; accepted: ${EVENT_QUERY_NAMES.join(', ')}`);
    const account = query['billingAccount.id'];
    if (account !== undefined && typeof account !== 'string') throw new TmfError(400, '"billingAccount.id" must be given once');
    const events = engine.log.list({
      after: intParam(query.after, 'after', 0, 1e9),
      limit: intParam(query.limit, 'limit', 1000, 1000),
      account: account ?? null,
    });
    return events.map(eventJson);
  });
}
