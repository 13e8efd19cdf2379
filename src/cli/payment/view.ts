/** How payments and payment methods are shown: JSON records and table rows. */
import type { Payment, PaymentMethod } from '../../domain/payment.js';
import { amountText, formatDate, isoDate, moneyJson } from '../../output/formats.js';

export function paymentJson(payment: Payment, locale: string) {
  return {
    id: payment.id,
    account: payment.accountId,
    date: payment.date,
    amount: moneyJson(payment.amount, locale),
    status: payment.status,
    channel: payment.channel ?? null,
    method: payment.methodId ? { id: payment.methodId, name: payment.methodName ?? payment.methodId } : null,
    correlatorId: payment.correlatorId ?? null,
    bills: payment.bills.map((bill) => ({ bill: bill.billId, amount: moneyJson(bill.amount, locale) })),
  };
}

/** One table row; plain (piped) rows use ISO dates and plain decimals. */
export function paymentRow(payment: Payment, plain: boolean, locale: string): string[] {
  return [
    payment.id,
    plain ? (isoDate(payment.date) ?? '') : formatDate(payment.date, locale),
    amountText(payment.amount, plain, locale),
    payment.methodName ?? '',
    payment.channel ?? '',
    payment.bills.map((bill) => bill.billId).join(', '),
    payment.status,
  ];
}

export function paymentMethodJson(method: PaymentMethod) {
  return {
    id: method.id,
    kind: method.kind,
    name: method.name,
    default: method.isDefault,
    brand: method.brand ?? null,
    lastFour: method.lastFour ?? null,
    expiry: method.expiry ?? null,
  };
}
