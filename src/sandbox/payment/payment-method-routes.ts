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
import { luhnValid } from '../../domain/card.js';

function field(body: Record<string, unknown>, name: string, pattern: RegExp, explain: string): string {
  const value = body[name];
  if (typeof value !== 'string' || !pattern.test(value)) throw new TmfError(400, `"${name}" must be ${explain}`);
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

  app.get(`${PAYMENT_METHOD_API}/paymentMethod`, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, { filters: ['account.id'], paging: true });
    const accountId = singleFilter(query, 'account.id');
    if (accountId === undefined) throw new TmfError(400, 'Filter "account.id" is required');
    const rows = ctx.access.canSeeAccount(principal, accountId) ? methods.activeOf(accountId) : [];
    const shown = page(reply, query, rows);
    const def = preferred(accountId);
    return shown.map((row) => selectFields(paymentMethodResource(originOf(request), row, row.id === def), query.fields));
  });

  app.get<{ Params: { id: string } }>(`${PAYMENT_METHOD_API}/paymentMethod/:id`, async (request) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, {});
    const row = visibleMethod(principal, request.params.id);
    return selectFields(paymentMethodResource(originOf(request), row, row.id === preferred(row.billingAccountId)), query.fields);
  });

  app.post(`${PAYMENT_METHOD_API}/paymentMethod`, async (request, reply) => {
    const principal = principalOf(request);
    parseQuery(request.query, {});
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TmfError(400, 'The request body must be a JSON object');
    const record = body as Record<string, unknown>;
    const accounts = record.account;
    const accountId = Array.isArray(accounts) && typeof accounts[0]?.id === 'string' ? (accounts[0].id as string) : undefined;
    if (!accountId) throw new TmfError(400, '"account[0].id" is required');
    if (!ctx.accounts.account(accountId) || !ctx.access.canSeeAccount(principal, accountId)) {
      return sendTmfError(reply, 404, `No billingAccount with id "${accountId}"`);
    }
    const holder = typeof record.nameOnCard === 'string' ? record.nameOnCard : typeof record.owner === 'string' ? record.owner : null;
    const now = ctx.now();
    let row;
    const type = String(record['@type'] ?? '').toLowerCase();
    if (type === 'bankcard') {
      const number = field(record, 'cardNumber', /^\d{12,19}$/, '12 to 19 digits');
      if (!luhnValid(number)) throw new TmfError(400, '"cardNumber" fails the Luhn check');
      // A date-time as TMF670 declares it (any instant in the month), or just YYYY-MM.
      const expiry = field(record, 'expirationDate', /^\d{4}-(0[1-9]|1[0-2])($|-\d{2}T)/, 'a date-time or YYYY-MM').slice(0, 7);
      if (expiry < now.toISOString().slice(0, 7)) throw new TmfError(422, 'The card has expired');
      field(record, 'cvv', /^\d{3,4}$/, '3 or 4 digits');
      row = methods.addCard({ billingAccountId: accountId, number, expiry, holder }, now.toISOString());
    } else if (type === 'bankaccountdebit') {
      const institution = field(record, 'institutionNumber', /^\d{3}$/, '3 digits');
      const transit = field(record, 'transitNumber', /^\d{5}$/, '5 digits');
      const account = field(record, 'accountNumber', /^\d{7,12}$/, '7 to 12 digits');
      row = methods.addBankAccount({ billingAccountId: accountId, institution, transit, account, holder }, now.toISOString());
    } else {
      throw new TmfError(400, '"@type" must be bankCard or bankAccountDebit');
    }
    if (record.isPreferred === true)
      ctx.db.prepare('UPDATE billing_account SET default_payment_method_id = ?, default_payment_method_name = ? WHERE id = ?').run(row.id, row.name, accountId);
    return reply.code(201).send(paymentMethodResource(originOf(request), row, record.isPreferred === true));
  });

  app.delete<{ Params: { id: string } }>(`${PAYMENT_METHOD_API}/paymentMethod/:id`, async (request, reply) => {
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
