/** TMF620 Product Catalog: `productOffering`, mapped to the domain's Offering. */
import { z } from 'zod';
import { OFFERING_KINDS, type Offering, type OfferingKind, type ServiceType } from '../../domain/plan.js';
import type { HttpClient } from '../http.js';
import { keepMatching } from './checked-list.js';
import { TmfMoney, listAll, parseResource, toMoney } from './common.js';

export const PRODUCT_OFFERING_PATH = '/tmf-api/productCatalogManagement/v4/productOffering';

const CharValueUse = z.looseObject({
  name: z.string(),
  productSpecCharacteristicValue: z.array(z.looseObject({ value: z.unknown() })).optional(),
});

export const ProductOffering = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  serviceType: z.string().optional(),
  category: z.array(z.looseObject({ id: z.string() })).optional(),
  requiresService: z.string().optional(),
  compatibleOffering: z.array(z.looseObject({ id: z.string() })).optional(),
  productOfferingTerm: z.array(z.looseObject({ duration: z.looseObject({ amount: z.number().optional(), units: z.string().optional() }).optional() })).optional(),
  prodSpecCharValueUse: z.array(CharValueUse).optional(),
  productOfferingPrice: z.array(z.looseObject({ priceType: z.string().optional(), price: TmfMoney.optional() })).optional(),
});
export type ProductOffering = z.infer<typeof ProductOffering>;

function characteristic(offering: ProductOffering, name: string): number | undefined {
  const value = offering.prodSpecCharValueUse?.find((c) => c.name === name)?.productSpecCharacteristicValue?.[0]?.value;
  return typeof value === 'number' ? value : undefined;
}

export function toOffering(offering: ProductOffering): Offering {
  const declared = offering.serviceType ?? offering.category?.[0]?.id ?? '';
  const kind = (OFFERING_KINDS.has(declared) ? declared : 'addOn') as OfferingKind;
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
    ...optional('compatibleWith', offering.compatibleOffering?.map((o) => o.id)),
  };
}

export async function listOfferings(client: HttpClient, serviceType?: OfferingKind): Promise<Offering[]> {
  const offerings = await listAll(client, PRODUCT_OFFERING_PATH, ProductOffering, 'ProductOffering', { query: { serviceType }, pageSize: 200 });
  const mapped = offerings.map(toOffering);
  return serviceType === undefined ? mapped : keepMatching(client, mapped, (offering) => offering.kind === serviceType, 'serviceType', 'ProductOffering');
}

export async function getOffering(client: HttpClient, id: string): Promise<Offering> {
  const path = `${PRODUCT_OFFERING_PATH}/${encodeURIComponent(id)}`;
  return toOffering(parseResource(ProductOffering, await client.get(path), 'ProductOffering', path));
}
