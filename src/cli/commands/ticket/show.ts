/** `espace ticket show ID`: the ticket's details and its timeline of notes and status changes. */
import { getTicket } from '../../../api/tmf/trouble-ticket.js';
import { toJson } from '../../../output/formats.js';
import type { CommandDeps } from '../../command-deps.js';
import { ticketDocument, ticketJson } from './view.js';

export interface TicketShowOptions {
  id: string;
}

export async function run(options: TicketShowOptions, ctx: CommandDeps): Promise<void> {
  const ticket = await getTicket(await ctx.api(), options.id);
  ctx.io.out(ctx.globals.json ? toJson(ticketJson(ticket)) : ticketDocument(ticket, ctx.io, ctx.t, ctx.locale));
}
