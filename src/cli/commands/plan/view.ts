/** How plans, offers and orders read: labels, detail text and JSON shapes shared by the plan-area commands. */
import type { Offering, OfferingKind, Order, Product } from '../../../domain/plan.js';
import type { Translate } from '../../../i18n/catalog.js';
import { formatMoney } from '../../../domain/money.js';
import { isoDate, moneyJson } from '../../../output/formats.js';

export function serviceLabel(kind: OfferingKind | undefined, t: Translate): string {
  switch (kind) {
    case 'internet':
      return t('plan.service.internet');
    case 'tv':
      return t('plan.service.tv');
    case 'phone':
      return t('plan.service.phone');
    case 'mobile':
      return t('plan.service.mobile');
    case 'addOn':
      return t('plan.service.addOn');
    default:
      return '—';
  }
}

export function termText(months: number, t: Translate): string {
  return months > 0 ? t('plan.term.months', { months }) : t('plan.term.none');
}

/** Speeds, channels or allowances, whichever the offer has. */
export function offeringDetails(offering: Offering, t: Translate, locale: string): string {
  // Counts as the locale writes them: 10 000 textos, 10,000 texts.
  const n = (value: number) => new Intl.NumberFormat(locale).format(value);
  const parts: string[] = [];
  if (offering.downloadMbps !== undefined) parts.push(t('plan.detail.speed', { down: offering.downloadMbps, up: offering.uploadMbps ?? '?' }));
  if (offering.channels !== undefined) parts.push(t('plan.detail.channels', { channels: n(offering.channels) }));
  if (offering.dataGb !== undefined) parts.push(t('plan.detail.data', { gb: n(offering.dataGb) }));
  if (offering.minutes !== undefined) parts.push(t('plan.detail.minutes', { minutes: n(offering.minutes) }));
  if (offering.texts !== undefined) parts.push(t('plan.detail.texts', { texts: n(offering.texts) }));
  if (offering.dataOverage) parts.push(t('plan.detail.overage', { price: formatMoney(offering.dataOverage, locale) }));
  if (offering.requiresService) parts.push(t('plan.detail.requires', { service: serviceLabel(offering.requiresService, t) }));
  if (offering.compatibleWith) parts.push(t('plan.detail.compatible', { offers: offering.compatibleWith.join(', ') }));
  return parts.join(' · ');
}

export function offeringJson(offering: Offering, locale: string) {
  return {
    id: offering.id,
    name: offering.name,
    service: offering.kind,
    monthly: moneyJson(offering.monthly, locale),
    termMonths: offering.termMonths,
    ...(offering.downloadMbps !== undefined ? { downloadMbps: offering.downloadMbps, uploadMbps: offering.uploadMbps } : {}),
    ...(offering.channels !== undefined ? { channels: offering.channels } : {}),
    ...(offering.dataGb !== undefined ? { allowance: { dataGb: offering.dataGb, minutes: offering.minutes, texts: offering.texts } } : {}),
    ...(offering.dataOverage ? { dataOveragePerGb: moneyJson(offering.dataOverage, locale) } : {}),
    ...(offering.requiresService ? { requiresService: offering.requiresService } : {}),
    ...(offering.compatibleWith ? { compatibleWith: offering.compatibleWith } : {}),
  };
}

export function productJson(product: Product, locale: string) {
  return {
    id: product.id,
    name: product.name,
    service: product.kind ?? null,
    addOn: product.isAddOn,
    offeringId: product.offeringId ?? null,
    monthly: moneyJson(product.monthly, locale),
    contractEnd: isoDate(product.contractEnd) ?? null,
  };
}

export function orderJson(order: Order, locale: string) {
  return {
    id: order.id,
    account: order.accountId ?? null,
    state: order.state,
    orderDate: order.orderDate ?? null,
    completionDate: order.completionDate ?? null,
    ...(order.reason ? { reason: order.reason } : {}),
    items: order.items.map((item) => ({
      action: item.action,
      product: item.productId ?? null,
      productName: item.productName ?? null,
      offering: item.offeringId ?? null,
      previousMonthly: item.previousMonthly ? moneyJson(item.previousMonthly, locale) : null,
      monthly: item.monthly ? moneyJson(item.monthly, locale) : null,
    })),
    stateChanges: order.stateChanges,
  };
}

export function actionLabel(action: string, t: Translate): string {
  if (action === 'modify') return t('order.action.modify');
  if (action === 'add') return t('order.action.add');
  if (action === 'delete') return t('order.action.delete');
  return action;
}

/** "modify PRD-1001-INT → Internet Giga Plus" style summary of an order's items. */
export function orderItemsText(order: Order, t: Translate): string {
  return order.items.map((item) => `${actionLabel(item.action, t)} ${item.offeringName ?? item.productName ?? item.productId ?? ''}`.trim()).join('; ');
}
