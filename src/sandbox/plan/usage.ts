/**
 * Daily usage records (TMF635) of an account's services: mobile data, minutes and texts, and home
 * internet data. They are not stored: each day's figure is derived from a hash of the product and
 * the date, so the same product on the same day always shows the same usage, and the current
 * cycle fills in day by day up to today. Mobile plans use a little more than their allowance on
 * average, so a projection has an overage to show.
 */
import { createHash } from 'node:crypto';
import { offeringById } from './catalog.js';
import type { ProductRow } from './inventory.js';

export type UsageType = 'mobileData' | 'voice' | 'sms' | 'internetData';

export interface UsageRecord {
  id: string;
  /** 12:00 UTC of the day. */
  date: string;
  type: UsageType;
  productId: string;
  productName: string;
  billingAccountId: string;
  quantity: number;
  unit: 'MB' | 'min' | 'message';
}

const DAY_MS = 86_400_000;

/** A number in [0, 1) that depends only on its inputs. */
function unitHash(...parts: string[]): number {
  return createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0) / 2 ** 32;
}

function dailyQuantity(product: ProductRow, type: UsageType, day: string): number {
  const u = unitHash(product.id, type, day);
  const allowances = product.offeringId ? offeringById(product.offeringId)?.allowances : undefined;
  switch (type) {
    case 'mobileData': {
      // Around 112 % of the allowance over a 30-day month, between 40 % and 180 % of that each day.
      const mean = ((allowances?.dataGb ?? 10) * 1000 * 1.12) / 30;
      return Math.round(mean * (0.4 + 1.4 * u));
    }
    case 'voice':
      return Math.round(((allowances?.minutes ?? 1000) * 0.5 * (0.2 + 1.6 * u)) / 30);
    case 'sms':
      return Math.round(((allowances?.texts ?? 1000) * 0.3 * (0.2 + 1.6 * u)) / 30);
    case 'internetData':
      return Math.round(4000 + 16000 * u);
  }
}

const TYPES_OF_SERVICE: Record<string, readonly UsageType[]> = {
  mobile: ['mobileData', 'voice', 'sms'],
  internet: ['internetData'],
};
const UNITS: Record<UsageType, UsageRecord['unit']> = { mobileData: 'MB', voice: 'min', sms: 'message', internetData: 'MB' };

/** Usage of the given products on each day from `from` to `to` (12:00 UTC timestamps, inclusive). */
export function usageRecords(products: readonly ProductRow[], from: string, to: string): UsageRecord[] {
  const records: UsageRecord[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY_MS) {
    const date = new Date(t).toISOString();
    const day = date.slice(0, 10);
    for (const product of products) {
      const active = product.startDate.slice(0, 10) <= day && (product.terminationDate === null || product.terminationDate.slice(0, 10) >= day);
      if (!active) continue;
      for (const type of TYPES_OF_SERVICE[product.productType] ?? []) {
        records.push({
          id: `USG-${product.id.replace(/^PRD-/, '')}-${day.replaceAll('-', '')}-${type}`,
          date,
          type,
          productId: product.id,
          productName: product.name,
          billingAccountId: product.billingAccountId,
          quantity: dailyQuantity(product, type, day),
          unit: UNITS[type],
        });
      }
    }
  }
  return records;
}
