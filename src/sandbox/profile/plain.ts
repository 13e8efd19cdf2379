/**
 * The `plain` profile: the sandbox behaving as a minimal conformant TMF v4 server may, so that
 * espace can be tested against what a server it did not grow up with is allowed to do.
 *
 * One layer over the default routes, which stay as they are:
 * - a preHandler rewrites the query of every TMF read: see `LISTS` for the one rule of each list;
 *   a single resource ignores every query parameter (`fields` included: the full resource comes back);
 * - an onSend hook rewrites every successful JSON answer of a TMF resource (see plain-bodies.ts)
 *   and puts the lists the store keeps newest first into oldest-first order;
 * - the catalog's prices become resources of their own (plain-catalog.ts).
 * Writes (POST, PATCH, DELETE) are handled by the default routes; only their answers are rewritten.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenStore } from '../auth/tokens.js';
import { bearerAuthHook } from '../auth/principal.js';
import { SERVICE_PROBLEM_API } from '../outages/resource.js';
import { CATALOG_API, INVENTORY_API, ORDERING_API, USAGE_API } from '../plan/paths.js';
import { ACCOUNT_API, CUSTOMER_BILL_API, OPENID_API, originOf } from '../resources/paths.js';
import { PAYMENT_API, PAYMENT_METHOD_API } from '../payment/resource.js';
import { TROUBLE_TICKET_API } from '../tickets/resource.js';
import { rewriteBody, type PlainResourceKind } from './plain-bodies.js';
import { PRODUCT_OFFERING_PRICE_PATH, plainCatalogRoutes } from './plain-catalog.js';

/** The most items one page holds, whatever `limit` asks; also the page size when none is asked. */
export const PLAIN_PAGE_CAP = 20;
/** Beyond this many visible accounts (volume databases), `everyAccount` lists keep their account filter. */
const MAX_ACCOUNTS = 1000;
/** The most records one account's read returns (the default routes' own cap). */
const MAX_RECORDS = 1000;

/**
 * How a list answers, in one place. TMF630 makes attribute filtering, `sort` and `fields` optional,
 * so a list honours none of them: only `offset` and `limit` (capped), plus the filters in `keep`,
 * which the sandbox cannot answer without (it has no unscoped list of payment methods).
 * `oldestFirst` lists are stored newest first: the profile turns them around, so that "the first
 * item" is never "the latest". The others keep their stored order (by id, by date, catalog order).
 * `everyAccount` names the account filter the default route requires: the profile ignores it too,
 * answering with the records of every account the caller may see, by date then id.
 */
interface ListRule {
  keep?: readonly string[];
  oldestFirst?: boolean;
  everyAccount?: string;
}

const LISTS: Readonly<Record<string, ListRule>> = {
  [`${CUSTOMER_BILL_API}/customerBill`]: { oldestFirst: true },
  [`${CUSTOMER_BILL_API}/appliedCustomerBillingRate`]: { oldestFirst: true },
  [`${ACCOUNT_API}/billingAccount`]: {},
  [`${OPENID_API}/userinfo`]: {},
  [`${PAYMENT_API}/payment`]: { oldestFirst: true },
  [`${PAYMENT_METHOD_API}/paymentMethod`]: { keep: ['account.id'] },
  [`${TROUBLE_TICKET_API}/troubleTicket`]: { oldestFirst: true },
  [`${SERVICE_PROBLEM_API}/serviceProblem`]: {},
  [`${CATALOG_API}/productOffering`]: {},
  [PRODUCT_OFFERING_PRICE_PATH]: {},
  [`${INVENTORY_API}/product`]: {},
  [`${ORDERING_API}/productOrder`]: { oldestFirst: true },
  [`${USAGE_API}/usage`]: { everyAccount: 'billingAccount.id' },
};

/** Collections whose resources lose espace's extensions (their items and sub-routes answer the same kind). */
const KINDS: readonly (readonly [string, PlainResourceKind])[] = [
  [`${CUSTOMER_BILL_API}/customerBill`, 'customerBill'],
  [`${CUSTOMER_BILL_API}/appliedCustomerBillingRate`, 'appliedCustomerBillingRate'],
  [`${ACCOUNT_API}/billingAccount`, 'billingAccount'],
  [`${TROUBLE_TICKET_API}/troubleTicket`, 'troubleTicket'],
  [`${SERVICE_PROBLEM_API}/serviceProblem`, 'serviceProblem'],
  [`${CATALOG_API}/productOffering`, 'productOffering'],
  [`${INVENTORY_API}/product`, 'product'],
  [`${ORDERING_API}/productOrder`, 'productOrder'],
  [`${PAYMENT_METHOD_API}/paymentMethod`, 'paymentMethod'],
];

/** TMF reads whose query the profile rewrites; the espace-only APIs (security, chat) keep theirs. */
function isTmfPath(url: string): boolean {
  return url.startsWith('/tmf-api/') || url.startsWith(`${PAYMENT_API}/`);
}

function kindOf(url: string): PlainResourceKind | undefined {
  return KINDS.find(([collection]) => url === collection || url.startsWith(`${collection}/`))?.[1];
}

type RawQuery = Record<string, string | string[] | undefined>;

