/** TMF635 Usage: daily `usage` records of an account, mapped to the domain's UsageRecord. */
import * as z from 'zod';
import type { OtherUsageRecord, UsageKind, UsageRecord } from '../../domain/usage.js';
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
export type Usage = z.infer<typeof Usage>;

const KINDS: ReadonlySet<string> = new Set(['mobileData', 'voice', 'sms', 'internetData']);

/** What a usage read gives: the records of the four kinds espace meters, and all the others. */
export interface UsageRead {
  records: UsageRecord[];
  /** Usage of a type espace does not know (or a known type it cannot meter), as the server gave it. */
  other: OtherUsageRecord[];
}

function quantityOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/**
 * Records between two dates (YYYY-MM-DD, inclusive). A usage type outside the four espace meters
 * is not dropped: it comes back in `other`, with its unit (the `unit` characteristic) when given.
 */
export async function readUsage(client: HttpClient, accountId: string, from: string, to: string): Promise<UsageRead> {
  const read = await listMatching(client, USAGE_PATH, Usage, 'Usage', {
    query: { 'billingAccount.id': accountId, 'usageDate.gte': from, 'usageDate.lte': to },
    checks: [
      check('billingAccount.id', accountId, (record: Usage, account) => billingAccountIdsOf(record)?.includes(account), 'relatedParty (BillingAccount)'),
      check('usageDate.gte', from, (record: Usage) => withinDays(record.usageDate, from, undefined), 'usageDate'),
      check('usageDate.lte', to, (record: Usage) => withinDays(record.usageDate, undefined, to), 'usageDate'),
    ],
    pageSize: 1000,
  });
  return toUsageRead(read);
}

/** The records of an account as read, split into those espace meters and the others. */
export function toUsageRead(read: readonly Usage[]): UsageRead {
  const records: UsageRecord[] = [];
  const other: OtherUsageRecord[] = [];
  for (const record of read) {
    const characteristic = (name: string) => record.usageCharacteristic?.find((c) => c.name === name)?.value;
    const quantity = quantityOf(characteristic('quantity'));
    const product = record.ratedProductUsage?.[0]?.productRef;
    if (KINDS.has(record.usageType) && typeof characteristic('quantity') === 'number' && product) {
      records.push({ date: record.usageDate, kind: record.usageType as UsageKind, productId: product.id, productName: product.name, quantity: quantity! });
      continue;
    }
    const unit = characteristic('unit');
    other.push({
      id: record.id,
      date: record.usageDate,
      type: record.usageType,
      ...(quantity !== undefined ? { quantity } : {}),
      ...(typeof unit === 'string' && unit !== '' ? { unit } : {}),
      ...(product ? { productId: product.id, ...(product.name !== undefined ? { productName: product.name } : {}) } : {}),
    });
  }
  return { records, other };
}

/** The records of the four kinds espace meters (readUsage also gives the others). */
export async function listUsage(client: HttpClient, accountId: string, from: string, to: string): Promise<UsageRecord[]> {
  return (await readUsage(client, accountId, from, to)).records;
}
