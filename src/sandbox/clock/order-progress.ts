/**
 * Product orders over sandbox time: placed `acknowledged`, `inProgress` a little later, then
 * `completed` — and only then does the inventory change (the plan, the add-on, the removal),
 * effective on the day of completion — or `failed` for the documented test offer that is out of
 * stock, which changes nothing.
 */
import type { SandboxDatabase } from '../db.js';
import { noonUtc } from '../dates.js';
import { offeringById, productTypeOf } from '../plan/catalog.js';
import type { InventoryStore } from '../plan/inventory.js';
import { addTerm } from '../plan/ordering.js';
import type { OrderItemRow, OrderStore } from '../plan/orders.js';

export interface OrderProgress {
  /** Seconds of sandbox time from placement to inProgress. */
  startSeconds: number;
  /** Seconds of sandbox time from placement to completed (or failed). */
  completeSeconds: number;
}

/** What the sandbox program uses: work starts after 10 seconds, ends after 30. */
export const ORDER_PROGRESS: OrderProgress = { startSeconds: 10, completeSeconds: 30 };

/** The test offer whose orders fail: the Wi-Fi extender is out of stock. */
export const FAILING_OFFERING_ID = 'OFF-ADD-WIFI';

export interface PendingOrder {
  id: string;
  billingAccountId: string;
  state: 'acknowledged' | 'inProgress';
  orderDate: string;
}

/** Orders still on their way. */
export function pendingOrders(db: SandboxDatabase): PendingOrder[] {
  return db
    .prepare<[], PendingOrder>(
      `SELECT id, billing_account_id AS billingAccountId, state, order_date AS orderDate FROM product_order
        WHERE state IN ('acknowledged', 'inProgress') ORDER BY order_date, id`,
    )
    .all();
}

function addState(db: SandboxDatabase, orderId: string, state: string, at: string): void {
  db.prepare(
    'INSERT INTO product_order_state (order_id, seq, state, at) VALUES (?, (SELECT count(*) + 1 FROM product_order_state WHERE order_id = ?), ?, ?)',
  ).run(orderId, orderId, state, at);
}

/** acknowledged → inProgress; false if the order is no longer acknowledged. */
export function startOrder(db: SandboxDatabase, orderId: string, at: string): boolean {
  const changed = db.prepare("UPDATE product_order SET state = 'inProgress' WHERE id = ? AND state = 'acknowledged'").run(orderId).changes;
  if (changed === 1) addState(db, orderId, 'inProgress', at);
  return changed === 1;
}

/** Applies one item to the inventory, effective `effective` (12:00 UTC of the day of completion). */
function applyItem(inventory: InventoryStore, accountId: string, item: OrderItemRow, effective: string): void {
  const offering = item.newOfferingId ? offeringById(item.newOfferingId) : undefined;
  switch (item.action) {
    case 'modify': {
      const product = inventory.product(item.productId);
      if (!offering || !product) throw new Error(`order item ${item.orderId}/${item.seq} no longer applies`);
      const contractEnd = offering.termMonths > 0 ? addTerm(effective, offering.termMonths) : product.contractEnd;
      inventory.modify(item.productId, {
        name: offering.name,
        offeringId: offering.id,
        priceCents: offering.priceCents,
        productType: productTypeOf(offering),
        contractEnd,
      });
      return;
    }
    case 'add':
      if (!offering) throw new Error(`order item ${item.orderId}/${item.seq} names an unknown offer`);
      inventory.insert({
        id: item.productId,
        accountId,
        name: offering.name,
        productType: productTypeOf(offering),
        isAddOn: true,
        startDate: effective,
        priceCents: offering.priceCents,
        offeringId: offering.id,
        contractEnd: offering.termMonths > 0 ? addTerm(effective, offering.termMonths) : null,
      });
      return;
    case 'delete':
      inventory.terminate(item.productId, effective);
  }
}

/**
 * inProgress → completed (inventory changed, items effective on the day of completion, so the next
 * bill prorates from then) or failed (nothing changed). Null if the order is not in progress.
 */
export function finishOrder(
  deps: { db: SandboxDatabase; inventory: InventoryStore; orders: OrderStore },
  orderId: string,
  at: string,
): 'completed' | 'failed' | null {
  const { db } = deps;
  const order = deps.orders.order(orderId);
  if (!order || order.state !== 'inProgress') return null;
  const items = deps.orders.items(orderId);
  const failing = items.find((item) => item.newOfferingId === FAILING_OFFERING_ID);
  if (failing) {
    const reason = `${failing.newName ?? FAILING_OFFERING_ID} is out of stock; the order could not be completed and nothing was changed`;
    db.prepare("UPDATE product_order SET state = 'failed', state_reason = ?, completion_date = ? WHERE id = ?").run(reason, at, orderId);
    addState(db, orderId, 'failed', at);
    return 'failed';
  }
  const day = new Date(at);
  const effective = noonUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1 }, day.getUTCDate());
  db.prepare('UPDATE product_order_item SET effective_date = ? WHERE order_id = ?').run(effective, orderId);
  for (const item of items) applyItem(deps.inventory, order.billingAccountId, item, effective);
  db.prepare("UPDATE product_order SET state = 'completed', completion_date = ? WHERE id = ?").run(at, orderId);
  addState(db, orderId, 'completed', at);
  return 'completed';
}
