/** `espace ticket list`: the caller's tickets (an agent's: everyone's), newest first. */
import type { HttpClient } from '../../../api/http.js';
import { listTickets } from '../../../api/tmf/trouble-ticket.js';
import type { BulkCommand } from '../../../bulk/types.js';
import { ticketsOfAccounts } from '../../../api/tmf/trouble-ticket-list-batch.js';
import { ofExistingAccount, ofExistingAccounts } from '../../bulk/existing-account.js';
import type { Ticket } from '../../../domain/ticket.js';
import { OPEN_STATUSES, TICKET_STATUSES } from '../../../domain/ticket.js';
import { UsageError } from '../../../errors.js';
import { formatDateTime, isoDate, toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import type { CommandDeps } from '../../command-deps.js';
import { label, ticketJson } from './view.js';
import type { Translate } from '../../../i18n/catalog.js';
import { termChoices, termOf } from '../../../i18n/terms.js';
import { ticketStatuses } from '../../../i18n/vocabularies.js';

export interface TicketListOptions {
  /** Comma-separated statuses; `open` stands for every status still being worked on. */
  status?: string;
  account?: string;
  limit: number;
}

/** The words for "every unfinished status", in either language. */
const OPEN_WORDS = new Set(['open', 'ouvert', 'ouverte', 'ouverts', 'ouvertes']);

/**
 * The TMF statuses of `--status`: comma-separated, each a TMF value or its word in either language
 * (`inProgress`, `in progress`, `en cours`); `open` (`ouvert`) stands for every unfinished status.
 * With `t`, an unknown word is answered with the words of the user's language; without, with the
 * TMF values (a bulk run checks its options before it has a translator).
 */
export function parseStatuses(value: string | undefined, t?: Translate): string[] | undefined {
  if (value === undefined) return undefined;
  const statuses: string[] = [];
  for (const word of value.split(',').map((status) => status.trim())) {
    if (OPEN_WORDS.has(word.toLowerCase())) {
      statuses.push(...OPEN_STATUSES);
      continue;
    }
    const status = termOf(ticketStatuses, word);
    if (status === undefined) {
      const valid = t ? `${t('ticket.list.openWord')}, ${termChoices(ticketStatuses, t)}` : ['open', ...TICKET_STATUSES].join(', ');
      throw new UsageError('ticket.list.badStatus', { params: { status: word, valid } });
    }
    statuses.push(status);
  }
  return [...new Set(statuses)];
}

function findTickets(api: HttpClient, accountId: string | undefined, options: TicketListOptions): Promise<Ticket[]> {
  return listTickets(api, { statuses: parseStatuses(options.status), accountId, limit: options.limit });
}

/** What `--json` prints (and each bulk record holds): the tickets without their long parts. */
function ticketListJson(tickets: Ticket[]) {
  return tickets.map((ticket) => {
    const { timeline: _timeline, related: _related, description: _description, ...summary } = ticketJson(ticket);
    return summary;
  });
}

export const ticketListBulk: BulkCommand<TicketListOptions> = {
  check: (options) => void parseStatuses(options.status),
  lookup: ofExistingAccount(async (account, options, { api }) => ticketListJson(await findTickets(api, account, options))),
  /** Two requests for a whole batch: its accounts (which exist), and their tickets. */
  lookupBatch: ofExistingAccounts(async (accounts, options, { api }) => {
    const tickets = await ticketsOfAccounts(api, accounts, { statuses: parseStatuses(options.status), limit: options.limit });
    return new Map([...(tickets ?? [])].map(([account, list]) => [account, ticketListJson(list)]));
  }),
  // A list per account: the CSV shows how many and the latest; NDJSON has them all.
  csvFields: ['account', 'ok', 'data.length', 'data.0.id', 'data.0.status', 'data.0.subject', 'error.code', 'error.status'],
};

export async function run(options: TicketListOptions, ctx: CommandDeps): Promise<void> {
  parseStatuses(options.status, ctx.t); // a bad --status fails before any request
  const api = await ctx.api();
  const tickets = await findTickets(api, options.account, options);
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(ticketListJson(tickets)));
    return;
  }
  if (tickets.length === 0) {
    io.err(`${t('ticket.list.empty')}\n`);
    return;
  }
  const plain = !io.stdoutIsTTY;
  const rows = tickets.map((ticket) => [
    ticket.id,
    plain ? ticket.type : label('type', ticket.type, t),
    plain ? ticket.status : label('status', ticket.status, t),
    plain ? (ticket.priority ?? '') : label('priority', ticket.priority, t),
    plain ? (isoDate(ticket.updated) ?? '') : formatDateTime(ticket.updated, locale),
    ticket.subject,
  ]);
  io.out(
    renderTable(
      io,
      [
        { header: t('ticket.column.id'), keep: true },
        { header: t('ticket.column.type') },
        { header: t('ticket.column.status') },
        { header: t('ticket.column.priority') },
        { header: t('ticket.column.updated') },
        { header: t('ticket.column.subject') },
      ],
      rows,
    ),
  );
}
