/** `espace sandbox clock`: the sandbox's date, and how far it is ahead of the real clock. */
import { toJson } from '../../../../output/formats.js';
import type { CommandDeps } from '../../../command-deps.js';
import { type SandboxOptions, dataDirOf } from '../options.js';
import { clockRequest, clockTime, type ClockState } from './client.js';

export async function run(options: SandboxOptions, ctx: CommandDeps): Promise<void> {
  const state = await clockRequest<ClockState>(dataDirOf(options, ctx), '/sandbox/clock');
  if (ctx.globals.json) {
    ctx.io.out(toJson(state));
    return;
  }
  ctx.io.out(`${ctx.t('sandbox.clock.now', { now: clockTime(state.now), days: (state.offsetSeconds / 86_400).toFixed(1) })}\n`);
}
