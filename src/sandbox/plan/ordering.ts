/**
 * Places a TMF622 product order: every item is checked against the catalog and the account's
 * inventory first, and only an order whose items all pass is recorded; it then goes through
 * acknowledged → inProgress → completed at once (the sandbox has no provisioning delay) and its
 * changes are applied to the inventory. A refused order leaves nothing behind. An order that would
 * raise the monthly bill of an account with a bill unpaid more than 30 days past its due date is
 * recorded but rejected (acknowledged → rejected, with the reason), and changes nothing.
 */
import type { SandboxDatabase } from '../db.js';
import { addMonths, noonUtc } from '../dates.js';
import { TmfError } from '../tmf-errors.js';
import { offeringById, productTypeOf, SERVICE_OF_PRODUCT_TYPE, type Offering, type ServiceType } from './catalog.js';
import type { InventoryStore, ProductRow } from './inventory.js';
import type { OrderItemRow, OrderStore } from './orders.js';

export interface OrderRequestItem {
  action: string;
  productId?: string;
  offeringId?: string;
}

export interface OrderRequest {
  billingAccountId?: string;
  items: readonly OrderRequestItem[];
}

export interface OrderingDeps {
  db: SandboxDatabase;
  inventory: InventoryStore;
  orders: OrderStore;
  /** Whether the caller may act on the account (others' products answer 404). */
  canSee(accountId: string): boolean;
  now: Date;
  /**
   * Orders wait, acknowledged, for the sandbox clock to move them on (clock/order-progress.ts)
   * instead of completing as they are placed.
   */
  deferred?: boolean;
}

/** How late a bill may be before orders that raise the monthly bill are rejected. */
const REJECT_AFTER_DAYS_OVERDUE = 30;

function hasLongOverdueBill(db: SandboxDatabase, accountId: string, now: Date): boolean {
  const before = new Date(now.getTime() - REJECT_AFTER_DAYS_OVERDUE * 86_400_000).toISOString();
  return (
    db
      .prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM customer_bill WHERE billing_account_id = ? AND remaining_cents > 0 AND payment_due_date < ? LIMIT 1',
      )
      .get(accountId, before) !== undefined
  );
}

type PlannedItem = Omit<OrderItemRow, 'orderId'> & { apply(): void };

function refuse(message: string): never {
  throw new TmfError(422, message);
}

function serviceOf(product: ProductRow): ServiceType | undefined {
  return SERVICE_OF_PRODUCT_TYPE[product.productType];
}

function isActive(product: ProductRow): boolean {
  return product.status === 'active';
}

function knownOffering(id: string | undefined, index: number): Offering {
  if (!id) refuse(`Item ${index}: productOffering.id is required`);
  const offering = offeringById(id);
  if (!offering) refuse(`Item ${index}: unknown product offering "${id}"; see GET /tmf-api/productCatalogManagement/v4/productOffering`);
  return offering;
}

function ownProduct(deps: OrderingDeps, id: string | undefined, index: number): ProductRow {
  if (!id) refuse(`Item ${index}: product.id is required`);
  const product = deps.inventory.product(id);
  if (!product || !deps.canSee(product.billingAccountId)) throw new TmfError(404, `Item ${index}: no product with id "${id}"`);
  if (!isActive(product)) refuse(`Item ${index}: product "${id}" is ${product.status}`);
  return product;
}

