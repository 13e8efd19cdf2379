/**
 * TMF666 reads for many accounts at once, for bulk `account show`: `billingAccount?id=A,B,…`
 * (a TMF630 multi-value filter) gives each account with its autopay setting, which one GET per
 * account would otherwise. An answer holding an account that was not asked for throws
 * IgnoredFilterError, as in customer-bill-batch.ts.
 */
import type { z } from 'zod';
import type { Account } from '../../domain/account.js';
import { IgnoredFilterError } from '../errors.js';
import type { HttpClient } from '../http.js';
import { BillingAccount, toAccount } from './billing-account.js';
import { listAll } from './common.js';
import { TMF } from './paths.js';
import { AccountAutopay, type AutopayState, toAutopay } from './payment.js';

/** The most a TMF630 server is asked for in one page; the sandbox's own maximum. */
const PAGE_SIZE = 1000;

/** A billingAccount as account show reads it: the account, and the autopay characteristic. */
const BillingAccountWithAutopay = BillingAccount.extend({
  defaultPaymentMethod: AccountAutopay.shape.defaultPaymentMethod,
  characteristic: AccountAutopay.shape.characteristic,
});

export interface AccountWithAutopay {
  account: Account;
  autopay: AutopayState;
}

/**
 * These accounts with their autopay setting, by id. An account missing from the map is unknown,
 * or not the caller's to read: only a GET of that account alone can tell which.
 */
export async function getAccountsWithAutopay(client: HttpClient, accountIds: readonly string[]): Promise<Map<string, AccountWithAutopay>> {
  const items = await listAll(client, TMF.billingAccount, BillingAccountWithAutopay, 'BillingAccount', {
    query: { id: accountIds.join(',') },
    pageSize: PAGE_SIZE,
  });
  const wanted = new Set(accountIds);
  const found = new Map<string, AccountWithAutopay>();
  for (const item of items) {
    if (!wanted.has(item.id)) throw new IgnoredFilterError('id');
    found.set(item.id, { account: toAccount(item), autopay: toAutopay(item) });
  }
  return found;
}

/** A billingAccount as a batch's existence check reads it: its id (and holder, when asked). */
const BillingAccountId = BillingAccount.pick({ id: true, relatedParty: true });

/**
 * Which of these accounts the caller may read, each with its related parties when `withParties`
 * (`billingAccount?id=A,B,…&fields=id`): the check a list by account needs, since a list comes
 * back empty alike for an account without items, an unknown one and one that is not the caller's.
 */
export async function readableAccounts(
  client: HttpClient,
  accountIds: readonly string[],
  withParties = false,
): Promise<Map<string, z.infer<typeof BillingAccountId>>> {
  const items = await listAll(client, TMF.billingAccount, BillingAccountId, 'BillingAccount', {
    query: { id: accountIds.join(','), fields: withParties ? 'id,relatedParty' : 'id' },
    pageSize: PAGE_SIZE,
  });
  const wanted = new Set(accountIds);
  const found = new Map<string, z.infer<typeof BillingAccountId>>();
  for (const item of items) {
    if (!wanted.has(item.id)) throw new IgnoredFilterError('id');
    found.set(item.id, item);
  }
  return found;
}
