/**
 * TMF676 Payment (base path `/paymentManagement/v4`, without /tmf-api, as the spec declares it)
 * and TMF670 Payment Method, mapped to the domain. A payment is created with an idempotency key
 * that is also its `correlatorId`, so that it can be found again by that key.
 */
import * as z from 'zod';
import { expiryDateTime } from '../../domain/card.js';
import { decimalFromCents, type Money } from '../../domain/money.js';
import type { Payment, PaymentMethod } from '../../domain/payment.js';
import type { HttpClient, HttpResponse } from '../http.js';
import { check, listMatching, newestFirst } from './checked-list.js';
import { TmfMoney, TmfRef, parseResource, toMoney } from './common.js';
import { billingAccountPath } from './paths.js';

export const PAYMENT_PATH = '/paymentManagement/v4/payment';
export const PAYMENT_METHOD_PATH = '/tmf-api/paymentMethod/v4/paymentMethod';

export const TmfPayment = z.looseObject({
  id: z.string(),
  correlatorId: z.string().optional(),
  paymentDate: z.string().optional(),
  status: z.string().optional(),
  account: TmfRef.optional(),
  totalAmount: TmfMoney,
  channel: z.looseObject({ name: z.string().optional() }).optional(),
  paymentMethod: TmfRef.optional(),
  paymentItem: z.array(z.looseObject({ item: TmfRef, totalAmount: TmfMoney.optional(), amount: TmfMoney.optional() })).optional(),
});
export type TmfPayment = z.infer<typeof TmfPayment>;

const TmfPaymentMethod = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  isPreferred: z.boolean().optional(),
  brand: z.string().optional(),
  lastFourDigits: z.string().optional(),
  expirationDate: z.string().optional(),
  accountNumber: z.string().optional(),
  '@type': z.string().optional(),
});

export function toPayment(payment: TmfPayment): Payment {
  const amount = toMoney(payment.totalAmount);
  return {
    id: payment.id,
    accountId: payment.account?.id ?? '',
    date: payment.paymentDate ?? '',
    amount,
    status: payment.status ?? 'unknown',
    channel: payment.channel?.name,
    methodId: payment.paymentMethod?.id,
    methodName: payment.paymentMethod?.name,
    correlatorId: payment.correlatorId,
    bills: (payment.paymentItem ?? []).map((item) => ({
      billId: item.item.id,
      amount: toMoney(item.totalAmount ?? item.amount ?? payment.totalAmount, amount.currency),
    })),
  };
}

/** What a payment request carries; kept verbatim in the journal so that a replay is byte-identical in meaning. */
export interface PaymentRequestBody {
  correlatorId: string;
  account: { id: string };
  totalAmount: { unit: string; value: number };
  paymentMethod: { id: string; name: string; '@type': 'PaymentMethodRef'; '@referredType': 'PaymentMethod' };
  paymentItem: { item: { id: string; '@referredType': 'CustomerBill' }; totalAmount: { unit: string; value: number } }[];
  '@type': 'Payment';
}

export function paymentRequestBody(key: string, accountId: string, billId: string, amount: Money, method: { id: string; name: string }): PaymentRequestBody {
  const value = { unit: amount.currency, value: decimalFromCents(amount.amount) };
  return {
    correlatorId: key,
    account: { id: accountId },
    totalAmount: value,
    // TMF676's PaymentMethodRefOrValue requires @type and name besides the id.
    paymentMethod: { id: method.id, name: method.name, '@type': 'PaymentMethodRef', '@referredType': 'PaymentMethod' },
    paymentItem: [{ item: { id: billId, '@referredType': 'CustomerBill' }, totalAmount: value }],
    '@type': 'Payment',
  };
}

