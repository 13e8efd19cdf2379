/** `espace ticket comment ID`: adds a note to a ticket. */
import { patchTicket } from '../../../api/tmf/trouble-ticket.js';
import { toJson } from '../../../output/formats.js';
import type { CommandDeps } from '../../command-deps.js';
import { readLongText } from './long-text.js';
import { ticketJson } from './view.js';
import { sanitizeCell } from '../../../output/sanitize.js';

export interface TicketCommentOptions {
  id: string;
  /** Text, or `-` for stdin. */
  message?: string;
}

export async function run(options: TicketCommentOptions, ctx: CommandDeps): Promise<void> {
  const message = await readLongText(ctx, { value: options.message, flag: '--message', message: ctx.t('ticket.comment.ask') });
  const ticket = await patchTicket(await ctx.api(), options.id, { note: message });
  ctx.io.out(ctx.globals.json ? toJson(ticketJson(ticket)) : `${ctx.t('ticket.comment.done', { id: sanitizeCell(ticket.id) })}\n`);
}
