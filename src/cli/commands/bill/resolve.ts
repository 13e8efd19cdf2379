/** Turning what the user typed for a bill (an id or `latest`) into a bill id. */
import { callerBills, latestBillId, latestBillSince, toBill } from '../../../api/tmf/customer-bill.js';
import { sinceForLatestBills } from '../../../api/tmf/customer-bill-batch.js';
import type { Bill } from '../../../domain/bill.js';
import type { HttpClient } from '../../../api/http.js';
import { TMF } from '../../../api/tmf/paths.js';
import { GeneralError } from '../../../errors.js';
import { resolveAccountId } from '../../account.js';

/** How many recent bills are read with no account named before asking by account: a few accounts' bills of one or two cycles. */
const CALLER_RECENT_BILLS = 20;

export async function resolveBillId(api: HttpClient, bill: string, account: string | undefined): Promise<string> {
  if (bill !== 'latest') return bill;
  return requireLatestBillId(api, await resolveAccountId(api, account));
}

/**
 * What the user typed for a bill, as its id and, when finding the id read the bill already, the
 * bill: `latest` first reads the account's recent bills whole (one request, latestBillSince), and
 * only when none is recent every bill's id (requireLatestBillId). With no `--account`, the
 * caller's recent bills are asked for while the account list says which account is the caller's
 * (callerBills): the latest bill then costs no round trip of its own. A bill named by its id
 * is not read here: the caller reads it and its lines at once.
 */
export async function resolveBill(api: HttpClient, bill: string, account: string | undefined, now: Date): Promise<{ id: string; bill?: Bill }> {
  if (bill !== 'latest') return { id: bill };
  const since = sinceForLatestBills(now);
  // A failed or partial answer only means asking again by account: its error, if it is one, comes then.
  const ofCaller = account === undefined ? callerBills(api, { since }, CALLER_RECENT_BILLS).catch(() => undefined) : undefined;
  const accountId = await resolveAccountId(api, account);
  const known = await ofCaller;
  const newest = known?.of(accountId)[0];
  const recent = known ? newest && toBill(newest) : await latestBillSince(api, accountId, since);
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
