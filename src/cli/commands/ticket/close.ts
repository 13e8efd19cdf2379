/**
 * `espace ticket close ID`: confirms a resolved ticket (closed), or withdraws one still open
 * (cancelled: TMF621 closes only what was resolved).
 */
import { getTicket, patchTicket } from '../../../api/tmf/trouble-ticket.js';
import { closingStatus } from '../../../domain/ticket.js';
import { GeneralError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import type { Context } from '../../context.js';
import { label, ticketJson } from './view.js';

export interface TicketCloseOptions {
  id: string;
  reason?: string;
}

export async function run(options: TicketCloseOptions, ctx: Context): Promise<void> {
  const { t } = ctx;
  const api = await ctx.api();
  const current = await getTicket(api, options.id);
  const status = closingStatus(current.status);
  if (!status) throw new GeneralError('ticket.close.alreadyFinal', { params: { id: current.id, status: label('status', current.status, t) } });
  const ticket = await patchTicket(api, current.id, {
    status,
    statusChangeReason: options.reason ?? (status === 'closed' ? 'Resolution confirmed by the customer' : 'Withdrawn by the customer'),
  });
  if (ctx.globals.json) {
    ctx.io.out(toJson(ticketJson(ticket)));
    return;
  }
  ctx.io.out(`${t(status === 'closed' ? 'ticket.close.closed' : 'ticket.close.cancelled', { id: ticket.id })}\n`);
}