/** POSTs a payment under its idempotency key (the client retries transient failures with the same key). */
export async function createPayment(client: HttpClient, body: PaymentRequestBody, idempotencyKey: string): Promise<Payment> {
  const response = await client.request({ method: 'POST', path: PAYMENT_PATH, json: body, idempotencyKey });
  return toPayment(parseResource(TmfPayment, response, 'Payment', PAYMENT_PATH));
}

/** What the server's payment list says of a journaled payment's key. */
export type KeySearch =
  | { kind: 'found'; payment: Payment }
  /** Every page was read and no payment carries the key. */
  | { kind: 'absent' }
  /** A payment carries the key but not the journaled account, amount or bill: not accepted as this one. */
  | { kind: 'mismatch'; payment: Payment }
  /** The list had not ended after `pages` pages: nothing can be concluded from it. */
  | { kind: 'incomplete'; pages: number };

/** A journaled payment, as the list must show it to be accepted. */
export interface PaymentToFind {
  key: string;
  accountId: string;
  billId: string;
  amount: Money;
}

const KEY_SEARCH_PAGE_SIZE = 100;
/** 10,000 payments of one account: a list still going after that is not one espace can trust. */
const KEY_SEARCH_MAX_PAGES = 100;

/**
 * Looks for the payment made with a journaled key. The list is asked for that `correlatorId`, but
 * a server may ignore the filter (TMF630 does not require refusing an unknown one) and answer
 * with other payments, so every item is checked: its correlatorId must be the key, and its
 * amount, bill and account those of the journal. The search reads every page until one matches.
 */
export async function findPaymentByKey(client: HttpClient, wanted: PaymentToFind): Promise<KeySearch> {
  const page = z.array(TmfPayment);
  let mismatch: Payment | undefined;
  for (let offset = 0, pages = 0; ;) {
    if (pages === KEY_SEARCH_MAX_PAGES) return mismatch ? { kind: 'mismatch', payment: mismatch } : { kind: 'incomplete', pages };
    const response = await client.get(PAYMENT_PATH, { 'account.id': wanted.accountId, correlatorId: wanted.key, offset, limit: KEY_SEARCH_PAGE_SIZE });
    const items = parseResource(page, response, 'Payment', PAYMENT_PATH);
    pages++;
    for (const item of items) {
      if (item.correlatorId !== wanted.key) continue;
      const payment = toPayment(item);
      if (isThePayment(payment, wanted)) return { kind: 'found', payment };
      mismatch ??= payment;
    }
    offset += items.length;
    // A server may cap its pages below the size asked for, so a short page is not the end: only the
    // total, or without one an empty page, is. Stopping early would send a charged payment again.
    const total = Number(response.headers['x-total-count']);
    const ended = response.headers['x-total-count'] !== undefined && Number.isFinite(total) && offset >= total;
    if (items.length === 0 || ended) break;
  }
  return mismatch ? { kind: 'mismatch', payment: mismatch } : { kind: 'absent' };
}

function isThePayment(payment: Payment, wanted: PaymentToFind): boolean {
  return (
    payment.amount.amount === wanted.amount.amount &&
    payment.amount.currency === wanted.amount.currency &&
    payment.bills.some((bill) => bill.billId === wanted.billId) &&
    (payment.accountId === '' || payment.accountId === wanted.accountId)
  );
}

const ofAccount = (payment: TmfPayment, account: string) => (payment.account ? payment.account.id === account : undefined);

/**
 * An account's payments (for one bill, when given), newest first; at most `limit`. All are read
 * and sorted here: "the latest" cannot rest on a server's order.
 */
export async function listPayments(client: HttpClient, query: { accountId: string; billId?: string; limit?: number }): Promise<Payment[]> {
  const payments = await listMatching(client, PAYMENT_PATH, TmfPayment, 'Payment', {
    query: { 'account.id': query.accountId, 'paymentItem.item.id': query.billId },
    checks: [
      check('account.id', query.accountId, ofAccount),
      check('paymentItem.item.id', query.billId, (payment: TmfPayment, bill) =>
        payment.paymentItem ? payment.paymentItem.some((item) => item.item.id === bill) : undefined,
      ),
    ],
  });
  return newestFirst(payments, (payment) => payment.paymentDate)
    .slice(0, query.limit)
    .map(toPayment);
}

