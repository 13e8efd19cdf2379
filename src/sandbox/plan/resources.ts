/**
 * TMF representations of the plan area. The catalog's offers are the documented subtype
 * `EspaceProductOffering`, which adds what TMF620 leaves to product specifications: the service an
 * offer is for (`serviceType`), and for add-ons the service they need (`requiresService`) and the
 * plans they work with (`compatibleOffering`). Orders are `EspaceProductOrder`, which adds the
 * history of their states (`stateChange`).
 */
import { money } from '../money.js';
import { accountHref } from '../resources/paths.js';
import type { Offering } from './catalog.js';
import type { ProductRow } from './inventory.js';
import type { OrderItemRow, OrderRow, OrderStateRow } from './orders.js';
import { CATALOG_API, INVENTORY_API, ORDERING_API, USAGE_API } from './paths.js';
import type { UsageRecord } from './usage.js';
import { ESPACE_PRODUCT_OFFERING, ESPACE_PRODUCT_ORDER, type Product, type ProductOffering, type ProductOrder, type Usage } from './contract.js';

const offeringHref = (origin: string, id: string) => `${origin}${CATALOG_API}/productOffering/${encodeURIComponent(id)}`;
const productHref = (origin: string, id: string) => `${origin}${INVENTORY_API}/product/${encodeURIComponent(id)}`;

function charValue(name: string, value: number | string, unitOfMeasure?: string) {
  return { name, productSpecCharacteristicValue: [{ value, ...(unitOfMeasure ? { unitOfMeasure } : {}) }] };
}

export function productOfferingResource(origin: string, offering: Offering): ProductOffering {
  const characteristics = [
    ...(offering.downloadMbps !== undefined ? [charValue('downloadSpeed', offering.downloadMbps, 'Mbps')] : []),
    ...(offering.uploadMbps !== undefined ? [charValue('uploadSpeed', offering.uploadMbps, 'Mbps')] : []),
    ...(offering.channels !== undefined ? [charValue('channels', offering.channels)] : []),
    ...(offering.allowances?.dataGb !== undefined ? [charValue('dataAllowance', offering.allowances.dataGb, 'GB')] : []),
    ...(offering.allowances?.minutes !== undefined ? [charValue('voiceAllowance', offering.allowances.minutes, 'min')] : []),
    ...(offering.allowances?.texts !== undefined ? [charValue('smsAllowance', offering.allowances.texts, 'message')] : []),
  ];
  return {
    id: offering.id,
    href: offeringHref(origin, offering.id),
    name: offering.name,
    description: offering.description,
    isBundle: false,
    isSellable: true,
    lifecycleStatus: 'Launched',
    category: [{ id: offering.kind, name: offering.kind }],
    serviceType: offering.kind,
    ...(offering.requiresService ? { requiresService: offering.requiresService } : {}),
    ...(offering.compatibleWith ? { compatibleOffering: offering.compatibleWith.map((id) => ({ id, href: offeringHref(origin, id) })) } : {}),
    productOfferingTerm: [
      {
        name: offering.termMonths > 0 ? `${offering.termMonths}-month contract` : 'No contract',
        duration: { amount: offering.termMonths, units: 'month' },
      },
    ],
    prodSpecCharValueUse: characteristics,
    productOfferingPrice: [
      {
        id: `${offering.id}-MONTHLY`,
        name: 'Monthly price',
        priceType: 'recurring' as const,
        recurringChargePeriodType: 'month',
        recurringChargePeriodLength: 1,
        price: money(offering.priceCents),
        '@type': 'ProductOfferingPrice' as const,
      },
      ...(offering.dataOverageCentsPerGb !== undefined
        ? [
            {
              id: `${offering.id}-DATA-OVERAGE`,
              name: 'Mobile data above the allowance, per GB or part of a GB',
              priceType: 'usage' as const,
              unitOfMeasure: { amount: 1, units: 'GB' },
              price: money(offering.dataOverageCentsPerGb),
              '@type': 'ProductOfferingPrice' as const,
            },
          ]
        : []),
    ],
    '@type': ESPACE_PRODUCT_OFFERING,
    '@baseType': 'ProductOffering',
  };
}

