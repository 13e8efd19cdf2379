/** TMF622 Product Ordering: place and read `productOrder`s, mapped to the domain's Order. */
import * as z from 'zod';
import type { Order, OrderAction, OrderItem } from '../../domain/plan.js';
import type { HttpClient } from '../http.js';
import { check, listMatching, newestFirst } from './checked-list.js';
import { TmfMoney, TmfRef, parseResource, toMoney } from './common.js';

export const PRODUCT_ORDER_PATH = '/tmf-api/productOrderingManagement/v4/productOrder';

const ItemPrice = z.looseObject({ name: z.string().optional(), price: z.looseObject({ dutyFreeAmount: TmfMoney.optional() }).optional() });

export const ProductOrder = z.looseObject({
  id: z.string(),
  state: z.string().optional(),
  orderDate: z.string().optional(),
  completionDate: z.string().optional(),
  billingAccount: TmfRef.optional(),
  note: z.array(z.looseObject({ text: z.string().optional() })).optional(),
  productOrderItem: z
    .array(
      z.looseObject({
        action: z.string(),
        product: TmfRef.optional(),
        productOffering: TmfRef.optional(),
        itemPrice: z.array(ItemPrice).optional(),
      }),
    )
    .optional(),
  stateChange: z.array(z.looseObject({ state: z.string(), changeDate: z.string().optional() })).optional(),
});
export type ProductOrder = z.infer<typeof ProductOrder>;

export function toOrder(order: ProductOrder): Order {
  const items: OrderItem[] = (order.productOrderItem ?? []).map((item) => {
    const price = (name: string) => {
      const value = item.itemPrice?.find((p) => p.name === name)?.price?.dutyFreeAmount;
      return value ? toMoney(value) : undefined;
    };
    const previousMonthly = price('previousMonthlyPrice');
    const monthly = price('monthlyPrice');
    return {
      action: item.action as OrderAction,
      ...(item.product ? { productId: item.product.id, productName: item.product.name } : {}),
      ...(item.productOffering ? { offeringId: item.productOffering.id, offeringName: item.productOffering.name } : {}),
      ...(previousMonthly ? { previousMonthly } : {}),
      ...(monthly ? { monthly } : {}),
    };
  });
  const reason = order.note
    ?.map((n) => n.text)
    .filter(Boolean)
    .join(' ');
  return {
    id: order.id,
    ...(order.billingAccount ? { accountId: order.billingAccount.id } : {}),
    state: order.state ?? 'acknowledged',
    ...(order.orderDate ? { orderDate: order.orderDate } : {}),
    ...(order.completionDate ? { completionDate: order.completionDate } : {}),
    ...(reason ? { reason } : {}),
    items,
    stateChanges: (order.stateChange ?? []).map((s) => ({ state: s.state, at: s.changeDate })),
  };
}

export interface OrderRequestItem {
  action: OrderAction;
  productId?: string;
  offeringId?: string;
}

export async function placeOrder(client: HttpClient, accountId: string, items: readonly OrderRequestItem[]): Promise<Order> {
  const response = await client.request({
    method: 'POST',
    path: PRODUCT_ORDER_PATH,
    json: {
      billingAccount: { id: accountId },
      productOrderItem: items.map((item, index) => ({
        id: String(index + 1),
        action: item.action,
        ...(item.productId ? { product: { id: item.productId } } : {}),
        ...(item.offeringId ? { productOffering: { id: item.offeringId } } : {}),
      })),
    },
  });
  return toOrder(parseResource(ProductOrder, response, 'ProductOrder', PRODUCT_ORDER_PATH));
}

/** An account's orders, newest first (sorted here: a server may ignore order); at most `max`. */
export async function listOrders(client: HttpClient, accountId: string, max?: number): Promise<Order[]> {
  const orders = await listMatching(client, PRODUCT_ORDER_PATH, ProductOrder, 'ProductOrder', {
    query: { 'billingAccount.id': accountId },
    checks: [check('billingAccount.id', accountId, (order: ProductOrder, account) => (order.billingAccount ? order.billingAccount.id === account : undefined))],
  });
  return newestFirst(orders, (order) => order.orderDate)
    .slice(0, max)
    .map(toOrder);
}

export async function getOrder(client: HttpClient, id: string): Promise<Order> {
  const path = `${PRODUCT_ORDER_PATH}/${encodeURIComponent(id)}`;
  return toOrder(parseResource(ProductOrder, await client.get(path), 'ProductOrder', path));
}
