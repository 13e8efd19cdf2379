/** TMF637 Product Inventory: the `product`s of an account, mapped to the domain's Product. */
import * as z from 'zod';
import { OFFERING_KINDS, type OfferingKind, type Product, kindFromNames } from '../../domain/plan.js';
import type { HttpClient } from '../http.js';
import { check, listMatching } from './checked-list.js';
import { TmfMoney, TmfRef, toMoney } from './common.js';

export const PRODUCT_PATH = '/tmf-api/productInventory/v4/product';

export const InventoryProduct = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  startDate: z.string().optional(),
  productOffering: TmfRef.optional(),
  productSpecification: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  billingAccount: TmfRef.optional(),
  productCharacteristic: z.array(z.looseObject({ name: z.string(), value: z.unknown() })).optional(),
  productPrice: z
    .array(z.looseObject({ priceType: z.string().optional(), price: z.looseObject({ dutyFreeAmount: TmfMoney.optional() }).optional() }))
    .optional(),
  productTerm: z.array(z.looseObject({ validFor: z.looseObject({ endDateTime: z.string().optional() }).optional() })).optional(),
});
export type InventoryProduct = z.infer<typeof InventoryProduct>;

export function toProduct(product: InventoryProduct): Product {
  const characteristic = (name: string) => product.productCharacteristic?.find((c) => c.name === name)?.value;
  // espace's `serviceType` characteristic when present; else the standard names of the product's
  // specification and offering, then its own ("Mobile 20 GB", "Internet 120").
  const declared = characteristic('serviceType');
  const kind =
    typeof declared === 'string' && OFFERING_KINDS.has(declared)
      ? declared
      : kindFromNames([product.productSpecification?.name, product.productOffering?.name, product.name]);
  const price = product.productPrice?.find((p) => p.priceType === 'recurring')?.price?.dutyFreeAmount;
  const contractEnd = product.productTerm?.[0]?.validFor?.endDateTime;
  return {
    id: product.id,
    name: product.name ?? product.productOffering?.name ?? product.id,
    status: product.status ?? 'active',
    kind: kind as OfferingKind | undefined,
    isAddOn: characteristic('isAddOn') === true || kind === 'addOn',
    ...(product.productOffering ? { offeringId: product.productOffering.id } : {}),
    monthly: price ? toMoney(price) : { amount: 0, currency: 'CAD' },
    ...(product.startDate ? { startDate: product.startDate } : {}),
    ...(contractEnd ? { contractEnd } : {}),
  };
}

const ORDER: readonly (OfferingKind | undefined)[] = ['internet', 'tv', 'phone', 'mobile', 'addOn', undefined];

/** The active products of an account: internet, TV, phone, mobile, then add-ons. */
export async function listProducts(client: HttpClient, accountId: string): Promise<Product[]> {
  const products = await listMatching(client, PRODUCT_PATH, InventoryProduct, 'Product', {
    query: { 'billingAccount.id': accountId, status: 'active' },
    checks: [
      check('billingAccount.id', accountId, (product: InventoryProduct, account) =>
        product.billingAccount ? product.billingAccount.id === account : undefined,
      ),
      check('status', 'active', (product: InventoryProduct, status) => (product.status === undefined ? undefined : product.status === status)),
    ],
    pageSize: 200,
  });
  return inServiceOrder(products.map(toProduct));
}

/** Internet, TV, phone, mobile, then add-ons (a stable sort: the server's order within each). */
export function inServiceOrder(products: Product[]): Product[] {
  return products.sort((a, b) => ORDER.indexOf(a.isAddOn ? 'addOn' : a.kind) - ORDER.indexOf(b.isAddOn ? 'addOn' : b.kind));
}
