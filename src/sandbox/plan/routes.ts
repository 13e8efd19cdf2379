/**
 * Routes of the plan area: TMF620 catalog, TMF637 inventory, TMF622 ordering, TMF635 usage and
 * TMF678 customerBillOnDemand. Every read is scoped to the accounts the caller may see.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { addMonths, noonUtc } from '../dates.js';
import { page, parseDateFilter, parseQuery, selectFields, setListHeaders, singleFilter, type ParsedQuery } from '../paging.js';
import { billHref, accountHref, originOf } from '../resources/paths.js';
import { addInCondition, addCondition, type Criteria } from '../store/paged-query.js';
import { TmfError, sendTmfError } from '../tmf-errors.js';
import { produceBillOnDemand } from './bill-on-demand.js';
import { OFFERINGS, offeringById } from './catalog.js';
import { InventoryStore, type ProductRow } from './inventory.js';
import { placeOrder } from './ordering.js';
import { OrderStore } from './orders.js';
import { BILL_ON_DEMAND_PATH, CATALOG_API, INVENTORY_API, ORDERING_API, USAGE_API } from './paths.js';
import { cycleOf } from './proration.js';
import { productOfferingResource, productOrderResource, productResource, usageResource } from './resources.js';
import { usageRecords } from './usage.js';
import {
  ORDER_FILTERS,
  OFFERING_FILTERS,
  PRODUCT_FILTERS,
  USAGE_FILTERS,
  createCustomerBillOnDemand,
  createProductOrder,
  listProduct,
  listProductOffering,
  listProductOrder,
  listUsage,
  retrieveCustomerBillOnDemand,
  retrieveProduct,
  retrieveProductOffering,
  retrieveProductOrder,
  type ProductOrderCreate,
} from './contract.js';

/** The one account a request names, which the caller must be able to see. */
function visibleAccount(ctx: SandboxContext, request: FastifyRequest, query: ParsedQuery): string {
  const id = singleFilter(query, 'billingAccount.id');
  if (!id) throw new TmfError(400, 'Query parameter "billingAccount.id" is required');
  if (!ctx.access.canSeeAccount(principalOf(request), id)) throw new TmfError(404, `No billingAccount with id "${id}"`);
  return id;
}

