/** Turning what the user typed for a bill (an id or `latest`) into a bill id. */
import { latestBillId } from '../../../api/tmf/customer-bill.js';
import type { HttpClient } from '../../../api/http.js';
import { TMF } from '../../../api/tmf/paths.js';
import { GeneralError } from '../../../errors.js';
import { resolveAccountId } from '../../account.js';

export async function resolveBillId(api: HttpClient, bill: string, account: string | undefined): Promise<string> {
  if (bill !== 'latest') return bill;
  return requireLatestBillId(api, await resolveAccountId(api, account));
}

/**
 * The id of an account's latest bill. No bill also means an unknown account, or one the caller
 * may not read: reading the account then tells which, so that the error says "not found" (404),
 * not "no bill yet".
 */
export async function requireLatestBillId(api: HttpClient, accountId: string): Promise<string> {
  const latest = await latestBillId(api, accountId);
  if (latest) return latest;
  await api.get(`${TMF.billingAccount}/${encodeURIComponent(accountId)}`, { fields: 'id' });
  throw new GeneralError('bill.noneYet', { params: { account: accountId } });
}
