/**
 * TMF621 reads for many accounts at once, for bulk `account show`: the tickets of 50 accounts in
 * a few statuses take one request (`billingAccount.id=A,B,…&status=…`), counted by the account
 * each ticket names. A ticket in another status, or one that does not name exactly one of these
 * accounts, throws IgnoredFilterError: it cannot be counted for any of them.
 */
import * as z from 'zod';
import { IgnoredFilterError } from '../errors.js';
import type { HttpClient } from '../http.js';
import { listAll } from './common.js';
import { TROUBLE_TICKET_PATH, TroubleTicket } from './trouble-ticket.js';

/** The most a TMF630 server is asked for in one page; the sandbox's own maximum. */
const PAGE_SIZE = 1000;

/** Only what counting needs: the status, and the account among the related entities. */
const CountedTicket = z.looseObject({ id: z.string(), status: z.string(), relatedEntity: TroubleTicket.shape.relatedEntity });

/** How many tickets in `statuses` each of these accounts has (0 for one without any), by account. */
export async function countTicketsOfAccounts(client: HttpClient, accountIds: readonly string[], statuses: readonly string[]): Promise<Map<string, number>> {
  const tickets = await listAll(client, TROUBLE_TICKET_PATH, CountedTicket, 'TroubleTicket', {
    query: { 'billingAccount.id': accountIds.join(','), status: statuses.join(','), fields: 'id,status,relatedEntity' },
    pageSize: PAGE_SIZE,
  });
  const counts = new Map(accountIds.map((id) => [id, 0]));
  const wantedStatuses = new Set(statuses);
  for (const ticket of tickets) {
    if (!wantedStatuses.has(ticket.status)) throw new IgnoredFilterError('status');
    const accounts = (ticket.relatedEntity ?? []).filter((entity) => entity['@referredType'] === 'BillingAccount');
    const account = accounts.length === 1 ? accounts[0]!.id : undefined;
    const count = account === undefined ? undefined : counts.get(account);
    if (account === undefined || count === undefined) throw new IgnoredFilterError('billingAccount.id');
    counts.set(account, count + 1);
  }
  return counts;
}
