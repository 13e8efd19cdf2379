/** Turning what the user typed for a bill (an id or `latest`) into a bill id. */
import { latestBillId } from '../../../api/tmf/customer-bill.js';
import type { HttpClient } from '../../../api/http.js';
import { GeneralError } from '../../../errors.js';
import { resolveAccountId } from '../../account.js';

export async function resolveBillId(api: HttpClient, bill: string, account: string | undefined): Promise<string> {
  if (bill !== 'latest') return bill;
  const accountId = await resolveAccountId(api, account);
  const latest = await latestBillId(api, accountId);
  if (!latest) throw new GeneralError('bill.noneYet', { params: { account: accountId } });
  return latest;
}
