/**
 * TMF676 payment (at the spec's base path, without /tmf-api) and TMF670 paymentMethod.
 *
 * POST payment requires an `Idempotency-Key` header (payment/idempotency.ts) and applies the
 * payment to one bill. Customers pay their own accounts (others answer 404); agents any account,
 * recorded as a payment by phone; the read-only CI client is refused by the bearer hook (403).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import { principalOf, type Principal } from '../auth/principal.js';
import { parseQuery, selectFields, setListHeaders, singleFilter } from '../paging.js';
import { loadPaymentDataCipher } from './cipher.js';
import { IdempotencyStore, fingerprint } from './idempotency.js';
import { PaymentMethodStore } from './methods.js';
import { PaymentStore, type PaymentRow } from './payments.js';
import { PAYMENT_API, paymentResource } from './resource.js';
import { originOf } from '../resources/paths.js';
import { addInCondition, addCondition, type Criteria } from '../store/paged-query.js';
import { TmfError, sendTmfError, tmfErrorBody } from '../tmf-errors.js';
import { paymentMethodRoutes } from './payment-method-routes.js';
import { GATEWAY_LATENCY_ENV, PAYMENT_FILTERS, createPayment, listPayment, retrievePayment, type PaymentCreate } from './contract.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,255}$/;

export interface PaymentServices {
  payments: PaymentStore;
  methods: PaymentMethodStore;
  keys: IdempotencyStore;
}

/** Exact cents of a TMF Money value (its shape checked by the contract); refuses fractions of a cent and non-positive amounts. */
function positiveCents(value: { unit?: string | undefined; value: number }, field: string): { cents: number; currency: string } {
  const cents = Math.round(value.value * 100);
  if (Math.abs(value.value * 100 - cents) > 1e-6) throw new TmfError(400, `"${field}.value" has fractions of a cent`);
  if (cents <= 0) throw new TmfError(400, `"${field}.value" must be more than zero`);
  return { cents, currency: value.unit ?? 'CAD' };
}

interface PaymentRequest {
  accountId: string;
  billId: string;
  cents: number;
  currency: string;
  methodId: string;
  correlatorId: string;
}

/** The rules of a payment request the contract cannot state: exact positive amounts that agree, and the key as correlator. */
function paymentRequest(body: PaymentCreate, key: string): PaymentRequest {
  const { cents, currency } = positiveCents(body.totalAmount, 'totalAmount');
  const item = body.paymentItem[0]!;
  if (item.totalAmount !== undefined && positiveCents(item.totalAmount, 'paymentItem[0].totalAmount').cents !== cents) {
    throw new TmfError(400, '"paymentItem[0].totalAmount" must equal "totalAmount"');
  }
  const correlatorId = body.correlatorId ?? key;
  if (correlatorId !== key) throw new TmfError(400, '"correlatorId" must equal the Idempotency-Key header');
  return { accountId: body.account.id, billId: item.item.id, cents, currency, methodId: body.paymentMethod.id, correlatorId };
}

export function createPaymentServices(ctx: SandboxContext, dataDir: string): PaymentServices {
  const methods = new PaymentMethodStore(ctx.db, loadPaymentDataCipher(dataDir));
  methods.ensureSeeded(ctx.now().toISOString());
  return { payments: new PaymentStore(ctx.db), methods, keys: new IdempotencyStore(ctx.db) };
}

export interface PaymentRouteOptions {
  ctx: SandboxContext;
  dataDir: string;
  /** Awaited inside every charge, after its key is reserved (SandboxOptions.holdPayments). */
  holdPayments?: () => Promise<void>;
}

