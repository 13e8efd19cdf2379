/**
 * TMF670 paymentMethod: list, retrieve, create (a card, tokenized here, or a bank account for
 * pre-authorized debit) and delete. The card number and CVV are checked and then dropped; the
 * answer never carries them, nor the token, nor the full bank account number.
 */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { page, parseQuery, selectFields, singleFilter } from '../paging.js';
import type { PaymentMethodStore } from './methods.js';
import { PAYMENT_METHOD_API, paymentMethodResource } from './resource.js';
import { originOf } from '../resources/paths.js';
import { TmfError, sendTmfError } from '../tmf-errors.js';
import {
  PAYMENT_METHOD_FILTERS,
  createPaymentMethod,
  deletePaymentMethod,
  listPaymentMethod,
  retrievePaymentMethod,
  type PaymentMethodCreate,
} from './contract.js';
import { luhnValid } from '../../domain/card.js';

/** A field the contract leaves optional because only one kind of method needs it. */
function required(value: string | undefined, name: string, kind: string): string {
  if (value === undefined) throw new TmfError(400, `"${name}" is required for a ${kind}`);
  return value;
}

export async function paymentMethodRoutes(app: FastifyInstance, { ctx, methods }: { ctx: SandboxContext; methods: PaymentMethodStore }): Promise<void> {
  const visibleMethod = (principal: ReturnType<typeof principalOf>, id: string) => {
    const row = methods.method(id);
    if (!row || row.status !== 'active' || !ctx.access.canSeeAccount(principal, row.billingAccountId)) {
      throw new TmfError(404, `No paymentMethod with id "${id}"`);
    }
    return row;
  };
  const preferred = (accountId: string) => ctx.accounts.account(accountId)?.defaultPaymentMethodId ?? null;

  app.get(`${PAYMENT_METHOD_API}/paymentMethod`, { schema: listPaymentMethod }, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, { filters: PAYMENT_METHOD_FILTERS, paging: true });
    const accountId = singleFilter(query, 'account.id');
    if (accountId === undefined) throw new TmfError(400, 'Filter "account.id" is required');
    const rows = ctx.access.canSeeAccount(principal, accountId) ? methods.activeOf(accountId) : [];
    const shown = page(reply, query, rows);
    const def = preferred(accountId);
    return shown.map((row) => selectFields(paymentMethodResource(originOf(request), row, row.id === def), query.fields));
  });

  app.get<{ Params: { id: string } }>(`${PAYMENT_METHOD_API}/paymentMethod/:id`, { schema: retrievePaymentMethod }, async (request) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, {});
    const row = visibleMethod(principal, request.params.id);
    return selectFields(paymentMethodResource(originOf(request), row, row.id === preferred(row.billingAccountId)), query.fields);
  });

  app.post<{ Body: PaymentMethodCreate }>(`${PAYMENT_METHOD_API}/paymentMethod`, { schema: createPaymentMethod }, async (request, reply) => {
    const principal = principalOf(request);
    parseQuery(request.query, {});
    const body = request.body;
    const accountId = body.account[0]!.id;
    if (!ctx.accounts.account(accountId) || !ctx.access.canSeeAccount(principal, accountId)) {
      return sendTmfError(reply, 404, `No billingAccount with id "${accountId}"`);
    }
    const holder = body.nameOnCard ?? body.owner ?? null;
    const now = ctx.now();
    let row;
    if (body['@type'] === 'bankCard') {
      const number = required(body.cardNumber, 'cardNumber', 'bankCard');
      if (!luhnValid(number)) throw new TmfError(400, '"cardNumber" fails the Luhn check');
      // A date-time as TMF670 declares it (any instant in the month), or just YYYY-MM.
      const expiry = required(body.expirationDate, 'expirationDate', 'bankCard').slice(0, 7);
      if (expiry < now.toISOString().slice(0, 7)) throw new TmfError(422, 'The card has expired');
      required(body.cvv, 'cvv', 'bankCard');
      row = methods.addCard({ billingAccountId: accountId, number, expiry, holder }, now.toISOString());
    } else {
      const institution = required(body.institutionNumber, 'institutionNumber', 'bankAccountDebit');
      const transit = required(body.transitNumber, 'transitNumber', 'bankAccountDebit');
      const account = required(body.accountNumber, 'accountNumber', 'bankAccountDebit');
      row = methods.addBankAccount({ billingAccountId: accountId, institution, transit, account, holder }, now.toISOString());
    }
    if (body.isPreferred === true)
      ctx.db.prepare('UPDATE billing_account SET default_payment_method_id = ?, default_payment_method_name = ? WHERE id = ?').run(row.id, row.name, accountId);
    return reply.code(201).send(paymentMethodResource(originOf(request), row, body.isPreferred === true));
  });

  app.delete<{ Params: { id: string } }>(`${PAYMENT_METHOD_API}/paymentMethod/:id`, { schema: deletePaymentMethod }, async (request, reply) => {
    const principal = principalOf(request);
    parseQuery(request.query, {});
    const row = visibleMethod(principal, request.params.id);
    if (preferred(row.billingAccountId) === row.id) {
      throw new TmfError(409, `${row.name} is the account's default payment method; choose another default first`);
    }
    methods.remove(row.id);
    return reply.code(204).send();
  });
}
