/** How payments and payment methods are shown: JSON records and table rows. */
import type { Payment, PaymentMethod } from '../../domain/payment.js';
import type { Translate } from '../../i18n/catalog.js';
import { termLabel } from '../../i18n/terms.js';
import { paymentChannels, paymentStates } from '../../i18n/vocabularies.js';
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
/**
 * A payment as a table row: on a terminal its channel and state in the user's words (`t`), piped
 * the TMF values, as `bill list` does.
 */
export function paymentRow(payment: Payment, plain: boolean, locale: string, t?: Translate): string[] {
  const words = plain ? undefined : t;
  return [
    payment.id,
    plain ? (isoDate(payment.date) ?? '') : formatDate(payment.date, locale),
    amountText(payment.amount, plain, locale),
    payment.methodName ?? '',
    words && payment.channel ? termLabel(paymentChannels, payment.channel, words) : (payment.channel ?? ''),
    payment.bills.map((bill) => bill.billId).join(', '),
    words ? termLabel(paymentStates, payment.status, words) : payment.status,
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
