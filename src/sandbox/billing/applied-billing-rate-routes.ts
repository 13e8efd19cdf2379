/** TMF678 appliedCustomerBillingRate (a bill's line items): list by bill or account, and retrieve. */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { parseQuery, selectFields, setListHeaders, wants } from '../paging.js';
import { appliedBillingRateResource } from './customer-bill-resource.js';
import { CUSTOMER_BILL_API, originOf } from '../resources/paths.js';
import { type RateRow } from './bill-store.js';
import { addInCondition, addCondition, type Criteria } from '../store/paged-query.js';
import { sendTmfError } from '../tmf-errors.js';
import { APPLIED_RATE_FILTERS, listAppliedCustomerBillingRate, retrieveAppliedCustomerBillingRate } from './contract.js';

function build(ctx: SandboxContext, origin: string, rows: readonly RateRow[], fields: ReadonlySet<string> | null) {
  const taxes = wants(fields, 'appliedTax') ? ctx.bills.taxesOfRates(rows.map((r) => r.id)) : null;
  return rows.map((row) => selectFields(appliedBillingRateResource(origin, row, taxes ? (taxes.get(row.id) ?? []) : undefined), fields));
}

export async function appliedBillingRateRoutes(app: FastifyInstance, { ctx }: { ctx: SandboxContext }): Promise<void> {
  app.get(`${CUSTOMER_BILL_API}/appliedCustomerBillingRate`, { schema: listAppliedCustomerBillingRate }, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, { filters: APPLIED_RATE_FILTERS, paging: true });
    const criteria: Criteria = { conditions: [], params: {} };
    const bills = query.filters.get('bill.id');
    if (bills) addInCondition(criteria, 'r.bill_id', 'bills', bills);
    const accounts = query.filters.get('billingAccount.id');
    if (accounts) addInCondition(criteria, 'r.billing_account_id', 'accounts', accounts);
    addCondition(criteria, ctx.access.accountCondition(principal, 'r.billing_account_id'));
    const { total, rows } = ctx.bills.listRates(criteria, query);
    setListHeaders(reply, total, rows.length);
    return build(ctx, originOf(request), rows, query.fields);
  });

  app.get<{ Params: { id: string } }>(
    `${CUSTOMER_BILL_API}/appliedCustomerBillingRate/:id`,
    { schema: retrieveAppliedCustomerBillingRate },
    async (request, reply) => {
      const principal = principalOf(request);
      const query = parseQuery(request.query, {});
      const row = ctx.bills.rate(request.params.id);
      if (!row || !ctx.access.canSeeAccount(principal, row.billingAccountId)) {
        return sendTmfError(reply, 404, `No appliedCustomerBillingRate with id "${request.params.id}"`);
      }
      return build(ctx, originOf(request), [row], query.fields)[0];
    },
  );
}