export async function getPayment(client: HttpClient, id: string): Promise<Payment> {
  const path = `${PAYMENT_PATH}/${encodeURIComponent(id)}`;
  return toPayment(parseResource(TmfPayment, await client.get(path), 'Payment', path));
}

/** The accounts a payment method is on file for: TMF670 `account` is a list of references (some servers give one). */
function accountIdsOf(method: Record<string, unknown>): string[] | undefined {
  const refs = Array.isArray(method.account) ? method.account : method.account === undefined ? [] : [method.account];
  const ids = refs
    .map((ref: unknown) => (typeof ref === 'object' && ref !== null ? (ref as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string');
  return ids.length > 0 ? ids : undefined;
}

function toPaymentMethod(method: z.infer<typeof TmfPaymentMethod>): PaymentMethod {
  // TMF670 spells the types tokenizedCard, bankCard, bankAccountDebit; some servers capitalize them.
  const type = method['@type']?.toLowerCase();
  const kind = type === 'tokenizedcard' || type === 'bankcard' ? 'card' : type === 'bankaccountdebit' ? 'bankAccount' : 'other';
  return {
    id: method.id,
    kind,
    name: method.name ?? method.id,
    isDefault: method.isPreferred === true,
    brand: method.brand,
    lastFour: method.lastFourDigits ?? method.accountNumber?.slice(-4),
    expiry: method.expirationDate?.slice(0, 7),
  };
}

export async function listPaymentMethods(client: HttpClient, accountId: string): Promise<PaymentMethod[]> {
  const methods = await listMatching(client, PAYMENT_METHOD_PATH, TmfPaymentMethod, 'PaymentMethod', {
    query: { 'account.id': accountId },
    checks: [check('account.id', accountId, (method: z.infer<typeof TmfPaymentMethod>, account) => accountIdsOf(method)?.includes(account))],
  });
  return methods.map(toPaymentMethod);
}

/** A new card (number and CVV go to the server once, over the API, and are never kept here) or bank account. */
export type NewPaymentMethod =
  | { kind: 'card'; number: string; expiry: string; cvv: string; holder?: string }
  | { kind: 'bankAccount'; institution: string; transit: string; account: string; holder?: string };

export async function createPaymentMethod(client: HttpClient, accountId: string, method: NewPaymentMethod, makeDefault: boolean): Promise<PaymentMethod> {
  const common = { account: [{ id: accountId }], isPreferred: makeDefault };
  const json =
    method.kind === 'card'
      ? { ...common, '@type': 'bankCard', cardNumber: method.number, expirationDate: expiryDateTime(method.expiry), cvv: method.cvv, nameOnCard: method.holder }
      : {
          ...common,
          '@type': 'bankAccountDebit',
          institutionNumber: method.institution,
          transitNumber: method.transit,
          accountNumber: method.account,
          owner: method.holder,
        };
  const response = await client.request({ method: 'POST', path: PAYMENT_METHOD_PATH, json });
  return toPaymentMethod(parseResource(TmfPaymentMethod, response, 'PaymentMethod', PAYMENT_METHOD_PATH));
}

export async function deletePaymentMethod(client: HttpClient, id: string): Promise<void> {
  await client.request({ method: 'DELETE', path: `${PAYMENT_METHOD_PATH}/${encodeURIComponent(id)}` });
}

const AccountDefaultMethod = z.looseObject({ id: z.string(), defaultPaymentMethod: TmfRef.optional() });

/** The account's default payment method (TMF666 `defaultPaymentMethod`), if it has one. */
export async function defaultPaymentMethodId(client: HttpClient, accountId: string): Promise<string | undefined> {
  const path = billingAccountPath(accountId);
  return parseResource(AccountDefaultMethod, await client.get(path), 'BillingAccount', path).defaultPaymentMethod?.id;
}

/** The attributes of a billingAccount that autopay reads and writes. */
export const AccountAutopay = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  relatedParty: z.array(z.unknown()).optional(),
  defaultPaymentMethod: TmfRef.optional(),
  characteristic: z.array(z.looseObject({ name: z.string(), value: z.unknown() })).optional(),
});

/** Autopay (pre-authorized payment) of an account: the `autopay` characteristic on TMF666 billingAccount. */
export interface AutopayState {
  enabled: boolean;
  acceptedAt?: string;
  method?: { id: string; name: string };
  /** The last debit autopay attempted (the sandbox's `autopayLastDebit` extension), when the server says. */
  lastDebit?: AutopayDebit;
}

/** One autopay debit attempt: paid, or declined with the reason. */
export interface AutopayDebit {
  date: string;
  billId: string;
  outcome: 'paid' | 'declined';
  amount: Money;
  reason?: string;
}

const AutopayLastDebit = z.object({
  date: z.string(),
  billId: z.string(),
  outcome: z.enum(['paid', 'declined']),
  amount: TmfMoney,
  reason: z.string().optional(),
});

/** The extension, if present and well formed; an extension is a hint, so anything else is ignored. */
function lastDebitOf(value: unknown): AutopayDebit | undefined {
  const parsed = AutopayLastDebit.safeParse(value);
  if (!parsed.success) return undefined;
  const { reason } = parsed.data;
  return {
    date: parsed.data.date,
    billId: parsed.data.billId,
    outcome: parsed.data.outcome,
    amount: toMoney(parsed.data.amount),
    ...(reason ? { reason } : {}),
  };
}

export function toAutopay(account: z.infer<typeof AccountAutopay>): AutopayState {
  const value = (name: string) => account.characteristic?.find((c) => c.name === name)?.value;
  const acceptedAt = value('autopayTermsAcceptedAt');
  return {
    enabled: value('autopay') === true,
    acceptedAt: typeof acceptedAt === 'string' ? acceptedAt : undefined,
    method: account.defaultPaymentMethod
      ? { id: account.defaultPaymentMethod.id, name: account.defaultPaymentMethod.name ?? account.defaultPaymentMethod.id }
      : undefined,
    lastDebit: lastDebitOf(value('autopayLastDebit')),
  };
}

export async function getAutopay(client: HttpClient, accountId: string): Promise<AutopayState> {
  const path = billingAccountPath(accountId);
  return autopayIn(await client.get(path), path);
}

/** The autopay setting in the answer to a GET of `path` (a billingAccount). */
export function autopayIn(response: HttpResponse, path: string): AutopayState {
  return toAutopay(parseResource(AccountAutopay, response, 'BillingAccount', path));
}

/** Turns autopay on (with the method it will use and the accepted agreement) or off. */
export async function setAutopay(
  client: HttpClient,
  accountId: string,
  change: { enabled: true; methodId: string } | { enabled: false },
): Promise<AutopayState> {
  const path = billingAccountPath(accountId);
  // TMF666's BillingAccount_Update requires name and relatedParty: send the current ones, unchanged.
  const current = parseResource(AccountAutopay, await client.get(path), 'BillingAccount', path);
  const required = { name: current.name ?? current.id, relatedParty: current.relatedParty ?? [] };
  const json = change.enabled
    ? {
        ...required,
        defaultPaymentMethod: { id: change.methodId },
        characteristic: [
          { name: 'autopay', value: true },
          { name: 'autopayTermsAccepted', value: true },
        ],
      }
    : { ...required, characteristic: [{ name: 'autopay', value: false }] };
  const response = await client.request({ method: 'PATCH', path, json });
  return toAutopay(parseResource(AccountAutopay, response, 'BillingAccount', path));
}
