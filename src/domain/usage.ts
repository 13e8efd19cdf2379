/**
 * Usage of a cycle against a plan's allowances: totals, a projection to the end of the cycle at
 * the pace so far, and what the data above the allowance would cost. Pure.
 */
import type { Money } from './money.js';

export type UsageKind = 'mobileData' | 'voice' | 'sms' | 'internetData';

export interface UsageRecord {
  date: string;
  kind: UsageKind;
  productId: string;
  productName?: string;
  /** MB for data, minutes for voice, messages for sms. */
  quantity: number;
}

/** A usage record of a type espace does not meter, kept as the server gave it. */
export interface OtherUsageRecord {
  id: string;
  date: string;
  /** The server's `usageType`, as it wrote it. */
  type: string;
  quantity?: number;
  unit?: string;
  productId?: string;
  productName?: string;
}

/** Other usage added up per type, unit and product, in order of first appearance. */
export interface OtherUsageTotal {
  type: string;
  unit?: string;
  productId?: string;
  productName?: string;
  /** The sum of the records' quantities; undefined when none gave one. */
  quantity?: number;
  records: number;
}

export function totalOtherUsage(records: readonly OtherUsageRecord[]): OtherUsageTotal[] {
  const totals = new Map<string, OtherUsageTotal>();
  for (const record of records) {
    const key = JSON.stringify([record.type, record.unit ?? null, record.productId ?? null]);
    let total = totals.get(key);
    if (!total) {
      total = {
        type: record.type,
        ...(record.unit !== undefined ? { unit: record.unit } : {}),
        ...(record.productId !== undefined ? { productId: record.productId } : {}),
        ...(record.productName !== undefined ? { productName: record.productName } : {}),
        records: 0,
      };
      totals.set(key, total);
    }
    total.records += 1;
    if (record.quantity !== undefined) total.quantity = (total.quantity ?? 0) + record.quantity;
  }
  return [...totals.values()];
}

export interface Meter {
  used: number;
  allowance?: number;
  /** At the pace so far, by the end of the cycle (equal to used for a finished cycle). */
  projected: number;
}

export interface ProductUsage {
  productId: string;
  productName: string;
  kind: 'mobile' | 'internet';
  /** Data in MB. */
  data: Meter;
  minutes?: Meter;
  texts?: Meter;
  /** What the data above the allowance costs (so far and projected); zero without an allowance. */
  overage?: { used: Money; projected: Money };
  daily: { date: string; dataMb: number }[];
}

export interface Allowance {
  dataGb?: number;
  minutes?: number;
  texts?: number;
  dataOverage?: Money;
}

export const MB_PER_GB = 1000;

/** Each GB or part of a GB above the allowance is charged. */
export function overageCost(usedMb: number, allowanceGb: number | undefined, perGb: Money | undefined): Money {
  const currency = perGb?.currency ?? 'CAD';
  if (allowanceGb === undefined || !perGb) return { amount: 0, currency };
  const over = usedMb - allowanceGb * MB_PER_GB;
  return { amount: over > 0 ? Math.ceil(over / MB_PER_GB) * perGb.amount : 0, currency };
}

/** Total of `used` over `elapsed` days, extended to `total` days (whole units). */
export function project(used: number, elapsedDays: number, totalDays: number): number {
  if (elapsedDays <= 0) return used;
  return Math.round((used * totalDays) / elapsedDays);
}

export function summarizeUsage(
  records: readonly UsageRecord[],
  product: { id: string; name: string; kind: 'mobile' | 'internet' },
  allowance: Allowance,
  cycle: { days: number; elapsedDays: number },
): ProductUsage {
  const mine = records.filter((r) => r.productId === product.id);
  const total = (kind: UsageKind) => mine.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.quantity, 0);
  const meter = (used: number, limit?: number): Meter => ({
    used,
    ...(limit !== undefined ? { allowance: limit } : {}),
    projected: project(used, cycle.elapsedDays, cycle.days),
  });
  const dataKind: UsageKind = product.kind === 'mobile' ? 'mobileData' : 'internetData';
  const data = meter(total(dataKind), allowance.dataGb !== undefined ? allowance.dataGb * MB_PER_GB : undefined);
  const byDay = new Map<string, number>();
  for (const r of mine) if (r.kind === dataKind) byDay.set(r.date.slice(0, 10), (byDay.get(r.date.slice(0, 10)) ?? 0) + r.quantity);
  const result: ProductUsage = {
    productId: product.id,
    productName: product.name,
    kind: product.kind,
    data,
    daily: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, dataMb]) => ({ date, dataMb })),
  };
  if (product.kind === 'mobile') {
    result.minutes = meter(total('voice'), allowance.minutes);
    result.texts = meter(total('sms'), allowance.texts);
    result.overage = {
      used: overageCost(data.used, allowance.dataGb, allowance.dataOverage),
      projected: overageCost(data.projected, allowance.dataGb, allowance.dataOverage),
    };
  }
  return result;
}