export async function paymentRoutes(app: FastifyInstance, { ctx, dataDir, holdPayments }: PaymentRouteOptions): Promise<void> {
  const services = createPaymentServices(ctx, dataDir);
  const { payments, methods, keys } = services;
  const latencyMs = Number(process.env[GATEWAY_LATENCY_ENV] ?? 0) || 0;

  const build = (origin: string, rows: readonly PaymentRow[]) => {
    const allocations = payments.allocationsOf(rows.map((r) => r.id));
    return rows.map((row) => paymentResource(origin, row, allocations.get(row.id) ?? []));
  };

  /** Validates, authorizes with the simulated issuer, and applies; the answer is stored with the charge. */
  async function charge(principal: Principal, request: FastifyRequest<{ Body: PaymentCreate }>, key: string): Promise<unknown> {
    const parsed = paymentRequest(request.body, key);
    const account = ctx.accounts.account(parsed.accountId);
    if (!account || !ctx.access.canSeeAccount(principal, account.id)) throw new TmfError(404, `No billingAccount with id "${parsed.accountId}"`);
    const method = methods.method(parsed.methodId);
    if (!method || method.billingAccountId !== account.id || method.status !== 'active') {
      throw new TmfError(422, `Payment method "${parsed.methodId}" is not on file for account ${account.id}`);
    }
    payments.checkPayable(parsed.billId, account.id, parsed.cents, parsed.currency);
    if (method.kind === 'card' && method.expiry !== null && method.expiry < ctx.now().toISOString().slice(0, 7)) {
      throw new TmfError(422, `The card ${method.name} has expired; nothing was charged`);
    }
    await delay(latencyMs);
    await holdPayments?.();
    if (method.declines) throw new TmfError(422, `The card ${method.name} was declined by its issuer; nothing was charged`);
    const byPhone = principal.role === 'agent';
    return payments.apply(
      {
        billingAccountId: account.id,
        billId: parsed.billId,
        amountCents: parsed.cents,
        currency: parsed.currency,
        channel: byPhone ? 'phone' : 'online',
        name: byPhone ? 'Payment by phone' : 'Online payment',
        description: `${byPhone ? 'Payment by phone' : 'Online payment'} of bill ${parsed.billId} – ${method.name}`,
        paymentMethodId: method.id,
        paymentMethodName: method.name,
        correlatorId: parsed.correlatorId,
      },
      ctx.now(),
      { store: keys, key, answer: (row, allocations) => paymentResource(originOf(request), row, allocations) },
    );
  }

  app.post<{ Body: PaymentCreate }>(`${PAYMENT_API}/payment`, { schema: createPayment }, async (request, reply: FastifyReply) => {
    const principal = principalOf(request);
    parseQuery(request.query, {});
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined) return sendTmfError(reply, 400, 'POST payment requires an Idempotency-Key header (a unique value per payment, reused on retries)');
    if (!IDEMPOTENCY_KEY.test(key)) return sendTmfError(reply, 400, 'The Idempotency-Key header must be 8 to 255 printable ASCII characters');

    const caller = principal.userId ?? principal.clientId;
    const reservation = keys.reserve(key, caller, fingerprint(request.body), ctx.now().getTime());
    switch (reservation.kind) {
      case 'mismatch':
        return sendTmfError(reply, 422, 'This Idempotency-Key was already used with a different request; use a new key for a new payment');
      case 'otherCaller':
        return sendTmfError(reply, 409, 'This Idempotency-Key belongs to another caller; use a new key for a new payment');
      case 'inProgress':
        reply.header('retry-after', '1');
        return sendTmfError(reply, 409, 'A request with this Idempotency-Key is still being processed; retry later with the same key');
      case 'replay':
        reply.header('idempotent-replayed', 'true');
        return reply.code(reservation.statusCode).type('application/json; charset=utf-8').send(reservation.response);
      case 'reserved':
        break;
    }
    try {
      const answer = await charge(principal, request, key);
      return reply.code(201).send(answer);
    } catch (error) {
      if (error instanceof TmfError && error.statusCode < 500) {
        // A refusal is the key's final answer too: a retry must not turn it into a charge later.
        keys.finish(key, error.statusCode, tmfErrorBody(error.statusCode, error.message));
        throw error;
      }
      keys.release(key);
      throw error;
    }
  });

  app.get(`${PAYMENT_API}/payment`, { schema: listPayment }, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, { filters: PAYMENT_FILTERS, paging: true });
    const criteria: Criteria = { conditions: [], params: {} };
    // Several accounts at once (TMF630 `account.id=A,B`): bulk `payment list` reads a batch so.
    const accounts = query.filters.get('account.id');
    if (accounts) addInCondition(criteria, 'p.billing_account_id', 'account', accounts);
    const correlator = singleFilter(query, 'correlatorId');
    if (correlator !== undefined) {
      criteria.conditions.push('p.correlator_id = @correlator');
      criteria.params.correlator = correlator;
    }
    const bill = singleFilter(query, 'paymentItem.item.id');
    if (bill !== undefined) {
      criteria.conditions.push('p.id IN (SELECT payment_id FROM payment_allocation WHERE bill_id = @bill)');
      criteria.params.bill = bill;
    }
    addCondition(criteria, ctx.access.accountCondition(principal, 'p.billing_account_id'));
    const { total, rows } = payments.list(criteria, query);
    setListHeaders(reply, total, rows.length);
    return build(originOf(request), rows).map((resource) => selectFields(resource, query.fields));
  });

  app.get<{ Params: { id: string } }>(`${PAYMENT_API}/payment/:id`, { schema: retrievePayment }, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, {});
    const row = payments.payment(request.params.id);
    if (!row || !ctx.access.canSeeAccount(principal, row.billingAccountId)) {
      return sendTmfError(reply, 404, `No payment with id "${request.params.id}"`);
    }
    return selectFields(build(originOf(request), [row])[0]!, query.fields);
  });

  await app.register(paymentMethodRoutes, { ctx, methods });
}
