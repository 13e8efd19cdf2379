/** `espace ticket open`: a technical problem, a billing question, a service request or a move. */
import { openTicket } from '../../../api/tmf/trouble-ticket.js';
import { toJson } from '../../../output/formats.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { readLongText } from './long-text.js';
import { label, ticketJson } from './view.js';
import { sanitizeCell } from '../../../output/sanitize.js';

export interface TicketOpenOptions {
  type: string;
  severity: string;
  subject?: string;
  /** Text, or `-` for stdin. */
  description?: string;
  account?: string;
}

export async function run(options: TicketOpenOptions, ctx: CommandDeps): Promise<void> {
  const { t } = ctx;
  // The subject is optional (the server takes the description's first line): asked only of
  // someone who gave neither.
  const ask = options.subject === undefined && options.description === undefined && ctx.io.interactive;
  const subject = ask ? await ctx.prompt.input({ message: t('ticket.open.askSubject'), flag: '--subject' }) : options.subject;
  const description = await readLongText(ctx, { value: options.description, flag: '--description', message: t('ticket.open.askDescription') });
  const api = await ctx.api();
  // Resolved here rather than by the server, so that "which account?" is a usage error listing them.
  const accountId = await resolveAccountId(api, options.account);
  const ticket = await openTicket(api, {
    subject: subject?.trim() || undefined,
    description,
    type: options.type,
    severity: options.severity,
    accountId,
  });
  if (ctx.globals.json) {
    ctx.io.out(toJson(ticketJson(ticket)));
    return;
  }
  ctx.io.out(
    `${t('ticket.open.done', { id: sanitizeCell(ticket.id), type: label('type', ticket.type, t), priority: label('priority', ticket.priority, t) })}\n`,
  );
  ctx.io.err(`${t('ticket.followHint', { id: sanitizeCell(ticket.id) })}\n`);
}
