/**
 * TMF621 ticket lists of many accounts at once, for bulk `ticket list`:
 * `troubleTicket?billingAccount.id=A,B,…` (a TMF630 multi-value filter), each ticket dealt out to
 * the accounts among its related entities, and sorted and trimmed as one account's list is
 * (listTickets).
 */
import type { Ticket } from '../../domain/ticket.js';
import type { HttpClient } from '../http.js';
import { listOfAccounts } from './accounts-list-batch.js';
import { billingAccountIdsOf, newestFirst } from './checked-list.js';
import { LIST_FIELDS, TROUBLE_TICKET_PATH, TroubleTicket, asked, toTicket } from './trouble-ticket.js';

/** Each account's tickets in `statuses` (all when undefined), newest first, at most `limit`; undefined: read them one by one. */
export async function ticketsOfAccounts(
  client: HttpClient,
  accountIds: readonly string[],
  { statuses, limit }: { statuses?: readonly string[]; limit?: number },
): Promise<Map<string, Ticket[]> | undefined> {
  const byAccount = await listOfAccounts(client, TroubleTicket, accountIds, {
    path: TROUBLE_TICKET_PATH,
    resource: 'TroubleTicket',
    accountFilter: 'billingAccount.id',
    query: { status: statuses?.join(','), fields: LIST_FIELDS.join(',') },
    accountsOf: billingAccountIdsOf,
    excludedBy: (ticket) => (statuses !== undefined && !statuses.includes(ticket.status) ? 'status' : undefined),
  });
  if (byAccount === undefined) return undefined;
  return new Map(
    [...byAccount].map(([account, tickets]) => [
      account,
      newestFirst(tickets, (ticket) => ticket.creationDate)
        .slice(0, limit)
        .map((ticket) => toTicket(asked(ticket))),
    ]),
  );
}
