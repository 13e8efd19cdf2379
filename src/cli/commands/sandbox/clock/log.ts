/** `espace sandbox clock log`: every time-driven event that happened, in order (all pages). */
import { toJson } from '../../../../output/formats.js';
import type { CommandDeps } from '../../../command-deps.js';
import { type SandboxOptions, dataDirOf } from '../options.js';
import { clockRequest, eventLine, type ClockEventJson } from './client.js';

export interface ClockLogOptions extends SandboxOptions {
  account?: string;
}

const PAGE = 1000;

export async function run(options: ClockLogOptions, ctx: CommandDeps): Promise<void> {
  const dataDir = dataDirOf(options, ctx);
  const events: ClockEventJson[] = [];
  for (let after = 0; ;) {
    const query = new URLSearchParams({ after: String(after), limit: String(PAGE), ...(options.account ? { 'billingAccount.id': options.account } : {}) });
    const page = await clockRequest<ClockEventJson[]>(dataDir, `/sandbox/clock/event?${query}`);
    events.push(...page);
    if (page.length < PAGE) break;
    after = page.at(-1)!.seq;
  }
  if (ctx.globals.json) {
    ctx.io.out(toJson(events));
    return;
  }
  for (const event of events) ctx.io.out(`${eventLine(event)}\n`);
}
