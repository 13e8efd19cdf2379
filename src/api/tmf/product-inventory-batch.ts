/**
 * TMF637 active products of many accounts at once, for bulk `plan show`:
 * `product?billingAccount.id=A,B,…&status=active` (a TMF630 multi-value filter), dealt out to the
 * account each product names and ordered as one account's list is (listProducts).
 */
import type { Product } from '../../domain/plan.js';
import type { HttpClient } from '../http.js';
import { listOfAccounts } from './accounts-list-batch.js';
import { InventoryProduct, PRODUCT_PATH, inServiceOrder, toProduct } from './product-inventory.js';

/** Each account's active products, by account; undefined: read them one by one. */
export async function productsOfAccounts(client: HttpClient, accountIds: readonly string[]): Promise<Map<string, Product[]> | undefined> {
  const byAccount = await listOfAccounts(client, InventoryProduct, accountIds, {
    path: PRODUCT_PATH,
    resource: 'Product',
    accountFilter: 'billingAccount.id',
    query: { status: 'active' },
    accountsOf: (product) => (product.billingAccount ? [product.billingAccount.id] : undefined),
    // A product that does not say its status cannot be told active: as one account's list, not a match.
    excludedBy: (product) => (product.status !== 'active' ? 'status' : undefined),
  });
  if (byAccount === undefined) return undefined;
  return new Map([...byAccount].map(([account, products]) => [account, inServiceOrder(products.map(toProduct))]));
}
