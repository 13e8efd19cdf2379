/**
 * TMF635 usage of many accounts at once, for bulk `usage show`:
 * `usage?billingAccount.id=A,B,…&usageDate.gte=…&usageDate.lte=…` (a TMF630 multi-value filter),
 * each record dealt out to the account it names, as one account's read checks it (readUsage). A
 * server that takes one account per usage read refuses the batch (4xx): the run then goes one
 * account at a time.
 */
import type { HttpClient } from '../http.js';
import { listOfAccounts } from './accounts-list-batch.js';
import { billingAccountIdsOf, withinDays } from './checked-list.js';
import { USAGE_PATH, Usage, type UsageRead, toUsageRead } from './usage.js';

/** Each account's records between two dates (YYYY-MM-DD, inclusive), by account; undefined: read them one by one. */
export async function usageOfAccounts(
  client: HttpClient,
  accountIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, UsageRead> | undefined> {
  const byAccount = await listOfAccounts(client, Usage, accountIds, {
    path: USAGE_PATH,
    resource: 'Usage',
    accountFilter: 'billingAccount.id',
    query: { 'usageDate.gte': from, 'usageDate.lte': to },
    accountsOf: billingAccountIdsOf,
    // A date that cannot be read cannot be told inside the window either: as one account's read, not a match.
    excludedBy: (record) =>
      withinDays(record.usageDate, from, undefined) !== true
        ? 'usageDate.gte'
        : withinDays(record.usageDate, undefined, to) !== true
          ? 'usageDate.lte'
          : undefined,
  });
  if (byAccount === undefined) return undefined;
  return new Map([...byAccount].map(([account, records]) => [account, toUsageRead(records)]));
}
