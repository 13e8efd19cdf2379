/** Turning what the user typed for a bill (an id or `latest`) into a bill id. */
import { latestBillId, latestBillSince } from '../../../api/tmf/customer-bill.js';
import { sinceForLatestBills } from '../../../api/tmf/customer-bill-batch.js';
import type { Bill } from '../../../domain/bill.js';
import type { HttpClient } from '../../../api/http.js';
import { TMF } from '../../../api/tmf/paths.js';
import { GeneralError } from '../../../errors.js';
import { resolveAccountId } from '../../account.js';

export async function resolveBillId(api: HttpClient, bill: string, account: string | undefined): Promise<string> {
  if (bill !== 'latest') return bill;
  return requireLatestBillId(api, await resolveAccountId(api, account));
}

/**
 * What the user typed for a bill, as its id and, when finding the id read the bill already, the
 * bill: `latest` first reads the account's recent bills whole (one request, latestBillSince), and
 * only when none is recent every bill's id (requireLatestBillId). A bill named by its id is not
 * read here: the caller reads it and its lines at once.
 */
export async function resolveBill(api: HttpClient, bill: string, account: string | undefined, now: Date): Promise<{ id: string; bill?: Bill }> {
  if (bill !== 'latest') return { id: bill };
  const accountId = await resolveAccountId(api, account);
  const recent = await latestBillSince(api, accountId, sinceForLatestBills(now));
  if (recent) return { id: recent.id, bill: recent };
  return { id: await requireLatestBillId(api, accountId) };
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