/** A plan change: same service, and no cheaper plan before the contract term ends. */
function planModify(deps: OrderingDeps, item: OrderRequestItem, index: number, effective: string): PlannedItem {
  const product = ownProduct(deps, item.productId, index);
  const offering = knownOffering(item.offeringId, index);
  if (product.isAddOn) refuse(`Item ${index}: "${product.name}" is an add-on; remove it (delete) and add another one (add) instead`);
  const service = serviceOf(product);
  if (offering.kind !== service) {
    refuse(`Item ${index}: offering "${offering.id}" (${offering.kind}) is not compatible with "${product.name}" (${service ?? product.productType})`);
  }
  if (product.offeringId === offering.id) refuse(`Item ${index}: "${product.name}" is already on offering "${offering.id}"`);
  const oldPrice = product.priceCents ?? 0;
  if (offering.priceCents < oldPrice && product.contractEnd && product.contractEnd > deps.now.toISOString()) {
    refuse(
      `Item ${index}: "${offering.name}" is a downgrade of "${product.name}", which is under contract until ` +
        `${product.contractEnd.slice(0, 10)}; a cheaper plan is possible only after that date`,
    );
  }
  const contractEnd = offering.termMonths > 0 ? addTerm(effective, offering.termMonths) : product.contractEnd;
  return {
    seq: index,
    action: 'modify',
    productId: product.id,
    oldOfferingId: product.offeringId,
    oldName: product.name,
    oldPriceCents: oldPrice,
    newOfferingId: offering.id,
    newName: offering.name,
    newPriceCents: offering.priceCents,
    isAddOn: 0,
    effectiveDate: effective,
    apply: () =>
      deps.inventory.modify(product.id, {
        name: offering.name,
        offeringId: offering.id,
        priceCents: offering.priceCents,
        productType: productTypeOf(offering),
        contractEnd,
      }),
  };
}

/** An add-on: the account has the service it needs, on a plan it works with, and not this add-on already. */
function planAdd(deps: OrderingDeps, accountId: string, item: OrderRequestItem, index: number, effective: string, taken: Set<string>): PlannedItem {
  const offering = knownOffering(item.offeringId, index);
  if (offering.kind !== 'addOn') refuse(`Item ${index}: "${offering.id}" is a plan, not an add-on; change a plan with a modify item`);
  const active = deps.inventory.ofAccount(accountId).filter(isActive);
  if (taken.has(offering.id) || active.some((p) => p.offeringId === offering.id)) refuse(`Item ${index}: the account already has "${offering.name}"`);
  const needed = offering.requiresService;
  const services = active.filter((p) => !p.isAddOn && needed !== undefined && serviceOf(p) === needed);
  if (needed && services.length === 0) refuse(`Item ${index}: "${offering.name}" requires a ${needed} service, which account ${accountId} does not have`);
  if (offering.compatibleWith && !services.some((p) => p.offeringId !== null && offering.compatibleWith!.includes(p.offeringId))) {
    refuse(`Item ${index}: "${offering.name}" is not compatible with the current ${needed} plan; it needs one of ${offering.compatibleWith.join(', ')}`);
  }
  taken.add(offering.id);
  const productId = newProductId(deps, accountId, offering);
  return {
    seq: index,
    action: 'add',
    productId,
    oldOfferingId: null,
    oldName: null,
    oldPriceCents: null,
    newOfferingId: offering.id,
    newName: offering.name,
    newPriceCents: offering.priceCents,
    isAddOn: 1,
    effectiveDate: effective,
    apply: () =>
      deps.inventory.insert({
        id: productId,
        accountId,
        name: offering.name,
        productType: productTypeOf(offering),
        isAddOn: true,
        startDate: effective,
        priceCents: offering.priceCents,
        offeringId: offering.id,
        contractEnd: offering.termMonths > 0 ? addTerm(effective, offering.termMonths) : null,
      }),
  };
}

/** Removing an add-on; services themselves are cancelled through customer service, not here. */
function planDelete(deps: OrderingDeps, item: OrderRequestItem, index: number, effective: string): PlannedItem {
  const product = ownProduct(deps, item.productId, index);
  if (!product.isAddOn) refuse(`Item ${index}: "${product.name}" is a service, not an add-on; only add-ons can be removed here`);
  return {
    seq: index,
    action: 'delete',
    productId: product.id,
    oldOfferingId: product.offeringId,
    oldName: product.name,
    oldPriceCents: product.priceCents ?? 0,
    newOfferingId: null,
    newName: null,
    newPriceCents: null,
    isAddOn: 1,
    effectiveDate: effective,
    apply: () => deps.inventory.terminate(product.id, effective),
  };
}

