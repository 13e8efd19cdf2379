/**
 * The wire contract of TMF676 payment and TMF670 paymentMethod as the sandbox serves them, and the
 * payment fields of a TMF666 billingAccount merge patch (see ../contract/route-schema.ts).
 */
import * as z from 'zod';
import { MoneyModel, dateTime, filter, idParams, listQuery, retrieveQuery } from '../contract/tmf-common.js';
import { model, queryNames, routeSchema } from '../contract/route-schema.js';

/** Simulated card-network latency, so that a concurrent repeat can find a payment still running (read by the payment route). */
export const GATEWAY_LATENCY_ENV = 'ESPACE_SANDBOX_PAYMENT_LATENCY_MS';

const uri = (description: string) => z.string().describe(description).meta({ format: 'uri' });
const digits = (pattern: RegExp, description: string) => z.string().regex(pattern).describe(description);

/** A reference in a request: the id is what counts; TMF's other reference fields are accepted and ignored. */
const requestRef = (description: string) => z.looseObject({ id: z.string().min(1).describe(description) });

/** Money in a request: `unit` defaults to CAD. Exact cents and a positive amount are checked by the route. */
const requestMoney = z.looseObject({ unit: z.string().describe('ISO 4217 currency (default CAD)').optional(), value: z.number() });

const accountRef = z.object({ id: z.string().describe('Billing account id'), href: uri('Absolute URL'), '@referredType': z.literal('BillingAccount') });

export const PaymentModel = model(
  'Payment',
  z
    .object({
      id: z.string().describe('Identifier'),
      href: uri('Absolute URL'),
      correlatorId: z.string().describe('The Idempotency-Key the payment was made with').optional(),
      authorizationCode: z.string().describe("The simulated issuer's authorization").optional(),
      name: z.string(),
      description: z.string().optional(),
      paymentDate: dateTime('When the payment was made'),
      status: z.string(),
      statusDate: dateTime('Last status change'),
      account: accountRef,
      totalAmount: MoneyModel,
      amount: MoneyModel,
      channel: z.object({ id: z.string(), name: z.string() }).describe('online, phone (taken by an agent), preAuthorized, onlineBanking'),
      paymentMethod: z
        .object({
          id: z.string(),
          name: z.string(),
          href: uri('Absolute URL'),
          '@referredType': z.literal('PaymentMethod'),
          '@type': z.literal('PaymentMethodRef'),
        })
        .optional(),
      paymentItem: z
        .array(
          z.object({
            item: z.object({ id: z.string().describe('Bill id'), href: uri('Absolute URL'), '@referredType': z.literal('CustomerBill') }),
            totalAmount: MoneyModel,
            amount: MoneyModel,
          }),
        )
        .describe('The bills the payment was applied to'),
      '@type': z.literal('Payment'),
    })
    .describe('TMF676 Payment.'),
);

export type Payment = z.infer<typeof PaymentModel>;

export const PaymentCreateModel = model(
  'Payment_Create',
  z
    .object({
      correlatorId: z.string().describe('If sent, must equal the Idempotency-Key; the server stores the key either way').optional(),
      account: requestRef('The billing account paying'),
      paymentMethod: requestRef('A payment method on file for the account (TMF670 id)'),
      totalAmount: requestMoney,
      paymentItem: z
        .array(z.looseObject({ item: requestRef('The bill paid, e.g. CB-1001-202611'), totalAmount: requestMoney.optional() }))
        .length(1)
        .describe("Exactly one item: the bill paid; its totalAmount, if sent, must equal the payment's"),
    })
    .describe(
      'A payment of one bill. The amount is more than zero, in whole cents, and at most what remains of the bill. ' +
        'correlatorId is kept unique per account forever.',
    ),
);

export type PaymentCreate = z.infer<typeof PaymentCreateModel>;

export const PaymentMethodModel = model(
  'PaymentMethod',
  z
    .object({
      id: z.string(),
      href: uri('Absolute URL'),
      name: z.string().describe('e.g. "Visa ending 4242"'),
      isPreferred: z.boolean().describe("Whether it is the account's default payment method"),
      status: z.string().describe('active'),
      account: z.array(accountRef),
      validFor: z.object({ startDateTime: dateTime('When it was saved') }),
      brand: z.string().nullable().describe('Card brand (tokenizedCard)').optional(),
      cardType: z.string().describe('credit (tokenizedCard)').optional(),
      lastFourDigits: z.string().describe('tokenizedCard').optional(),
      expirationDate: dateTime('Last instant of the expiry month (tokenizedCard)').optional(),
      tokenType: z.string().describe('tokenizedCard; the token itself is never returned').optional(),
      nameOnCard: z.string().optional(),
      accountNumberType: z.literal('CA-PAD').describe('bankAccountDebit: Canadian pre-authorized debit').optional(),
      accountNumber: z.string().describe('bankAccountDebit, masked: "•••• 2101"').optional(),
      institutionNumber: z.string().nullable().describe('bankAccountDebit').optional(),
      transitNumber: z.string().nullable().describe('bankAccountDebit').optional(),
      owner: z.string().optional(),
      '@type': z.enum(['tokenizedCard', 'bankAccountDebit']),
    })
    .describe('TMF670 PaymentMethod: a tokenizedCard (never the number, CVV or token) or a bankAccountDebit (masked account number).'),
);

