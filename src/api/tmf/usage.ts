/** TMF635 Usage: daily `usage` records of an account, mapped to the domain's UsageRecord. */
import { z } from 'zod';
import type { UsageKind, UsageRecord } from '../../domain/usage.js';
import type { HttpClient } from '../http.js';
import { billingAccountIdsOf, check, listMatching, withinDays } from './checked-list.js';
import { TmfRef } from './common.js';

export const USAGE_PATH = '/tmf-api/usageManagement/v4/usage';

export const Usage = z.looseObject({
  id: z.string(),
  usageDate: z.string(),
  usageType: z.string(),
  usageCharacteristic: z.array(z.looseObject({ name: z.string(), value: z.unknown() })).optional(),
  ratedProductUsage: z.array(z.looseObject({ productRef: TmfRef.optional() })).optional(),
  /** TMF635 names the account among the related parties (some servers give a `billingAccount`). */
  relatedParty: z.array(z.looseObject({ id: z.string().optional(), role: z.string().optional(), '@referredType': z.string().optional() })).optional(),
});
type Usage = z.infer<typeof Usage>;

const KINDS: ReadonlySet<string> = new Set(['mobileData', 'voice', 'sms', 'internetData']);

/** Records between two dates (YYYY-MM-DD, inclusive); unknown usage types are skipped. */
export async function listUsage(client: HttpClient, accountId: string, from: string, to: string): Promise<UsageRecord[]> {
  const records = await listMatching(client, USAGE_PATH, Usage, 'Usage', {
    query: { 'billingAccount.id': accountId, 'usageDate.gte': from, 'usageDate.lte': to },
    checks: [
      check('billingAccount.id', accountId, (record: Usage, account) => billingAccountIdsOf(record)?.includes(account), 'relatedParty (BillingAccount)'),
      check('usageDate.gte', from, (record: Usage) => withinDays(record.usageDate, from, undefined), 'usageDate'),
      check('usageDate.lte', to, (record: Usage) => withinDays(record.usageDate, undefined, to), 'usageDate'),
    ],
    pageSize: 1000,
  });
  return records.flatMap((record) => {
    const quantity = record.usageCharacteristic?.find((c) => c.name === 'quantity')?.value;
    const product = record.ratedProductUsage?.[0]?.productRef;
    if (!KINDS.has(record.usageType) || typeof quantity !== 'number' || !product) return [];
    return [{ date: record.usageDate, kind: record.usageType as UsageKind, productId: product.id, productName: product.name, quantity }];
  });
}