/** End of a contract of `months` starting on `effective`. */
export function addTerm(effective: string, months: number): string {
  const at = new Date(effective);
  const end = addMonths({ year: at.getUTCFullYear(), month: at.getUTCMonth() + 1 }, months);
  return noonUtc(end, Math.min(at.getUTCDate(), 28));
}

function newProductId(deps: OrderingDeps, accountId: string, offering: Offering): string {
  const base = `${accountId.replace(/^BA-/, 'PRD-')}-${offering.id.replace(/^OFF-(ADD-)?/, '')}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!deps.inventory.product(id)) return id;
  }
}

/** Validates, records and completes an order; returns its id. Throws TmfError, recording nothing, if any item fails. */
export function placeOrder(deps: OrderingDeps, request: OrderRequest): string {
  if (request.items.length === 0) throw new TmfError(400, 'productOrderItem must hold at least one item');
  const at = deps.now.toISOString();
  // Changes take effect on the day of the order; date-only facts are written at 12:00 UTC.
  const effective = noonUtc({ year: deps.now.getUTCFullYear(), month: deps.now.getUTCMonth() + 1 }, deps.now.getUTCDate());
  return deps.db
    .transaction(() => {
      const taken = new Set<string>();
      let accountId = request.billingAccountId;
      const planned = request.items.map((item, i) => {
        const index = i + 1;
        let plannedItem: PlannedItem;
        switch (item.action) {
          case 'modify':
            plannedItem = planModify(deps, item, index, effective);
            break;
          case 'delete':
            plannedItem = planDelete(deps, item, index, effective);
            break;
          case 'add': {
            const target = accountId;
            if (!target) throw new TmfError(400, 'billingAccount.id is required to add a product');
            if (!deps.canSee(target)) throw new TmfError(404, `No billingAccount with id "${target}"`);
            plannedItem = planAdd(deps, target, item, index, effective, taken);
            break;
          }
          default:
            throw new TmfError(400, `Item ${index}: action must be add, modify or delete, got "${item.action}"`);
        }
        const owner = plannedItem.action === 'add' ? accountId! : deps.inventory.product(plannedItem.productId)!.billingAccountId;
        if (accountId && owner !== accountId) throw new TmfError(422, `Item ${index}: product "${plannedItem.productId}" belongs to another billing account`);
        accountId = owner;
        return plannedItem;
      });
      const id = deps.orders.nextId();
      const rows = planned.map(({ apply: _apply, ...row }) => row);
      const raisesBill = planned.some((item) => (item.newPriceCents ?? 0) > (item.oldPriceCents ?? 0));
      if (raisesBill && hasLongOverdueBill(deps.db, accountId!, deps.now)) {
        deps.orders.insert(
          {
            id,
            billingAccountId: accountId!,
            state: 'rejected',
            stateReason: `Account ${accountId} has a bill more than ${REJECT_AFTER_DAYS_OVERDUE} days past due: pay the overdue balance before adding services or moving to a higher-priced plan`,
            orderDate: at,
            completionDate: null,
          },
          rows,
          [
            { state: 'acknowledged', at },
            { state: 'rejected', at },
          ],
        );
        return id;
      }
      if (deps.deferred) {
        deps.orders.insert({ id, billingAccountId: accountId!, state: 'acknowledged', stateReason: null, orderDate: at, completionDate: null }, rows, [
          { state: 'acknowledged', at },
        ]);
        return id;
      }
      deps.orders.insert({ id, billingAccountId: accountId!, state: 'completed', stateReason: null, orderDate: at, completionDate: at }, rows, [
        { state: 'acknowledged', at },
        { state: 'inProgress', at },
        { state: 'completed', at },
      ]);
      for (const item of planned) item.apply();
      return id;
    })
    .immediate();
}
