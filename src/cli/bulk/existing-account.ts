/**
 * A list filtered by account (payments, products, usage, tickets, bills) comes back empty for an
 * account that does not exist or that the caller may not see. One account at a time that is a
 * plain empty list; in a bulk run it must be that account's failed record ("not found"), not an
 * empty success. The account is read alongside the list, so the check adds no wait.
 */
import { readableAccounts } from '../../api/tmf/billing-account-batch.js';
import { TMF } from '../../api/tmf/paths.js';
import type { BulkBatchLookup, BulkLookup } from '../../bulk/types.js';

export function ofExistingAccount<O>(lookup: BulkLookup<O>): BulkLookup<O> {
  return async (account, options, context) => {
    const [, data] = await Promise.all([
      context.api.get(`${TMF.billingAccount}/${encodeURIComponent(account)}`, { fields: 'id' }),
      lookup(account, options, context),
    ]);
    return data;
  };
}

/**
 * The same for a batch: the batch's accounts are read in one request alongside its lists, and an
 * account that request does not return is left out of the batch's answer, to be looked up on its
 * own (which tells "not found" from "not yours").
 */
export function ofExistingAccounts<O>(lookup: BulkBatchLookup<O>): BulkBatchLookup<O> {
  return async (accounts, options, context) => {
    const [readable, found] = await Promise.all([readableAccounts(context.api, accounts), lookup(accounts, options, context)]);
    for (const account of found.keys()) if (!readable.has(account)) found.delete(account);
    return found;
  };
}