export const PaymentMethodCreateModel = model(
  'PaymentMethod_Create',
  z
    .object({
      '@type': z.enum(['bankCard', 'bankAccountDebit']),
      account: z.array(requestRef('The billing account')).min(1),
      cardNumber: digits(/^\d{12,19}$/, 'bankCard: 12 to 19 digits, Luhn-checked').optional(),
      expirationDate: digits(/^\d{4}-(0[1-9]|1[0-2])($|-\d{2}T)/, 'bankCard: a date-time in the expiry month, or YYYY-MM').optional(),
      cvv: digits(/^\d{3,4}$/, 'bankCard: 3 or 4 digits').optional(),
      nameOnCard: z.string().optional(),
      institutionNumber: digits(/^\d{3}$/, 'bankAccountDebit: 3 digits').optional(),
      transitNumber: digits(/^\d{5}$/, 'bankAccountDebit: 5 digits').optional(),
      accountNumber: digits(/^\d{7,12}$/, 'bankAccountDebit: 7 to 12 digits, stored encrypted').optional(),
      owner: z.string().optional(),
      isPreferred: z.boolean().describe("true makes it the account's default payment method").optional(),
    })
    .describe(
      'bankCard: cardNumber, expirationDate and cvv are required; the card is tokenized on receipt, its number and CVV discarded. ' +
        'bankAccountDebit (Canadian pre-authorized debit): institutionNumber, transitNumber and accountNumber are required.',
    ),
);

export type PaymentMethodCreate = z.infer<typeof PaymentMethodCreateModel>;

/** billingAccount merge patch: TMF666's defaultPaymentMethod. */
export const DefaultPaymentMethodPatch = z.strictObject({ id: z.string().describe('A payment method on file for this account (TMF670 id)') });

/** billingAccount merge patch: autopay, an espace extension TMF666 lacks. */
export const AutopayCharacteristicPatch = z
  .array(z.strictObject({ name: z.enum(['autopay', 'autopayTermsAccepted']), value: z.boolean() }))
  .describe(
    'espace extension: {"name": "autopay", "value": true|false} turns pre-authorized payment on or off; turning it on also requires ' +
      '{"name": "autopayTermsAccepted", "value": true} and a default method that is a card or bank account. The account then shows ' +
      'characteristic autopay (boolean) and autopayTermsAcceptedAt (date-time).',
  );

const PaymentListQuery = listQuery({
  'account.id': filter('Payments of these accounts (comma-separated)'),
  correlatorId: filter('The payment made with this Idempotency-Key'),
  'paymentItem.item.id': filter('Payments applied to this bill'),
});

export const PAYMENT_FILTERS = queryNames(PaymentListQuery);

export const listPayment = routeSchema({
  operationId: 'listPayment',
  tags: ['payment'],
  summary: 'List payments, newest first',
  auth: 'bearer',
  querystring: PaymentListQuery,
  response: { 200: z.array(PaymentModel) },
});

export const createPayment = routeSchema({
  operationId: 'createPayment',
  tags: ['payment'],
  summary: 'Pay a bill, exactly once per Idempotency-Key',
  description:
    'The Idempotency-Key header (8 to 255 printable ASCII characters) is required. The same key with the same body answers the ' +
    'stored result again (header Idempotent-Replayed: true), refusals included; with a different body, 422; while the first request ' +
    "still runs, 409 with Retry-After. Keys are kept 24 hours. The bill's remaining amount and state (settled, partiallyPaid) and " +
    'the account balance change in one transaction. Overpaying, paying a settled bill, an expired or declined card (test card ' +
    '4000 0000 0000 0002) answer 422 and move nothing. Agents may pay any account (channel "phone"). ' +
    `${GATEWAY_LATENCY_ENV} adds a simulated card-network delay.`,
  auth: 'bearer',
  body: PaymentCreateModel,
  response: { 201: { description: 'Paid', schema: PaymentModel } },
});

export const retrievePayment = routeSchema({
  operationId: 'retrievePayment',
  tags: ['payment'],
  summary: 'Retrieve a payment',
  auth: 'bearer',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: PaymentModel },
});

const PaymentMethodListQuery = listQuery({ 'account.id': filter('The billing account (required)') });

export const PAYMENT_METHOD_FILTERS = queryNames(PaymentMethodListQuery);

export const listPaymentMethod = routeSchema({
  operationId: 'listPaymentMethod',
  tags: ['paymentMethod'],
  summary: "An account's active payment methods (account.id is required)",
  querystring: PaymentMethodListQuery,
  response: { 200: z.array(PaymentMethodModel) },
});

export const createPaymentMethod = routeSchema({
  operationId: 'createPaymentMethod',
  tags: ['paymentMethod'],
  summary: 'Save a card (tokenized) or a bank account for pre-authorized debit',
  body: PaymentMethodCreateModel,
  response: { 201: { description: 'Saved', schema: PaymentMethodModel } },
});

export const retrievePaymentMethod = routeSchema({
  operationId: 'retrievePaymentMethod',
  tags: ['paymentMethod'],
  summary: 'Retrieve a payment method',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: PaymentMethodModel },
});

export const deletePaymentMethod = routeSchema({
  operationId: 'deletePaymentMethod',
  tags: ['paymentMethod'],
  summary: 'Remove a payment method (not the default one: 409)',
  params: idParams,
  response: { 204: { description: 'Removed', schema: null } },
});
