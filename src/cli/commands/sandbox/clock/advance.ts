/**
 * `espace sandbox clock advance 30d` or `--to 2027-01-15`: moves the sandbox's date forward; every
 * time-driven event up to the new date happens, in order, once. Prints the events that ran.
 */
import { UsageError } from '../../../../errors.js';
import { toJson } from '../../../../output/formats.js';
import type { CommandDeps } from '../../../command-deps.js';
import { type SandboxOptions, dataDirOf } from '../options.js';
import { clockRequest, clockTime, eventLine, type ClockEventJson, type ClockState } from './client.js';

export interface ClockAdvanceOptions extends SandboxOptions {
  /** A duration: 12h, 30d, 2w, 3mo, 1y. */
  by?: string;
  /** A date (YYYY-MM-DD) or an ISO date-time. */
  to?: string;
}

export async function run(options: ClockAdvanceOptions, ctx: CommandDeps): Promise<void> {
  if ((options.by === undefined) === (options.to === undefined)) throw new UsageError('sandbox.clock.byOrTo');
  const body = options.by !== undefined ? { by: options.by } : { to: options.to };
  const result = await clockRequest<ClockState & { from: string; events: ClockEventJson[] }>(dataDirOf(options, ctx), '/sandbox/clock/advance', {
    method: 'POST',
    body,
  });
  if (ctx.globals.json) {
    ctx.io.out(toJson(result));
    return;
  }
  for (const event of result.events) ctx.io.out(`${eventLine(event)}\n`);
  ctx.io.err(`${ctx.t('sandbox.clock.advanced', { from: clockTime(result.from), now: clockTime(result.now), count: result.events.length })}\n`);
}
