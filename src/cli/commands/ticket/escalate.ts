/** `espace ticket escalate ID --reason …`: raises the priority and sends the case to the next team up. */
import { escalateTicket } from '../../../api/tmf/trouble-ticket.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { readLongText } from './long-text.js';
import { label, ticketJson } from './view.js';

export interface TicketEscalateOptions {
  id: string;
  reason?: string;
}

export async function run(options: TicketEscalateOptions, ctx: CommandDeps): Promise<void> {
  const { t } = ctx;
  const reason = await readLongText(ctx, { value: options.reason, flag: '--reason', message: t('ticket.escalate.ask'), editor: false });
  const ticket = await escalateTicket(await ctx.api(), options.id, reason);
  if (ctx.globals.json) {
    ctx.io.out(toJson(ticketJson(ticket)));
    return;
  }
  ctx.io.out(
    `${t('ticket.escalate.done', { id: sanitizeCell(ticket.id), assignee: sanitizeCell(ticket.assignee?.name ?? '—'), priority: label('priority', ticket.priority, t) })}\n`,
  );
}
