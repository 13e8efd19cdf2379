/**
 * TMF620 Product Catalog: `productOffering`, mapped to the domain's Offering. The specification
 * gives an offering's prices as references (`productOfferingPrice[]` of id and href), which are
 * followed here; the sandbox embeds them (`priceType`, `price`), which saves the requests.
 */
import * as z from 'zod';
import { OFFERING_KINDS, type Offering, type OfferingKind, type ServiceType, kindFromNames } from '../../domain/plan.js';
import { ApiError, IgnoredFilterError } from '../errors.js';
import type { HttpClient } from '../http.js';
import { keepMatching } from './checked-list.js';
import { TmfMoney, listAll, parseResource, toMoney } from './common.js';

export const PRODUCT_OFFERING_PATH = '/tmf-api/productCatalogManagement/v4/productOffering';
export const PRODUCT_OFFERING_PRICE_PATH = '/tmf-api/productCatalogManagement/v4/productOfferingPrice';

const CharValueUse = z.looseObject({
  name: z.string(),
  productSpecCharacteristicValue: z.array(z.looseObject({ value: z.unknown() })).optional(),
});

const PriceRefOrValue = z.looseObject({
  id: z.string().optional(),
  href: z.string().optional(),
  name: z.string().optional(),
  priceType: z.string().optional(),
  price: TmfMoney.optional(),
});

/** TMF620 `productOfferingPrice`: what espace reads of one. */
export const ProductOfferingPrice = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  priceType: z.string().optional(),
  price: TmfMoney.optional(),
});
type ProductOfferingPrice = z.infer<typeof ProductOfferingPrice>;

export const ProductOffering = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  serviceType: z.string().optional(),
  category: z.array(z.looseObject({ id: z.string(), name: z.string().optional() })).optional(),
  productSpecification: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  requiresService: z.string().optional(),
  compatibleOffering: z.array(z.looseObject({ id: z.string() })).optional(),
  productOfferingTerm: z
    .array(z.looseObject({ duration: z.looseObject({ amount: z.number().optional(), units: z.string().optional() }).optional() }))
    .optional(),
  prodSpecCharValueUse: z.array(CharValueUse).optional(),
  // A reference (id, href) as TMF620 gives it, or the price itself (priceType, price).
  productOfferingPrice: z.array(PriceRefOrValue).optional(),
});
export type ProductOffering = z.infer<typeof ProductOffering>;

function characteristic(offering: ProductOffering, name: string): number | undefined {
  const value = offering.prodSpecCharValueUse?.find((c) => c.name === name)?.productSpecCharacteristicValue?.[0]?.value;
  return typeof value === 'number' ? value : undefined;
}

/**
 * The kind of an offering: espace's `serviceType` extension when the server gives it; otherwise
 * the standard fields — the names (and ids) of its categories, then its product specification's
 * name, then its own name ("Internet 120", "TV Channels add-on"). An offering none of these tell
 * is an add-on: never a plan that could replace a service.
 */
export function offeringKind(offering: ProductOffering): OfferingKind {
  if (offering.serviceType !== undefined && OFFERING_KINDS.has(offering.serviceType)) return offering.serviceType as OfferingKind;
  for (const category of offering.category ?? []) {
    if (OFFERING_KINDS.has(category.id)) return category.id as OfferingKind;
    const kind = kindFromNames([category.name]);
    if (kind) return kind;
  }
  return kindFromNames([offering.productSpecification?.name]) ?? kindFromNames([offering.name]) ?? 'addOn';
}

export function toOffering(offering: ProductOffering): Offering {
  const kind = offeringKind(offering);
  const recurring = offering.productOfferingPrice?.find((p) => p.priceType === 'recurring')?.price;
  const overage = offering.productOfferingPrice?.find((p) => p.priceType === 'usage')?.price;
  const term = offering.productOfferingTerm?.[0]?.duration;
  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
  return {
    id: offering.id,
    name: offering.name,
    ...optional('description', offering.description),
    kind,
    monthly: recurring ? toMoney(recurring) : { amount: 0, currency: 'CAD' },
    termMonths: term?.units === 'year' ? (term.amount ?? 0) * 12 : (term?.amount ?? 0),
    ...optional('downloadMbps', characteristic(offering, 'downloadSpeed')),
    ...optional('uploadMbps', characteristic(offering, 'uploadSpeed')),
    ...optional('channels', characteristic(offering, 'channels')),
    ...optional('dataGb', characteristic(offering, 'dataAllowance')),
    ...optional('minutes', characteristic(offering, 'voiceAllowance')),
    ...optional('texts', characteristic(offering, 'smsAllowance')),
    ...optional('dataOverage', overage ? toMoney(overage) : undefined),
    ...optional('requiresService', OFFERING_KINDS.has(offering.requiresService ?? '') ? (offering.requiresService as ServiceType) : undefined),
    ...optional(
      'compatibleWith',
      offering.compatibleOffering?.map((o) => o.id),
    ),
  };
}

