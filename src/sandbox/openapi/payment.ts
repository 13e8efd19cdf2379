/**
 * OpenAPI paths, schemas and tags of TMF676 payment and TMF670 paymentMethod, spread into the
 * sandbox's document (openapi.ts).
 */
import { PAYMENT_API, PAYMENT_METHOD_API } from '../payment/resource.js';
import { GATEWAY_LATENCY_ENV } from '../payment/payment-routes.js';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const errors = (...codes: string[]): Json =>
  Object.fromEntries(codes.map((code) => [code, { description: `TMF error (${code})`, content: { 'application/json': { schema: ref('Error') } } }]));
const query = (name: string, description: string): Json => ({ name, in: 'query', required: false, description, schema: { type: 'string' } });
const idParam = { $ref: '#/components/parameters/id' };
const paging = [{ $ref: '#/components/parameters/fields' }, { $ref: '#/components/parameters/offset' }, { $ref: '#/components/parameters/limit' }];
const json = (schema: Json): Json => ({ 'application/json': { schema } });
const listHeaders = {
  'X-Total-Count': { $ref: '#/components/headers/X-Total-Count' },
  'X-Result-Count': { $ref: '#/components/headers/X-Result-Count' },
};
const security = [{ bearerAuth: [] }];
const moneyRef = ref('Money');

export const paymentTags: Json[] = [
  { name: 'payment', description: 'TMF676 Payment (base path /paymentManagement/v4, as the specification declares it)' },
  { name: 'paymentMethod', description: 'TMF670 Payment Method' },
];

export const paymentSchemas: Record<string, Json> = {
  PaymentCreate: {
    type: 'object',
    description:
      'A payment of one bill. correlatorId, if sent, must equal the Idempotency-Key; the server stores it either way and keeps it unique per account forever.',
    required: ['account', 'paymentMethod', 'totalAmount', 'paymentItem'],
    properties: {
      correlatorId: { type: 'string' },
      account: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      paymentMethod: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      totalAmount: moneyRef,
      paymentItem: {
        type: 'array',
        minItems: 1,
        maxItems: 1,
        items: {
          type: 'object',
          required: ['item'],
          properties: { item: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, totalAmount: moneyRef },
        },
      },
    },
  },
  Payment: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      href: { type: 'string' },
      correlatorId: { type: 'string' },
      authorizationCode: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string' },
      paymentDate: { type: 'string', format: 'date-time' },
      status: { type: 'string' },
      statusDate: { type: 'string', format: 'date-time' },
      account: { type: 'object' },
      totalAmount: moneyRef,
      amount: moneyRef,
      channel: { type: 'object', description: 'online, phone (taken by an agent), preAuthorized, onlineBanking', properties: { name: { type: 'string' } } },
      paymentMethod: { type: 'object' },
      paymentItem: { type: 'array', items: { type: 'object' } },
      '@type': { type: 'string' },
    },
  },
  PaymentMethodCreate: {
    type: 'object',
    description:
      'bankCard: cardNumber (Luhn-checked), expirationDate (YYYY-MM), cvv — tokenized on receipt, number and CVV discarded. ' +
      'bankAccountDebit (Canadian pre-authorized debit): institutionNumber (3 digits), transitNumber (5), accountNumber (7–12), stored encrypted. ' +
      "isPreferred: true makes it the account's default payment method.",
    required: ['@type', 'account'],
    properties: {
      '@type': { type: 'string', enum: ['bankCard', 'bankAccountDebit'] },
      account: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
      cardNumber: { type: 'string' },
      expirationDate: { type: 'string' },
      cvv: { type: 'string' },
      nameOnCard: { type: 'string' },
      institutionNumber: { type: 'string' },
      transitNumber: { type: 'string' },
      accountNumber: { type: 'string' },
      owner: { type: 'string' },
      isPreferred: { type: 'boolean' },
    },
  },
  PaymentMethod: {
    type: 'object',
    description: 'tokenizedCard (brand, lastFourDigits, expirationDate; never the number, CVV or token) or bankAccountDebit (masked accountNumber).',
    properties: {
      id: { type: 'string' },
      href: { type: 'string' },
      name: { type: 'string' },
      isPreferred: { type: 'boolean' },
      status: { type: 'string' },
      '@type': { type: 'string', enum: ['tokenizedCard', 'bankAccountDebit'] },
    },
  },
};

