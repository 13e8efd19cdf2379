/**
 * TMF678 representations. A bill is the documented subtype `EspaceCustomerBill`, which adds the
 * statement section TMF678 v4 lacks: `previousBalance` and `paymentReceived[]`, with
 * amountDue = previousBalance − Σ paymentReceived.appliedAmount + taxIncludedAmount.
 */
import { money } from '../money.js';
import { ESPACE_CUSTOMER_BILL, type AppliedCustomerBillingRate, type CustomerBill } from './contract.js';
import type { BillRow, PaymentLinkRow, RateRow, TaxRow } from './bill-store.js';
import { accountHref, billHref, rateHref } from '../resources/paths.js';
import type { DocumentLang } from './document/bill-labels.js';
import { billDocumentRef } from './bill-document-resource.js';

type TaxItem = NonNullable<CustomerBill['taxItem']>[number];
type AccountRef = CustomerBill['billingAccount'];

export interface BillChildren {
  taxItems?: readonly TaxRow[];
  received?: readonly PaymentLinkRow[];
  applied?: readonly PaymentLinkRow[];
}

function taxItem(row: TaxRow, currency: string): TaxItem {
  return { taxCategory: row.category, taxRate: row.rate, taxAmount: money(row.cents, currency) };
}

function accountRef(origin: string, id: string, name: string): AccountRef {
  return { id, href: accountHref(origin, id), name, '@referredType': 'BillingAccount' };
}

/** Children left undefined (not loaded because `fields` excludes them) are left out. */
export function customerBillResource(origin: string, row: BillRow, children: BillChildren, documentLang: DocumentLang): CustomerBill {
  const c = row.currency;
  return {
    id: row.id,
    href: billHref(origin, row.id),
    billNo: row.billNo,
    billDate: row.billDate,
    billingPeriod: { startDateTime: row.periodStart, endDateTime: row.periodEnd },
    paymentDueDate: row.paymentDueDate,
    ...(row.nextBillDate ? { nextBillDate: row.nextBillDate } : {}),
    lastUpdate: row.lastUpdate,
    category: row.category,
    runType: row.runType,
    state: row.state,
    billingAccount: accountRef(origin, row.billingAccountId, row.billingAccountName),
    taxExcludedAmount: money(row.taxExcludedCents, c),
    ...(children.taxItems ? { taxItem: children.taxItems.map((t) => taxItem(t, c)) } : {}),
    taxIncludedAmount: money(row.taxIncludedCents, c),
    previousBalance: money(row.previousBalanceCents, c),
    ...(children.received
      ? {
          paymentReceived: children.received.map((p) => ({
            payment: { id: p.paymentId, name: p.paymentName },
            appliedAmount: money(p.amountCents, c),
            date: p.date,
          })),
        }
      : {}),
    amountDue: money(row.amountDueCents, c),
    remainingAmount: money(row.remainingCents, c),
    ...(children.applied
      ? {
          appliedPayment: children.applied.map((p) => ({
            payment: { id: p.paymentId, name: p.paymentName },
            appliedAmount: money(p.amountCents, c),
          })),
        }
      : {}),
    billDocument: [billDocumentRef(origin, row, documentLang)],
    '@type': ESPACE_CUSTOMER_BILL,
    '@baseType': 'CustomerBill',
    '@schemaLocation': `${origin}/openapi.json#/components/schemas/${ESPACE_CUSTOMER_BILL}`,
  };
}

export function appliedBillingRateResource(origin: string, row: RateRow, taxes: readonly TaxRow[] | undefined): AppliedCustomerBillingRate {
  const c = row.currency;
  return {
    id: row.id,
    href: rateHref(origin, row.id),
    name: row.name,
    description: row.description,
    date: row.date,
    appliedBillingRateType: row.rateType,
    isBilled: true,
    bill: { id: row.billId, href: billHref(origin, row.billId), name: row.billNo, '@referredType': 'CustomerBill' },
    billingAccount: accountRef(origin, row.billingAccountId, row.billingAccountName),
    ...(row.productId ? { product: { id: row.productId, name: row.productName ?? row.productId, '@referredType': 'Product' } } : {}),
    periodCoverage: { startDateTime: row.periodStart, endDateTime: row.periodEnd },
    characteristic: [{ name: 'billSection', valueType: 'string', value: row.section }],
    taxExcludedAmount: money(row.taxExcludedCents, c),
    taxIncludedAmount: money(row.taxIncludedCents, c),
    ...(taxes !== undefined ? { appliedTax: taxes.map((t) => taxItem(t, c)) } : {}),
    '@type': 'AppliedCustomerBillingRate',
  };
}
