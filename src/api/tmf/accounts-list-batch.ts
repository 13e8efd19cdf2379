/**
 * A TMF list read for many accounts at once, for bulk runs: TMF630 lets a filter take several
 * comma-separated values (OR), so `payment?account.id=A,B,C` gives the payments of three accounts
 * in one request, which are then dealt out to the accounts each item names.
 *
 * Each item is checked against what was asked, as one account's list checks it (checked-list.ts):
 * an item about none of the accounts asked, one that does not say which account it is about, or
 * one another filter excludes means the server ignored a filter; the read throws
 * IgnoredFilterError and the caller looks those accounts up one by one, which gives each its
 * exact answer.
 */
import type { z } from 'zod';
import { IgnoredFilterError } from '../errors.js';
import type { HttpClient, QueryValue } from '../http.js';
import { LIST_CEILING, listAll } from './common.js';

/** The most a TMF630 server is asked for in one page; the sandbox's own maximum. */
const PAGE_SIZE = 1000;

export interface AccountsListRead<T> {
  path: string;
  /** The resource's name in errors, e.g. `Payment`. */
  resource: string;
  /** The filter on the account, e.g. `account.id`. */
  accountFilter: string;
  /** The other query parameters (filters, `fields`). */
  query?: Record<string, QueryValue>;
  /** The accounts an item is about; undefined when it does not say. */
  accountsOf(item: T): readonly string[] | undefined;
  /** The first other filter sent that the item does not meet, if any. */
  excludedBy?(item: T): string | undefined;
}

/**
 * The items of each of these accounts, in the server's order, by account (an account without any
 * maps to []); undefined when the answer holds `maxItems` or more (by default LIST_CEILING's,
 * what one list read gathers at most), which the caller takes as "look these accounts up one by
 * one".
 */
export async function listOfAccounts<S extends z.ZodType>(
  client: HttpClient,
  schema: S,
  accountIds: readonly string[],
  read: AccountsListRead<z.infer<S>>,
  maxItems: number = LIST_CEILING.items,
): Promise<Map<string, z.infer<S>[]> | undefined> {
  const items = await listAll(client, read.path, schema, read.resource, {
    query: { ...read.query, [read.accountFilter]: accountIds.join(',') },
    pageSize: PAGE_SIZE,
    // Stopped here rather than at the ceiling, which would warn once per batch.
    max: maxItems,
  });
  // A read stopped there may have left out some of an account's items.
  if (items.length >= maxItems) return undefined;
  const byAccount = new Map<string, z.infer<S>[]>(accountIds.map((id) => [id, []]));
  for (const item of items) {
    const excluded = read.excludedBy?.(item);
    if (excluded !== undefined) throw new IgnoredFilterError(excluded);
    const accounts = new Set(read.accountsOf(item)?.filter((account) => byAccount.has(account)));
    if (accounts.size === 0) throw new IgnoredFilterError(read.accountFilter);
    for (const account of accounts) byAccount.get(account)!.push(item);
  }
  return byAccount;
}
