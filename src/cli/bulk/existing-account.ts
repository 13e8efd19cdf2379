/**
 * A list filtered by account (payments, products, usage, tickets, bills) comes back empty for an
 * account that does not exist or that the caller may not see. One account at a time that is a
 * plain empty list; in a bulk run it must be that account's failed record ("not found"), not an
 * empty success. The account is read alongside the list, so the check adds no wait.
 */
import { TMF } from '../../api/tmf/paths.js';
import type { BulkLookup } from '../../bulk/types.js';

export function ofExistingAccount<O>(lookup: BulkLookup<O>): BulkLookup<O> {
  return async (account, options, context) => {
    const [, data] = await Promise.all([
      context.api.get(`${TMF.billingAccount}/${encodeURIComponent(account)}`, { fields: 'id' }),
      lookup(account, options, context),
    ]);
    return data;
  };
}