export function productResource(origin: string, row: ProductRow, offering: Offering | undefined): Product {
  return {
    id: row.id,
    href: productHref(origin, row.id),
    name: row.name,
    isBundle: false,
    isCustomerVisible: true,
    status: row.status as Product['status'],
    startDate: row.startDate,
    ...(row.terminationDate ? { terminationDate: row.terminationDate } : {}),
    billingAccount: {
      id: row.billingAccountId,
      href: accountHref(origin, row.billingAccountId),
      name: row.billingAccountName,
      '@referredType': 'BillingAccount',
    },
    ...(row.offeringId ? { productOffering: { id: row.offeringId, href: offeringHref(origin, row.offeringId), name: offering?.name ?? row.offeringId } } : {}),
    productCharacteristic: [
      { name: 'serviceType', valueType: 'string', value: offering?.kind ?? (row.isAddOn ? 'addOn' : row.productType) },
      { name: 'isAddOn', valueType: 'boolean', value: row.isAddOn === 1 },
    ],
    productPrice: [{ name: 'Monthly price', priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: money(row.priceCents ?? 0) } }],
    ...(row.contractEnd ? { productTerm: [{ name: 'Contract term', validFor: { startDateTime: row.startDate, endDateTime: row.contractEnd } }] } : {}),
    '@type': 'Product',
  };
}

export function productOrderResource(origin: string, order: OrderRow, items: readonly OrderItemRow[], states: readonly OrderStateRow[]): ProductOrder {
  return {
    id: order.id,
    href: `${origin}${ORDERING_API}/productOrder/${encodeURIComponent(order.id)}`,
    orderDate: order.orderDate,
    ...(order.completionDate ? { completionDate: order.completionDate } : {}),
    state: order.state,
    ...(order.stateReason ? { note: [{ text: order.stateReason }] } : {}),
    billingAccount: { id: order.billingAccountId, href: accountHref(origin, order.billingAccountId), name: order.billingAccountName },
    productOrderItem: items.map((item) => ({
      id: String(item.seq),
      action: item.action,
      state: order.state,
      quantity: 1,
      product: { id: item.productId, href: productHref(origin, item.productId), name: item.newName ?? item.oldName ?? item.productId },
      ...(item.newOfferingId
        ? { productOffering: { id: item.newOfferingId, href: offeringHref(origin, item.newOfferingId), name: item.newName ?? item.newOfferingId } }
        : {}),
      itemPrice: [
        ...(item.oldPriceCents !== null
          ? [{ name: 'previousMonthlyPrice', priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: money(item.oldPriceCents) } }]
          : []),
        ...(item.newPriceCents !== null
          ? [{ name: 'monthlyPrice', priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: money(item.newPriceCents) } }]
          : []),
      ],
      requestedStartDate: item.effectiveDate,
      '@type': 'ProductOrderItem',
    })),
    stateChange: states.map((s) => ({ state: s.state, changeDate: s.at })),
    '@type': ESPACE_PRODUCT_ORDER,
    '@baseType': 'ProductOrder',
  };
}

export function usageResource(origin: string, record: UsageRecord): Usage {
  return {
    id: record.id,
    href: `${origin}${USAGE_API}/usage/${encodeURIComponent(record.id)}`,
    usageDate: record.date,
    usageType: record.type,
    status: 'rated',
    usageCharacteristic: [
      { name: 'quantity', valueType: 'number', value: record.quantity },
      { name: 'unit', valueType: 'string', value: record.unit },
    ],
    ratedProductUsage: [{ isBilled: false, productRef: { id: record.productId, href: productHref(origin, record.productId), name: record.productName } }],
    relatedParty: [{ id: record.billingAccountId, role: 'billingAccount', '@referredType': 'BillingAccount' }],
    '@type': 'Usage',
  };
}
