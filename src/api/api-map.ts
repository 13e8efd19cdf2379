/**
 * The API map: where each TMF API is mounted on a server. The adapters build their paths from the
 * specifications' base paths (the defaults below); a gateway may mount an API elsewhere
 * (`/tmf-api/serviceProblem/v4`, `/r1-productcatalogmanagement/tmf-api/productCatalogManagement/v4`),
 * so a context can give its own base path per API and the HTTP client swaps the prefix.
 */
import { UsageError } from '../errors.js';

/** The stable names users write in `--api-path NAME=PATH` and `context set-api`. */
export const API_NAMES = [
  'customerBill',
  'account',
  'payment',
  'paymentMethod',
  'productCatalog',
  'productInventory',
  'productOrdering',
  'party',
  'troubleTicket',
  'usage',
  'serviceProblem',
  'geographicAddress',
  'openid',
] as const;

export type ApiName = (typeof API_NAMES)[number];

/** A context's base paths that differ from the defaults. */
export type ApiMap = Partial<Record<ApiName, string>>;

/** The base path of each API as its v4 specification gives it (TMF676 has no /tmf-api). */
export const DEFAULT_API_PATHS: Readonly<Record<ApiName, string>> = {
  customerBill: '/tmf-api/customerBillManagement/v4',
  account: '/tmf-api/accountManagement/v4',
  payment: '/paymentManagement/v4',
  paymentMethod: '/tmf-api/paymentMethod/v4',
  productCatalog: '/tmf-api/productCatalogManagement/v4',
  productInventory: '/tmf-api/productInventory/v4',
  productOrdering: '/tmf-api/productOrderingManagement/v4',
  party: '/tmf-api/party/v4',
  troubleTicket: '/tmf-api/troubleTicket/v4',
  usage: '/tmf-api/usageManagement/v4',
  serviceProblem: '/tmf-api/serviceProblemManagement/v4',
  geographicAddress: '/tmf-api/geographicAddressManagement/v4',
  openid: '/tmf-api/openid/v4',
};

export function isApiName(name: string): name is ApiName {
  return (API_NAMES as readonly string[]).includes(name);
}

/** The API name as given, or a usage error listing the names there are. */
export function parseApiName(name: string): ApiName {
  if (isApiName(name)) return name;
  throw new UsageError('apiMap.unknownApi', { params: { name, names: API_NAMES.join(', ') } });
}

/**
 * A base path as configured: starts with `/`, no query, fragment, `..` or whitespace (it is
 * joined to request paths, so anything else would change which resource is asked for). The
 * trailing slash is dropped: `/a/v4/` and `/a/v4` are one mount point.
 */
export function parseApiPath(api: string, value: string): string {
  const invalid = () => new UsageError('apiMap.badPath', { params: { api, path: value } });
  if (!value.startsWith('/') || value.startsWith('//')) throw invalid();
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  if (/[?#\s\\]/.test(value) || /[\u0000-\u001f\u007f]/.test(value)) throw invalid();
  if (value.split('/').some((segment) => segment === '..' || segment === '.')) throw invalid();
  const trimmed = value.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** `NAME=PATH`, as `context add --api-path` takes it. */
export function parseApiPathAssignment(text: string): [ApiName, string] {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new UsageError('apiMap.badAssignment', { params: { value: text } });
  const api = parseApiName(text.slice(0, equals).trim());
  return [api, parseApiPath(api, text.slice(equals + 1).trim())];
}

/** The API a request path belongs to (its default base path is a prefix of it), if any. */
export function apiOfPath(path: string): ApiName | undefined {
  return API_NAMES.find((api) => {
    const prefix = DEFAULT_API_PATHS[api];
    return path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);
  });
}

/**
 * The path to request: the default base path of the request's API swapped for the configured
 * one. Paths of no known API (OAuth, health, espace's own APIs) and unmapped APIs are unchanged.
 */
export function mapApiPath(path: string, map: ApiMap | undefined): string {
  if (map === undefined) return path;
  const api = apiOfPath(path);
  const mounted = api === undefined ? undefined : map[api];
  if (api === undefined || mounted === undefined) return path;
  const rest = path.slice(DEFAULT_API_PATHS[api].length);
  return mounted === '/' ? rest || '/' : `${mounted}${rest}`;
}

/** The base path a context uses for an API: its own, or the default. */
export function apiBasePath(api: ApiName, map: ApiMap | undefined): string {
  return map?.[api] ?? DEFAULT_API_PATHS[api];
}

/** The URL of an API's base on a server, as the HTTP client joins them (for display). */
export function apiBaseUrl(apiUrl: string, api: ApiName, map: ApiMap | undefined): string {
  return `${apiUrl.replace(/\/+$/, '')}${apiBasePath(api, map)}`;
}