const NON_NEGATIVE = /^\d+$/;

function isCount(value: string | string[] | undefined): value is string | undefined {
  return value === undefined || (typeof value === 'string' && NON_NEGATIVE.test(value));
}

/** Installs the profile on an app whose routes are not registered yet. */
export async function installPlainProfile(app: FastifyInstance, tokens: TokenStore): Promise<void> {
  // Marks the profile's own reads of the default routes (no client can send it: it cannot know the token).
  const internalHeader = 'x-plain-profile-internal';
  const internalToken = randomUUID();
  const isInternal = (request: FastifyRequest) => request.headers[internalHeader] === internalToken;
  const turned = new WeakSet<FastifyRequest>();

  /** A read of the default routes on behalf of `request`'s caller, which the profile leaves alone. */
  const readAsCaller = (request: FastifyRequest, path: string, query: RawQuery) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) for (const v of [value ?? []].flat()) search.append(name, v);
    return app.inject({
      method: 'GET',
      url: `${path}?${search.toString()}`,
      headers: { authorization: request.headers.authorization ?? '', [internalHeader]: internalToken },
    });
  };

  /** How many items the list holds for this caller with these filters; undefined if it would not answer. */
  const totalOf = async (request: FastifyRequest, kept: RawQuery): Promise<number | undefined> => {
    const answer = await readAsCaller(request, request.url.split('?')[0]!, { ...kept, limit: '0' });
    const total = Number(answer.headers['x-total-count']);
    return answer.statusCode === 200 && Number.isSafeInteger(total) ? total : undefined;
  };

  /**
   * The records of every account the caller may see, by `usageDate` (usage is the one such list) then
   * id; undefined when the caller sees more accounts than one read of them returns (a volume
   * database), where the filter is kept.
   */
  const ofEveryAccount = async (request: FastifyRequest, filter: string): Promise<Record<string, unknown>[] | undefined> => {
    const accounts = await readAsCaller(request, `${ACCOUNT_API}/billingAccount`, { fields: 'id', limit: String(MAX_ACCOUNTS) });
    const ids = accounts.statusCode === 200 ? (accounts.json() as { id: string }[]).map((account) => account.id) : [];
    if (ids.length === 0 || Number(accounts.headers['x-total-count']) > ids.length) return undefined;
    const records: Record<string, unknown>[] = [];
    for (const id of ids) {
      const answer = await readAsCaller(request, request.url.split('?')[0]!, { [filter]: id, limit: String(MAX_RECORDS) });
      if (answer.statusCode === 200) records.push(...(answer.json() as Record<string, unknown>[]));
    }
    const key = (record: Record<string, unknown>) => `${String(record.usageDate ?? '')}\u0000${String(record.id)}`;
    return records.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  };

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.routeOptions.url;
    if (request.method !== 'GET' || url === undefined || !isTmfPath(url) || isInternal(request)) return;
    const rule = LISTS[url];
    if (!rule) {
      request.query = {};
      return;
    }
    const raw = (request.query ?? {}) as RawQuery;
    const kept: RawQuery = {};
    for (const name of rule.keep ?? []) if (raw[name] !== undefined) kept[name] = raw[name];
    if (!isCount(raw.offset) || !isCount(raw.limit)) {
      // Malformed paging is still refused, with the default route's error.
      request.query = { ...kept, offset: raw.offset, limit: raw.limit };
      return;
    }
    const offset = raw.offset === undefined ? 0 : Number(raw.offset);
    const limit = Math.min(raw.limit === undefined ? PLAIN_PAGE_CAP : Number(raw.limit), PLAIN_PAGE_CAP);
    const everything = rule.everyAccount ? await ofEveryAccount(request, rule.everyAccount) : undefined;
    if (everything) {
      const shown = everything.slice(offset, offset + limit);
      reply.header('x-total-count', String(everything.length)).header('x-result-count', String(shown.length));
      return reply.send(shown);
    }
    if (rule.everyAccount && raw[rule.everyAccount] !== undefined) kept[rule.everyAccount] = raw[rule.everyAccount];
    const total = rule.oldestFirst ? await totalOf(request, kept) : undefined;
    if (total === undefined) {
      request.query = { ...kept, offset: String(offset), limit: String(limit) };
      return;
    }
    // Items [offset, offset + limit) of the reversed list are the stored list's [total − offset − limit, total − offset).
    const end = Math.max(0, total - offset);
    const start = Math.max(0, end - limit);
    request.query = { ...kept, offset: String(start), limit: String(end - start) };
    turned.add(request);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const url = request.routeOptions.url;
    if (url === undefined || isInternal(request) || typeof payload !== 'string' || reply.statusCode >= 300) return payload;
    const kind = kindOf(url);
    const reverse = turned.has(request);
    if (kind === undefined && !reverse) return payload;
    if (!String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
    const body: unknown = JSON.parse(payload);
    if (reverse && Array.isArray(body)) body.reverse();
    if (kind !== undefined) rewriteBody(kind, body, originOf(request));
    return JSON.stringify(body);
  });

  await app.register(async (scope) => {
    scope.addHook('onRequest', bearerAuthHook(tokens));
    await plainCatalogRoutes(scope);
  });
}
