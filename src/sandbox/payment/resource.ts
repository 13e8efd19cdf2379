/** TMF676 Payment and TMF670 PaymentMethod representations. */
import { expiryDateTime } from '../../domain/card.js';
import { money } from '../money.js';
import type { Payment } from './contract.js';
import type { PaymentMethodRow } from './methods.js';
import type { AllocationRow, PaymentRow } from './payments.js';
import { accountHref, billHref } from '../resources/paths.js';

export const PAYMENT_API = '/paymentManagement/v4';
export const PAYMENT_METHOD_API = '/tmf-api/paymentMethod/v4';

export function paymentHref(origin: string, id: string): string {
  return `${origin}${PAYMENT_API}/payment/${encodeURIComponent(id)}`;
}

export function paymentMethodHref(origin: string, id: string): string {
  return `${origin}${PAYMENT_METHOD_API}/paymentMethod/${encodeURIComponent(id)}`;
}

export function paymentResource(origin: string, row: PaymentRow, allocations: readonly AllocationRow[]): Payment {
  return {
    id: row.id,
    href: paymentHref(origin, row.id),
    ...(row.correlatorId ? { correlatorId: row.correlatorId } : {}),
    ...(row.authorizationCode ? { authorizationCode: row.authorizationCode } : {}),
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    paymentDate: row.paymentDate,
    status: row.status,
    statusDate: row.paymentDate,
    account: { id: row.billingAccountId, href: accountHref(origin, row.billingAccountId), '@referredType': 'BillingAccount' },
    totalAmount: money(row.amountCents, row.currency),
    amount: money(row.amountCents, row.currency),
    channel: { id: row.channel, name: row.channel },
    ...(row.paymentMethodId
      ? {
          paymentMethod: {
            id: row.paymentMethodId,
            name: row.paymentMethodName ?? row.paymentMethodId,
            href: paymentMethodHref(origin, row.paymentMethodId),
            '@referredType': 'PaymentMethod' as const,
            '@type': 'PaymentMethodRef' as const,
          },
        }
      : {}),
    paymentItem: allocations.map((a) => ({
      item: { id: a.billId, href: billHref(origin, a.billId), '@referredType': 'CustomerBill' as const },
      totalAmount: money(a.amountCents, row.currency),
      amount: money(a.amountCents, row.currency),
    })),
    '@type': 'Payment',
  };
}

/**
 * A saved method without its secrets: a card shows brand, last four digits and expiry
 * (`tokenizedCard`, the token itself is never returned); a bank account its institution and
 * transit numbers and the last four digits of the account (`bankAccountDebit`); `@type` values
 * are TMF670's.
 */
export function paymentMethodResource(origin: string, row: PaymentMethodRow, isPreferred: boolean): Record<string, unknown> {
  const common = {
    id: row.id,
    href: paymentMethodHref(origin, row.id),
    name: row.name,
    isPreferred,
    status: row.status,
    account: [{ id: row.billingAccountId, href: accountHref(origin, row.billingAccountId), '@referredType': 'BillingAccount' }],
    validFor: { startDateTime: row.createdAt },
  };
  if (row.kind === 'card') {
    return {
      ...common,
      brand: row.brand,
      cardType: 'credit',
      lastFourDigits: row.lastFour,
      expirationDate: row.expiry === null ? undefined : expiryDateTime(row.expiry),
      tokenType: 'sandbox',
      ...(row.holder ? { nameOnCard: row.holder } : {}),
      '@type': 'tokenizedCard',
    };
  }
  return {
    ...common,
    accountNumberType: 'CA-PAD',
    accountNumber: `•••• ${row.lastFour}`,
    institutionNumber: row.institution,
    transitNumber: row.transit,
    ...(row.holder ? { owner: row.holder } : {}),
    '@type': 'bankAccountDebit',
  };
}
