/**
 * Which products on a bill are add-ons, for a server that does not say which section of the bill
 * each line belongs to (espace's `billSection` characteristic). TMF678 gives each line a `product`
 * reference; TMF637 gives that product its `productOffering`; TMF620 gives the offering its
 * categories. An add-on is a product whose offering is of the add-on kind (see offeringKind).
 */
import { ApiError } from '../errors.js';
import type { HttpClient } from '../http.js';
import { parseResource } from './common.js';
import { PRODUCT_OFFERING_PATH, ProductOffering, offeringKind } from './product-catalog.js';
import { InventoryProduct, PRODUCT_PATH, toProduct } from './product-inventory.js';

/** Product reads in flight at once. */
const READS_AT_ONCE = 8;

/** What each client (one per command) has already learnt, so that a bulk run reads each product and offering once. */
const known = new WeakMap<HttpClient, { products: Map<string, Promise<boolean | undefined>>; offerings: Map<string, Promise<boolean | undefined>> }>();

function memoOf(client: HttpClient) {
  let memo = known.get(client);
  if (!memo) {
    memo = { products: new Map(), offerings: new Map() };
    known.set(client, memo);
  }
  return memo;
}

/** A read whose refusal (not found, forbidden…) leaves the answer unknown rather than failing the bill. */
async function orUnknown<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError) return undefined;
    throw error;
  }
}

function isAddOnOffering(client: HttpClient, id: string): Promise<boolean | undefined> {
  const { offerings } = memoOf(client);
  let answer = offerings.get(id);
  if (!answer) {
    const path = `${PRODUCT_OFFERING_PATH}/${encodeURIComponent(id)}`;
    answer = orUnknown(async () => offeringKind(parseResource(ProductOffering, await client.get(path), 'ProductOffering', path)) === 'addOn');
    offerings.set(id, answer);
  }
  return answer;
}

function isAddOnProduct(client: HttpClient, id: string): Promise<boolean | undefined> {
  const { products } = memoOf(client);
  let answer = products.get(id);
  if (!answer) {
    const path = `${PRODUCT_PATH}/${encodeURIComponent(id)}`;
    answer = orUnknown(async () => parseResource(InventoryProduct, await client.get(path), 'Product', path)).then((product) => {
      if (!product) return undefined;
      // The offering's categories are the standard answer; without an offering, the product's own names.
      return product.productOffering ? isAddOnOffering(client, product.productOffering.id) : toProduct(product).isAddOn;
    });
    products.set(id, answer);
  }
  return answer;
}

/**
 * The ids among `productIds` that are add-ons, read through the product and its offering (each
 * once per command). A product the server will not show, or whose kind nothing tells, is not
 * counted as an add-on: its lines keep the section their rate type gives.
 */
export async function addOnProductIds(client: HttpClient, productIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(productIds)];
  const verdicts: (boolean | undefined)[] = [];
  // A bulk batch may name hundreds of products: a few reads at a time, not all at once.
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      verdicts[index] = await isAddOnProduct(client, ids[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, ids.length) }, worker));
  return new Set(ids.filter((_, index) => verdicts[index] === true));
}
