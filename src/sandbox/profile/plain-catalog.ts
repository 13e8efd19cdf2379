/**
 * The catalog as the `plain` profile serves it (TMF620): offers refer to their prices, which are
 * resources of their own (`productOfferingPrice` and `productOfferingPrice/{id}`), and name their
 * category as a person would ("Internet", "Mobile") under an id that means nothing to a client.
 */
import type { FastifyInstance } from 'fastify';
import { page, parseQuery } from '../paging.js';
import { OFFERINGS } from '../plan/catalog.js';
import { CATALOG_API } from '../plan/paths.js';
import { productOfferingResource } from '../plan/resources.js';
import { originOf } from '../resources/paths.js';
import { sendTmfError } from '../tmf-errors.js';

export const PRODUCT_OFFERING_PRICE_PATH = `${CATALOG_API}/productOfferingPrice`;

/** The category of each kind of offer: an opaque id and the name a careful client reads. */
export const CATEGORY_OF_KIND: Readonly<Record<string, { id: string; name: string }>> = {
  internet: { id: 'CAT-0001', name: 'Internet' },
  tv: { id: 'CAT-0002', name: 'TV' },
  phone: { id: 'CAT-0003', name: 'Home phone' },
  mobile: { id: 'CAT-0004', name: 'Mobile' },
  addOn: { id: 'CAT-0005', name: 'Add-ons' },
};

function priceHref(origin: string, id: string): string {
  return `${origin}${PRODUCT_OFFERING_PRICE_PATH}/${encodeURIComponent(id)}`;
}

/** A TMF620 ProductOfferingPriceRef. */
export function priceRef(origin: string, id: string, name: string) {
  return { id, href: priceHref(origin, id), name, '@referredType': 'ProductOfferingPrice' };
}

/** Every price of the catalog, as the full TMF620 resource, in catalog order. */
function allPrices(origin: string): Record<string, unknown>[] {
  return OFFERINGS.flatMap((offering) =>
    productOfferingResource(origin, offering).productOfferingPrice.map((price) => ({
      ...price,
      href: priceHref(origin, price.id),
      isBundle: false,
      lifecycleStatus: 'Launched',
    })),
  );
}

/** The price routes, behind the same bearer authentication as the other TMF routes (`scope` has it). */
export async function plainCatalogRoutes(scope: FastifyInstance): Promise<void> {
  scope.get(PRODUCT_OFFERING_PRICE_PATH, async (request, reply) => {
    const query = parseQuery(request.query, { paging: true });
    return page(reply, query, allPrices(originOf(request)));
  });

  scope.get<{ Params: { id: string } }>(`${PRODUCT_OFFERING_PRICE_PATH}/:id`, async (request, reply) => {
    parseQuery(request.query, {});
    const price = allPrices(originOf(request)).find((p) => p.id === request.params.id);
    if (!price) return sendTmfError(reply, 404, `No productOfferingPrice with id "${request.params.id}"`);
    return price;
  });
}