export async function listOfferings(client: HttpClient, serviceType?: OfferingKind): Promise<Offering[]> {
  const offerings = await listAll(client, PRODUCT_OFFERING_PATH, ProductOffering, 'ProductOffering', { query: { serviceType }, pageSize: 200 });
  const mapped = (await withPrices(client, offerings)).map(toOffering);
  return serviceType === undefined ? mapped : keepMatching(client, mapped, (offering) => offering.kind === serviceType, 'serviceType', 'ProductOffering');
}

/** Ids per list request: short enough for any URL limit. */
const PRICE_BATCH = 50;
/** The prices read by each client (one per command), so that a command reads each price once. */
const priceCache = new WeakMap<HttpClient, Map<string, Promise<ProductOfferingPrice>>>();

/** The offerings with every price reference replaced by the price it refers to. */
async function withPrices(client: HttpClient, offerings: readonly ProductOffering[]): Promise<ProductOffering[]> {
  const refs = (offering: ProductOffering) => (offering.productOfferingPrice ?? []).filter((entry) => entry.price === undefined && entry.id !== undefined);
  const wanted = [...new Set(offerings.flatMap((offering) => refs(offering).map((entry) => entry.id!)))];
  if (wanted.length === 0) return [...offerings];
  const prices = await readPrices(client, wanted);
  return offerings.map((offering) => ({
    ...offering,
    productOfferingPrice: offering.productOfferingPrice?.map((entry) =>
      entry.price === undefined && entry.id !== undefined ? { ...entry, ...prices.get(entry.id)! } : entry,
    ),
  }));
}

/**
 * The prices of these ids: those not read yet by this command in lists of up to PRICE_BATCH ids
 * (`id=a,b,c`, TMF630's several values of a filter), and one by one any the list did not give
 * (a server that ignores the filter, or refuses such a list).
 */
async function readPrices(client: HttpClient, ids: readonly string[]): Promise<Map<string, ProductOfferingPrice>> {
  let cache = priceCache.get(client);
  if (!cache) {
    cache = new Map();
    priceCache.set(client, cache);
  }
  const missing = ids.filter((id) => !cache.has(id));
  for (let start = 0; start < missing.length; start += PRICE_BATCH) {
    const batch = missing.slice(start, start + PRICE_BATCH);
    const listed = listPrices(client, batch);
    for (const id of batch) {
      const known = cache;
      cache.set(
        id,
        listed
          .then((found) => found.get(id) ?? getPrice(client, id))
          .catch((error: unknown) => {
            known.delete(id);
            throw error;
          }),
      );
    }
  }
  const entries = await Promise.all(ids.map(async (id) => [id, await cache.get(id)!] as const));
  return new Map(entries);
}

/** One list request for these ids; what it gave that was asked for (an empty map when it failed as unsupported). */
async function listPrices(client: HttpClient, ids: readonly string[]): Promise<Map<string, ProductOfferingPrice>> {
  const wanted = new Set(ids);
  let prices: ProductOfferingPrice[];
  try {
    // One page only: the list is a shortcut, and whatever it leaves out (a server that ignores the
    // id filter, or caps its pages) is read one by one, so paging on could only add requests.
    const response = await client.get(PRODUCT_OFFERING_PRICE_PATH, { id: ids.join(','), limit: ids.length });
    prices = parseResource(z.array(ProductOfferingPrice), response, 'ProductOfferingPrice', PRODUCT_OFFERING_PRICE_PATH);
  } catch (error) {
    // No list of prices, or no such filter: the references are read one by one.
    if (error instanceof IgnoredFilterError || (error instanceof ApiError && [400, 404, 405, 501].includes(error.status))) return new Map();
    throw error;
  }
  return new Map(prices.filter((price) => wanted.has(price.id)).map((price) => [price.id, price]));
}

async function getPrice(client: HttpClient, id: string): Promise<ProductOfferingPrice> {
  const path = `${PRODUCT_OFFERING_PRICE_PATH}/${encodeURIComponent(id)}`;
  return parseResource(ProductOfferingPrice, await client.get(path), 'ProductOfferingPrice', path);
}