export const paymentPaths: Record<string, Json> = {
  [`${PAYMENT_API}/payment`]: {
    get: {
      operationId: 'listPayment',
      tags: ['payment'],
      summary: 'List payments, newest first',
      security,
      parameters: [
        ...paging,
        query('account.id', 'Payments of this account'),
        query('correlatorId', 'The payment made with this Idempotency-Key'),
        query('paymentItem.item.id', 'Payments applied to this bill'),
      ],
      responses: {
        '200': { description: 'Payments', headers: listHeaders, content: json({ type: 'array', items: ref('Payment') }) },
        ...errors('400', '401', '403'),
      },
    },
    post: {
      operationId: 'createPayment',
      tags: ['payment'],
      summary: 'Pay a bill, exactly once per Idempotency-Key',
      description:
        'Idempotency-Key is required. The same key with the same body answers the stored result again (header Idempotent-Replayed: true), ' +
        'refusals included; with a different body, 422; while the first request still runs, 409 with Retry-After. Keys are kept 24 hours. ' +
        "The bill's remaining amount and state (settled, partiallyPaid) and the account balance change in one transaction. " +
        `Overpaying, paying a settled bill, an expired or declined card (test card 4000 0000 0000 0002) answer 422 and move nothing. ` +
        `Agents may pay any account (channel "phone"). ${GATEWAY_LATENCY_ENV} adds a simulated card-network delay.`,
      security,
      parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 8, maxLength: 255 } }],
      requestBody: { required: true, content: json(ref('PaymentCreate')) },
      responses: { '201': { description: 'Paid', content: json(ref('Payment')) }, ...errors('400', '401', '403', '404', '409', '422') },
    },
  },
  [`${PAYMENT_API}/payment/{id}`]: {
    get: {
      operationId: 'retrievePayment',
      tags: ['payment'],
      summary: 'Retrieve a payment',
      security,
      parameters: [idParam, { $ref: '#/components/parameters/fields' }],
      responses: { '200': { description: 'Success', content: json(ref('Payment')) }, ...errors('401', '404') },
    },
  },
  [`${PAYMENT_METHOD_API}/paymentMethod`]: {
    get: {
      operationId: 'listPaymentMethod',
      tags: ['paymentMethod'],
      summary: "An account's active payment methods (account.id is required)",
      security,
      parameters: [...paging, query('account.id', 'The billing account (required)')],
      responses: {
        '200': { description: 'Methods', headers: listHeaders, content: json({ type: 'array', items: ref('PaymentMethod') }) },
        ...errors('400', '401'),
      },
    },
    post: {
      operationId: 'createPaymentMethod',
      tags: ['paymentMethod'],
      summary: 'Save a card (tokenized) or a bank account for pre-authorized debit',
      security,
      requestBody: { required: true, content: json(ref('PaymentMethodCreate')) },
      responses: { '201': { description: 'Saved', content: json(ref('PaymentMethod')) }, ...errors('400', '401', '403', '404', '422') },
    },
  },
  [`${PAYMENT_METHOD_API}/paymentMethod/{id}`]: {
    get: {
      operationId: 'retrievePaymentMethod',
      tags: ['paymentMethod'],
      summary: 'Retrieve a payment method',
      security,
      parameters: [idParam, { $ref: '#/components/parameters/fields' }],
      responses: { '200': { description: 'Success', content: json(ref('PaymentMethod')) }, ...errors('401', '404') },
    },
    delete: {
      operationId: 'deletePaymentMethod',
      tags: ['paymentMethod'],
      summary: 'Remove a payment method (not the default one: 409)',
      security,
      parameters: [idParam],
      responses: { '204': { description: 'Removed' }, ...errors('401', '403', '404', '409') },
    },
  },
};

/** What a billingAccount merge patch may carry about payment: TMF666's defaultPaymentMethod, and autopay (extension). */
export const accountPaymentPatchProperties: Record<string, Json> = {
  defaultPaymentMethod: {
    type: 'object',
    description: 'A payment method on file for this account (TMF670 id)',
    required: ['id'],
    properties: { id: { type: 'string' } },
  },
  characteristic: {
    type: 'array',
    description:
      'espace extension: {"name": "autopay", "value": true|false} turns pre-authorized payment on or off; turning it on also requires ' +
      '{"name": "autopayTermsAccepted", "value": true} and a default method that is a card or bank account. The account then shows ' +
      'characteristic autopay (boolean) and autopayTermsAcceptedAt (date-time).',
    items: {
      type: 'object',
      required: ['name', 'value'],
      properties: { name: { type: 'string', enum: ['autopay', 'autopayTermsAccepted'] }, value: { type: 'boolean' } },
    },
  },
};
