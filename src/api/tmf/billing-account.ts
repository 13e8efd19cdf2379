/** TMF666 Account Management: `billingAccount`, with its balances. */
import * as z from 'zod';
import type { Account } from '../../domain/account.js';
import type { HttpClient, HttpResponse } from '../http.js';
import { TmfMoney, listAll, parseResource, toMoney } from './common.js';
import { TMF } from './paths.js';

export const BillingAccount = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  state: z.string().optional(),
  paymentStatus: z.string().optional(),
  accountBalance: z.array(z.looseObject({ balanceType: z.string().optional(), amount: TmfMoney })).optional(),
  relatedParty: z.array(z.looseObject({ id: z.string().optional(), name: z.string().optional(), role: z.string().optional() })).optional(),
});
export type BillingAccount = z.infer<typeof BillingAccount>;

export function toAccount(account: BillingAccount): Account {
  const balance = (type: string) => {
    const found = account.accountBalance?.find((item) => item.balanceType === type);
    return found ? toMoney(found.amount) : undefined;
  };
  const holder = account.relatedParty?.find((party) => party.role?.toLowerCase() === 'owner') ?? account.relatedParty?.[0];
  return {
    id: account.id,
    name: account.name ?? account.id,
    holder: holder?.name,
    state: account.state,
    paymentStatus: account.paymentStatus,
    balance: balance('currentBalance'),
    overdue: balance('overdueBalance'),
  };
}

export async function listAccounts(client: HttpClient, max?: number): Promise<Account[]> {
  const accounts = await listAll(client, TMF.billingAccount, BillingAccount, 'BillingAccount', { max });
  return accounts.map(toAccount);
}

/** The account in the answer to a GET of `path` (a billingAccount). */
export function accountIn(response: HttpResponse, path: string): Account {
  return toAccount(parseResource(BillingAccount, response, 'BillingAccount', path));
}
