/** TMF622 product orders as stored: the order, its items (with prices before and after) and its states. */
import type { SandboxDatabase, Statement } from '../db.js';

export type OrderAction = 'add' | 'modify' | 'delete';
export type OrderState = 'acknowledged' | 'inProgress' | 'completed' | 'rejected' | 'failed';

export interface OrderRow {
  id: string;
  billingAccountId: string;
  billingAccountName: string;
  state: OrderState;
  stateReason: string | null;
  orderDate: string;
  completionDate: string | null;
}

export interface OrderItemRow {
  orderId: string;
  seq: number;
  action: OrderAction;
  productId: string;
  oldOfferingId: string | null;
  oldName: string | null;
  oldPriceCents: number | null;
  newOfferingId: string | null;
  newName: string | null;
  newPriceCents: number | null;
  isAddOn: number;
  effectiveDate: string;
}

export interface OrderStateRow {
  orderId: string;
  state: OrderState;
  at: string;
}

const ORDER_COLUMNS = `o.id, o.billing_account_id AS billingAccountId, a.name AS billingAccountName, o.state, o.state_reason AS stateReason,
  o.order_date AS orderDate, o.completion_date AS completionDate`;
function itemColumns(alias: string): string {
  const c = (column: string, as?: string) => `${alias}.${column}${as ? ` AS ${as}` : ''}`;
  return [
    c('order_id', 'orderId'),
    c('seq'),
    c('action'),
    c('product_id', 'productId'),
    c('old_offering_id', 'oldOfferingId'),
    c('old_name', 'oldName'),
    c('old_price_cents', 'oldPriceCents'),
    c('new_offering_id', 'newOfferingId'),
    c('new_name', 'newName'),
    c('new_price_cents', 'newPriceCents'),
    c('is_add_on', 'isAddOn'),
    c('effective_date', 'effectiveDate'),
  ].join(', ');
}

export class OrderStore {
  readonly #order: Statement<[string], OrderRow>;
  readonly #list: Statement<{ accounts: string | null; visibleTo: string | null }, OrderRow>;
  readonly #items: Statement<[string], OrderItemRow>;
  readonly #states: Statement<[string], OrderStateRow>;
  readonly #completedItems: Statement<[string, string, string], OrderItemRow>;
  readonly #insertOrder: Statement<[string, string, string, string | null, string, string | null]>;
  readonly #insertItem: Statement<unknown[]>;
  readonly #insertState: Statement<[string, number, string, string]>;
  readonly #count: Statement<[], { n: number }>;

  constructor(db: SandboxDatabase) {
    const from = 'FROM product_order o JOIN billing_account a ON a.id = o.billing_account_id';
    this.#order = db.prepare(`SELECT ${ORDER_COLUMNS} ${from} WHERE o.id = ?`);
    this.#list = db.prepare(
      `SELECT ${ORDER_COLUMNS} ${from}
        WHERE (@accounts IS NULL OR o.billing_account_id IN (SELECT value FROM json_each(@accounts)))
          AND (@visibleTo IS NULL OR o.billing_account_id IN (SELECT billing_account_id FROM account_access WHERE user_id = @visibleTo))
        ORDER BY o.order_date DESC, o.id DESC`,
    );
    this.#items = db.prepare(`SELECT ${itemColumns('i')} FROM product_order_item i WHERE i.order_id = ? ORDER BY i.seq`);
    this.#states = db.prepare('SELECT order_id AS orderId, state, at FROM product_order_state WHERE order_id = ? ORDER BY seq');
    this.#completedItems = db.prepare(
      `SELECT ${itemColumns('i')} FROM product_order_item i JOIN product_order o ON o.id = i.order_id
        WHERE o.billing_account_id = ? AND o.state = 'completed' AND i.effective_date >= ? AND i.effective_date <= ?
        ORDER BY i.effective_date, o.order_date, i.order_id, i.seq`,
    );
    this.#insertOrder = db.prepare(
      'INSERT INTO product_order (id, billing_account_id, state, state_reason, order_date, completion_date) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#insertItem = db.prepare(
      `INSERT INTO product_order_item (order_id, seq, action, product_id, old_offering_id, old_name, old_price_cents,
         new_offering_id, new_name, new_price_cents, is_add_on, effective_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertState = db.prepare('INSERT INTO product_order_state (order_id, seq, state, at) VALUES (?, ?, ?, ?)');
    this.#count = db.prepare('SELECT count(*) AS n FROM product_order');
  }

  order(id: string): OrderRow | undefined {
    return this.#order.get(id);
  }

  list(accounts: readonly string[] | null, visibleTo: string | null): OrderRow[] {
    return this.#list.all({ accounts: accounts ? JSON.stringify(accounts) : null, visibleTo });
  }

  items(orderId: string): OrderItemRow[] {
    return this.#items.all(orderId);
  }

  states(orderId: string): OrderStateRow[] {
    return this.#states.all(orderId);
  }

  /** Items of an account's completed orders that took effect between two dates (inclusive). */
  completedItemsBetween(accountId: string, from: string, to: string): OrderItemRow[] {
    return this.#completedItems.all(accountId, from, to);
  }

  nextId(): string {
    return `PO-${String((this.#count.get()?.n ?? 0) + 1).padStart(6, '0')}`;
  }

  insert(
    order: Omit<OrderRow, 'billingAccountName'>,
    items: readonly Omit<OrderItemRow, 'orderId'>[],
    states: readonly Omit<OrderStateRow, 'orderId'>[],
  ): void {
    this.#insertOrder.run(order.id, order.billingAccountId, order.state, order.stateReason, order.orderDate, order.completionDate);
    for (const item of items) {
      this.#insertItem.run(
        order.id,
        item.seq,
        item.action,
        item.productId,
        item.oldOfferingId,
        item.oldName,
        item.oldPriceCents,
        item.newOfferingId,
        item.newName,
        item.newPriceCents,
        item.isAddOn,
        item.effectiveDate,
      );
    }
    states.forEach((state, index) => this.#insertState.run(order.id, index + 1, state.state, state.at));
  }
}