export async function planRoutes(app: FastifyInstance, { ctx, deferOrders = false }: { ctx: SandboxContext; deferOrders?: boolean }): Promise<void> {
  const inventory = new InventoryStore(ctx.db);
  const orders = new OrderStore(ctx.db);
  const canSee = (request: FastifyRequest) => (accountId: string) => ctx.access.canSeeAccount(principalOf(request), accountId);
  const product = (origin: string, row: ProductRow) => productResource(origin, row, row.offeringId ? offeringById(row.offeringId) : undefined);

  app.get(`${CATALOG_API}/productOffering`, { schema: listProductOffering }, async (request, reply) => {
    const query = parseQuery(request.query, { filters: OFFERING_FILTERS, paging: true });
    const kinds = query.filters.get('serviceType') ?? query.filters.get('category.id');
    const offerings = OFFERINGS.filter((o) => !kinds || kinds.includes(o.kind));
    return page(reply, query, offerings).map((o) => selectFields(productOfferingResource(originOf(request), o), query.fields));
  });

  app.get<{ Params: { id: string } }>(`${CATALOG_API}/productOffering/:id`, { schema: retrieveProductOffering }, async (request, reply) => {
    const query = parseQuery(request.query, {});
    const offering = offeringById(request.params.id);
    if (!offering) return sendTmfError(reply, 404, `No productOffering with id "${request.params.id}"`);
    return selectFields(productOfferingResource(originOf(request), offering), query.fields);
  });

  app.get(`${INVENTORY_API}/product`, { schema: listProduct }, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, { filters: PRODUCT_FILTERS, paging: true });
    const criteria: Criteria = { conditions: [], params: {} };
    const accounts = query.filters.get('billingAccount.id');
    if (accounts) addInCondition(criteria, 'p.billing_account_id', 'account', accounts);
    const statuses = query.filters.get('status');
    if (statuses) addInCondition(criteria, 'p.status', 'status', statuses);
    addCondition(criteria, ctx.access.accountCondition(principal, 'p.billing_account_id'));
    const { total, rows } = inventory.list(criteria, query);
    setListHeaders(reply, total, rows.length);
    return rows.map((row) => selectFields(product(originOf(request), row), query.fields));
  });

  app.get<{ Params: { id: string } }>(`${INVENTORY_API}/product/:id`, { schema: retrieveProduct }, async (request, reply) => {
    const query = parseQuery(request.query, {});
    const row = inventory.product(request.params.id);
    if (!row || !ctx.access.canSeeAccount(principalOf(request), row.billingAccountId)) {
      return sendTmfError(reply, 404, `No product with id "${request.params.id}"`);
    }
    return selectFields(product(originOf(request), row), query.fields);
  });

  const orderResource = (origin: string, id: string) => {
    const order = orders.order(id)!;
    return productOrderResource(origin, order, orders.items(id), orders.states(id));
  };

  app.get(`${ORDERING_API}/productOrder`, { schema: listProductOrder }, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, { filters: ORDER_FILTERS, paging: true });
    const rows = orders.list(query.filters.get('billingAccount.id') ?? null, principal.role === 'customer' ? principal.userId : null);
    return page(reply, query, rows).map((row) => selectFields(orderResource(originOf(request), row.id), query.fields));
  });

  app.get<{ Params: { id: string } }>(`${ORDERING_API}/productOrder/:id`, { schema: retrieveProductOrder }, async (request, reply) => {
    const query = parseQuery(request.query, {});
    const order = orders.order(request.params.id);
    if (!order || !ctx.access.canSeeAccount(principalOf(request), order.billingAccountId)) {
      return sendTmfError(reply, 404, `No productOrder with id "${request.params.id}"`);
    }
    return selectFields(orderResource(originOf(request), order.id), query.fields);
  });

  app.post<{ Body: ProductOrderCreate }>(`${ORDERING_API}/productOrder`, { schema: createProductOrder }, async (request, reply) => {
    const body = request.body;
    const items = body.productOrderItem.map((item) => ({ action: item.action, productId: item.product?.id, offeringId: item.productOffering?.id }));
    const id = placeOrder(
      { db: ctx.db, inventory, orders, canSee: canSee(request), now: ctx.now(), deferred: deferOrders },
      { billingAccountId: body.billingAccount?.id, items },
    );
    const resource = orderResource(originOf(request), id);
    return reply.code(201).header('location', resource.href).send(resource);
  });

  app.get(`${USAGE_API}/usage`, { schema: listUsage }, async (request, reply) => {
    const query = parseQuery(request.query, { filters: USAGE_FILTERS, paging: true });
    // Several accounts at once (TMF630 `billingAccount.id=A,B`, bulk `usage show`): those the
    // caller cannot see are left out, as in the other lists; one account it cannot see is a 404.
    const several = query.filters.get('billingAccount.id') ?? [];
    const accountIds = several.length > 1 ? several.filter((id) => ctx.access.canSeeAccount(principalOf(request), id)) : [visibleAccount(ctx, request, query)];
    const today = ctx.now();
    const current = cycleOf(today);
    // Usage exists for the previous and the current cycle, up to today.
    const earliest = noonUtc(addMonths(current.month, -1), 1);
    const latest = noonUtc(current.month, today.getUTCDate());
    const gte = singleFilter(query, 'usageDate.gte');
    const lte = singleFilter(query, 'usageDate.lte');
    const from = gte ? parseDateFilter('usageDate.gte', gte, 'start') : current.start;
    const to = lte ? parseDateFilter('usageDate.lte', lte, 'end') : latest;
    const types = query.filters.get('usageType');
    const records = accountIds.flatMap((accountId) =>
      usageRecords(inventory.ofAccount(accountId), from > earliest ? from : earliest, to < latest ? to : latest).filter(
        (r) => r.date >= from && r.date <= to && (!types || types.includes(r.type)),
      ),
    );
    return page(reply, query, records).map((r) => selectFields(usageResource(originOf(request), r), query.fields));
  });

  const billOnDemandResource = (origin: string, made: { id: string; accountId: string; billId: string; at: string }) => ({
    id: made.id,
    href: `${origin}${BILL_ON_DEMAND_PATH}/${encodeURIComponent(made.id)}`,
    name: 'Next bill on demand',
    description: 'The next bill of the account, produced now from its current products and the orders completed during the cycle',
    state: 'done',
    lastUpdate: made.at,
    billingAccount: { id: made.accountId, href: accountHref(origin, made.accountId), '@referredType': 'BillingAccount' },
    customerBill: { id: made.billId, href: billHref(origin, made.billId), '@referredType': 'CustomerBill' },
    '@type': 'CustomerBillOnDemand',
  });

  app.post<{ Body: { billingAccount: { id: string } } }>(BILL_ON_DEMAND_PATH, { schema: createCustomerBillOnDemand }, async (request, reply) => {
    const accountId = request.body.billingAccount.id;
    if (!ctx.access.canSeeAccount(principalOf(request), accountId)) throw new TmfError(404, `No billingAccount with id "${accountId}"`);
    const billId = produceBillOnDemand({ db: ctx.db, inventory, orders, now: ctx.now() }, accountId);
    const at = ctx.now().toISOString();
    const id = `CBOD-${accountId.replace(/^BA-/, '')}-${at.replace(/\D/g, '').slice(0, 14)}`;
    ctx.db
      .prepare('INSERT OR REPLACE INTO customer_bill_on_demand (id, billing_account_id, bill_id, created_at) VALUES (?, ?, ?, ?)')
      .run(id, accountId, billId, at);
    const resource = billOnDemandResource(originOf(request), { id, accountId, billId, at });
    return reply.code(201).header('location', resource.href).send(resource);
  });

  app.get<{ Params: { id: string } }>(`${BILL_ON_DEMAND_PATH}/:id`, { schema: retrieveCustomerBillOnDemand }, async (request, reply) => {
    parseQuery(request.query, {});
    const made = ctx.db
      .prepare<[string], { id: string; accountId: string; billId: string; at: string }>(
        'SELECT id, billing_account_id AS accountId, bill_id AS billId, created_at AS at FROM customer_bill_on_demand WHERE id = ?',
      )
      .get(request.params.id);
    if (!made || !ctx.access.canSeeAccount(principalOf(request), made.accountId)) {
      return sendTmfError(reply, 404, `No customerBillOnDemand with id "${request.params.id}"`);
    }
    return billOnDemandResource(originOf(request), made);
  });
}
