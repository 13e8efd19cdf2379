/**
 * Doctor's look at each TMF API espace speaks: one cheap read per API (the first item's id) at the
 * base path the target uses, a few at a time, classified as the user needs it — reachable, missing
 * (nothing at that path: the API may be mounted elsewhere), refused (this login may not), or
 * unreachable / failing.
 */
import { API_NAMES, type ApiName, DEFAULT_API_PATHS, apiBaseUrl } from '../../../api/api-map.js';
import { ApiError, NetworkError, TimeoutError } from '../../../api/errors.js';
import type { HttpClient, QueryValue } from '../../../api/http.js';
import { urlOverridesContext } from '../../../config/target.js';
import { EspaceError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';
import type { CheckResult, Findings } from './report.js';

export type ApiProbeStatus = 'reachable' | 'missing' | 'refused' | 'unreachable' | 'failing' | 'unchecked';

/** One API's answer to its probe. */
export interface ApiProbe {
  api: ApiName;
  status: ApiProbeStatus;
  /** The resolved URL that was asked (without the query). */
  url: string;
  httpStatus?: number;
  /** Why it is unreachable or failing, in the user's language. */
  reason?: string;
}

/** The collection each API is probed with: one that espace reads, or (TMF673) the spec's list of what espace creates. */
const PROBED_RESOURCE: Readonly<Record<ApiName, string>> = {
  customerBill: '/customerBill',
  account: '/billingAccount',
  payment: '/payment',
  paymentMethod: '/paymentMethod',
  productCatalog: '/productOffering',
  productInventory: '/product',
  productOrdering: '/productOrder',
  party: '/individual',
  troubleTicket: '/troubleTicket',
  usage: '/usage',
  serviceProblem: '/serviceProblem',
  geographicAddress: '/geographicAddressValidation',
  openid: '/userinfo',
};

/** Enough to finish quickly, few enough not to look like a burst to a gateway's rate limit. */
const PROBE_CONCURRENCY = 4;
const CHEAP_LIST: Record<string, QueryValue> = { limit: 1, fields: 'id' };

/**
 * The probe's path and query. A party is read as the logged-in individual, as `profile show`
 * does: servers need not let anyone list individuals.
 */
function probeRequest(api: ApiName, subject: string | undefined): { path: string; query?: Record<string, QueryValue> } {
  const base = `${DEFAULT_API_PATHS[api]}${PROBED_RESOURCE[api]}`;
  if (api === 'openid') return { path: base };
  if (api === 'party') return { path: `${base}/${encodeURIComponent(subject!)}`, query: { fields: 'id' } };
  return { path: base, query: CHEAP_LIST };
}

async function probeOne(client: HttpClient, api: ApiName, url: string, subject: string | undefined, t: CommandDeps['t']): Promise<ApiProbe> {
  // A client login (CI) has no individual, and a 404 for one that is not there would look like a missing API.
  if (api === 'party' && subject === undefined) return { api, status: 'unchecked', url, reason: t('doctor.apis.noIndividual') };
  const { path, query } = probeRequest(api, subject);
  try {
    const response = await client.get(path, query);
    return { api, status: 'reachable', url, httpStatus: response.status };
  } catch (error) {
    if (error instanceof ApiError) {
      const httpStatus = error.status;
      // A login without a personal record (a client's) gets a 404 there too: say both, do not guess.
      if (httpStatus === 404 && api === 'party') return { api, status: 'unchecked', url, httpStatus, reason: t('doctor.apis.noIndividualThere') };
      if (httpStatus === 404) return { api, status: 'missing', url, httpStatus };
      if (httpStatus === 401 || httpStatus === 403) return { api, status: 'refused', url, httpStatus };
      if (httpStatus >= 500) return { api, status: 'failing', url, httpStatus, reason: error.describe(t) };
      // 400, 405, 422…: something at that path answered as an API does (a filter or method it dislikes).
      return { api, status: 'reachable', url, httpStatus };
    }
    if (error instanceof NetworkError || error instanceof TimeoutError) return { api, status: 'unreachable', url, reason: error.describe(t) };
    // A 2xx that is not JSON: a web page where an API was expected.
    if (error instanceof EspaceError) return { api, status: 'failing', url, reason: error.describe(t) };
    throw error;
  }
}

/** The `sub` of the userinfo answer (an object, or the spec's array of one), for the party probe. */
async function subjectOf(client: HttpClient): Promise<string | undefined> {
  try {
    const body = (await client.get(`${DEFAULT_API_PATHS.openid}${PROBED_RESOURCE.openid}`)).body;
    const info = Array.isArray(body) ? body[0] : body;
    const sub = (info as { sub?: unknown } | undefined)?.sub;
    return typeof sub === 'string' && sub !== '' ? sub : undefined;
  } catch {
    return undefined; // the openid probe itself says what is wrong
  }
}

/** Probes every API, at most PROBE_CONCURRENCY at a time, in the order of API_NAMES. */
export async function probeApis(ctx: CommandDeps): Promise<ApiProbe[]> {
  const target = ctx.target();
  const client = await ctx.api();
  const subject = await subjectOf(client);
  const results: ApiProbe[] = new Array(API_NAMES.length);
  let next = 0;
  const worker = async () => {
    while (next < API_NAMES.length) {
      const index = next++;
      const api = API_NAMES[index]!;
      const url = `${apiBaseUrl(target.apiUrl, api, target.apiPaths)}${PROBED_RESOURCE[api]}${api === 'party' && subject !== undefined ? `/${encodeURIComponent(subject)}` : ''}`;
      results[index] = await probeOne(client, api, url, subject, ctx.t);
    }
  };
  await Promise.all(Array.from({ length: PROBE_CONCURRENCY }, worker));
  return results;
}

/** The doctor check: all reachable is ok; something refused or failing is a warning; missing or unreachable fails. */
export async function checkApis(ctx: CommandDeps, findings: Findings): Promise<{ result: CheckResult; probes: ApiProbe[] }> {
  const { t } = ctx;
  if (!findings.tokenAccepted) return { result: { id: 'apis', status: 'skip', detail: t('doctor.skipped.noToken') }, probes: [] };
  const probes = await probeApis(ctx);
  const count = (status: ApiProbeStatus) => probes.filter((probe) => probe.status === status).length;
  const statuses: ApiProbeStatus[] = ['reachable', 'missing', 'refused', 'unreachable', 'failing', 'unchecked'];
  const detail = statuses
    .filter((status) => count(status) > 0)
    .map((status) => t('doctor.apis.count', { count: count(status), status: t(`doctor.apis.status.${status}`) }))
    .join(', ');
  const fixes: string[] = [];
  if (count('missing') > 0) {
    const target = ctx.target();
    fixes.push(urlOverridesContext(target) ? t('doctor.apis.fixMissingCustomUrl') : t('doctor.apis.fixMissing', { context: target.contextName }));
  }
  if (count('refused') > 0) fixes.push(t('doctor.apis.fixRefused'));
  if (count('unreachable') + count('failing') > 0) fixes.push(t('doctor.apis.fixFailing'));
  const status = count('missing') + count('unreachable') > 0 ? 'fail' : count('refused') + count('failing') > 0 ? 'warn' : 'ok';
  return { result: { id: 'apis', status, detail: `${detail}.`, ...(fixes.length > 0 ? { fix: `${fixes.join('; ')}.` } : {}) }, probes };
}
