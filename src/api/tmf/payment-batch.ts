/**
 * TMF676 payments of many accounts at once, for bulk `payment list`: `payment?account.id=A,B,…`
 * (a TMF630 multi-value filter), dealt out to the account each payment names and sorted as one
 * account's list is (listPayments).
 */
import type { Payment } from '../../domain/payment.js';
import type { HttpClient } from '../http.js';
import { listOfAccounts } from './accounts-list-batch.js';
import { newestFirst } from './checked-list.js';
import { PAYMENT_PATH, TmfPayment, toPayment } from './payment.js';

/** Each account's payments, newest first, at most `limit`, by account; undefined: read them one by one. */
export async function paymentsOfAccounts(client: HttpClient, accountIds: readonly string[], limit?: number): Promise<Map<string, Payment[]> | undefined> {
  const byAccount = await listOfAccounts(client, TmfPayment, accountIds, {
    path: PAYMENT_PATH,
    resource: 'Payment',
    accountFilter: 'account.id',
    accountsOf: (payment) => (payment.account ? [payment.account.id] : undefined),
  });
  if (byAccount === undefined) return undefined;
  return new Map(
    [...byAccount].map(([account, payments]) => [
      account,
      newestFirst(payments, (payment) => payment.paymentDate)
        .slice(0, limit)
        .map(toPayment),
    ]),
  );
}
