/**
 * Which outages concern the user: those at a postal code they name, else at their account's
 * service address. Shared by `espace outage` and `espace doctor`.
 */
import type { HttpClient } from '../../../api/http.js';
import { getServiceAddress } from '../../../api/tmf/service-address.js';
import { listOutages } from '../../../api/tmf/service-problem.js';
import { type Outage, sortOutages } from '../../../domain/outage.js';
import { normalizePostalCode } from '../../../domain/postal-code.js';
import { UsageError } from '../../../errors.js';
import { resolveAccountId } from '../../account.js';

export interface OutageQuery {
  postalCode?: string;
  account?: string;
  /** Every area, not only the user's. */
  all?: boolean;
}

export interface OutageReport {
  /** The postal code looked up; null for every area. */
  postalCode: string | null;
  city?: string;
  outages: Outage[];
}

export async function findOutages(api: HttpClient, query: OutageQuery): Promise<OutageReport> {
  if (query.all) return { postalCode: null, outages: sortOutages(await listOutages(api)) };
  if (query.postalCode !== undefined) {
    const postalCode = normalizePostalCode(query.postalCode, { allowPrefix: true });
    if (postalCode === undefined) throw new UsageError('outage.badPostalCode', { params: { value: query.postalCode } });
    return { postalCode, outages: sortOutages(await listOutages(api, postalCode)) };
  }
  const accountId = await resolveAccountId(api, query.account);
  const address = await getServiceAddress(api, accountId);
  if (!address) throw new UsageError('outage.noAddress', { params: { account: accountId } });
  const postalCode = normalizePostalCode(address.postalCode, { allowPrefix: true }) ?? address.postalCode;
  return { postalCode, city: address.city, outages: sortOutages(await listOutages(api, postalCode)) };
}
