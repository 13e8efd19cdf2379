/**
 * Whose profile a command acts on: the logged-in user's own, the one named by --user (agents), or
 * the holder of a billing account (agents, and bulk runs over accounts).
 */
import type { HttpClient } from '../../../api/http.js';
import { BillingAccount } from '../../../api/tmf/billing-account.js';
import { parseResource } from '../../../api/tmf/common.js';
import { TMF } from '../../../api/tmf/paths.js';
import { getIdentity } from '../../../api/tmf/userinfo.js';
import { GeneralError } from '../../../errors.js';

export async function profileSubject(api: HttpClient, requested: string | undefined): Promise<string> {
  return requested ?? (await getIdentity(api)).subject;
}

/** The individual who holds a billing account: its `owner` related party (TMF666). */
export async function accountHolderId(api: HttpClient, accountId: string): Promise<string> {
  const path = `${TMF.billingAccount}/${encodeURIComponent(accountId)}`;
  const account = parseResource(BillingAccount, await api.get(path, { fields: 'id,relatedParty' }), 'BillingAccount', path);
  const owner = holderIdOf(account);
  if (!owner) throw new GeneralError('profile.noHolder', { params: { account: accountId } });
  return owner;
}

/** The id of the account's `owner` related party, if it names one. */
export function holderIdOf(account: Pick<BillingAccount, 'relatedParty'>): string | undefined {
  return account.relatedParty?.find((party) => party.role?.toLowerCase() === 'owner' && party.id)?.id;
}
