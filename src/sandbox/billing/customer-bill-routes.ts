/** TMF678 customerBill: list and retrieve, scoped to the accounts the caller may see. */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { parseDateFilter, parseQuery, selectFields, setListHeaders, wants, singleFilter, type ParsedQuery } from '../paging.js';
import { documentLang } from './document/bill-labels.js';
import { customerBillResource } from './customer-bill-resource.js';
import { BILL_STATES, CUSTOMER_BILL_FILTERS, listCustomerBill, retrieveCustomerBill, type CustomerBill } from './contract.js';
import { CUSTOMER_BILL_API, originOf } from '../resources/paths.js';
import { type BillRow } from './bill-store.js';
import { addInCondition, addCondition, type Criteria } from '../store/paged-query.js';
import { TmfError, sendTmfError } from '../tmf-errors.js';

const DATE_BOUNDS = [
  ['billDate.gte', '>=', 'start'],
  ['billDate.gt', '>', 'end'],
  ['billDate.lte', '<=', 'end'],
  ['billDate.lt', '<', 'start'],
] as const;

function listCriteria(query: ParsedQuery): Criteria {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const criteria: Criteria = { conditions, params };
  // `id=A,B,C` fetches several known bills in one request (bulk `bill show`).
  const ids = query.filters.get('id');
  if (ids) addInCondition(criteria, 'b.id', 'ids', ids);
  const accounts = query.filters.get('billingAccount.id');
  if (accounts) addInCondition(criteria, 'b.billing_account_id', 'accounts', accounts);
  const states = query.filters.get('state');
  if (states) {
    const unknown = states.filter((s) => !(BILL_STATES as readonly string[]).includes(s));
    if (unknown.length) throw new TmfError(400, `Unknown bill state "${unknown[0]}"; valid states: ${BILL_STATES.join(', ')}`);
    addInCondition(criteria, 'b.state', 'states', states);
  }
  DATE_BOUNDS.forEach(([name, operator, bound], i) => {
    const value = singleFilter(query, name);
    if (value === undefined) return;
    conditions.push(`b.bill_date ${operator} @date${i}`);
    params[`date${i}`] = parseDateFilter(name, value, bound);
  });
  return criteria;
}

/** Loads the child collections the response includes and builds the resources. */
/** `acceptLanguage` names each billDocument as the document route would for the same request. */
function resources(
  ctx: SandboxContext,
  origin: string,
  rows: readonly BillRow[],
  fields: ReadonlySet<string> | null,
  acceptLanguage: string | undefined,
): Partial<CustomerBill>[] {
  const ids = rows.map((r) => r.id);
  const taxItems = wants(fields, 'taxItem') ? ctx.bills.taxItemsOf(ids) : null;
  const received = wants(fields, 'paymentReceived') ? ctx.bills.paymentsReceivedBy(ids) : null;
  const applied = wants(fields, 'appliedPayment') ? ctx.bills.paymentsAppliedTo(ids) : null;
  return rows.map((row) =>
    selectFields(
      customerBillResource(
        origin,
        row,
        {
          ...(taxItems ? { taxItems: taxItems.get(row.id) ?? [] } : {}),
          ...(received ? { received: received.get(row.id) ?? [] } : {}),
          ...(applied ? { applied: applied.get(row.id) ?? [] } : {}),
        },
        documentLang(acceptLanguage, row.province),
      ),
      fields,
    ),
  );
}

export async function customerBillRoutes(app: FastifyInstance, { ctx }: { ctx: SandboxContext }): Promise<void> {
  app.get(`${CUSTOMER_BILL_API}/customerBill`, { schema: listCustomerBill }, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, { filters: CUSTOMER_BILL_FILTERS, sorts: ['billDate', '-billDate'], paging: true });
    const criteria = listCriteria(query);
    addCondition(criteria, ctx.access.accountCondition(principal, 'b.billing_account_id'));
    const { total, rows } = ctx.bills.listBills(criteria, query.sort === 'billDate' ? 'asc' : 'desc', query);
    setListHeaders(reply, total, rows.length);
    return resources(ctx, originOf(request), rows, query.fields, request.headers['accept-language']);
  });

  app.get<{ Params: { id: string } }>(`${CUSTOMER_BILL_API}/customerBill/:id`, { schema: retrieveCustomerBill }, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, {});
    const row = ctx.bills.bill(request.params.id);
    if (!row || !ctx.access.canSeeAccount(principal, row.billingAccountId)) {
      return sendTmfError(reply, 404, `No customerBill with id "${request.params.id}"`);
    }
    return resources(ctx, originOf(request), [row], query.fields, request.headers['accept-language'])[0];
  });
}
