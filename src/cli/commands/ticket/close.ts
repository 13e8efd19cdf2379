/**
 * `espace ticket close ID`: confirms a resolved ticket (closed), or withdraws one still open
 * (cancelled: TMF621 closes only what was resolved).
 */
import { closeTicket } from '../../../api/tmf/trouble-ticket.js';
import { GeneralError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import type { CommandDeps } from '../../command-deps.js';
import { label, ticketJson } from './view.js';
import { sanitizeCell } from '../../../output/sanitize.js';

export interface TicketCloseOptions {
  id: string;
  reason?: string;
}

export async function run(options: TicketCloseOptions, ctx: CommandDeps): Promise<void> {
  const { t } = ctx;
  const api = await ctx.api();
  const { ticket, status } = await closeTicket(api, options.id, {
    closed: options.reason ?? 'Resolution confirmed by the customer',
    cancelled: options.reason ?? 'Withdrawn by the customer',
  });
  if (!status) throw new GeneralError('ticket.close.alreadyFinal', { params: { id: ticket.id, status: label('status', ticket.status, t) } });
  if (ctx.globals.json) {
    ctx.io.out(toJson(ticketJson(ticket)));
    return;
  }
  ctx.io.out(`${t(status === 'closed' ? 'ticket.close.closed' : 'ticket.close.cancelled', { id: sanitizeCell(ticket.id) })}\n`);
}
