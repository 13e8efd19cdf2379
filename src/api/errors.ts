/**
 * The HTTP layer's error family, kept apart the way users need them kept apart: the server said
 * no (ApiError, with the TMF error body and the request id), the server could not be reached
 * (NetworkError), it did not answer in time (TimeoutError), or it answered something the CLI
 * cannot use (ResponseShapeError).
 */
import { EspaceError, type EspaceErrorOptions, type ErrorCategory } from '../errors.js';
import type { MessageKey } from '../i18n/catalog.js';

/** The TMF error body (code may be a string or a number on real servers). */
export interface TmfErrorBody {
  code?: string | number;
  reason?: string;
  message?: string;
  status?: string | number;
  referenceError?: string;
}

export interface RequestInfo {
  method: string;
  url: string;
  requestId: string;
}

function categoryOf(status: number): ErrorCategory {
  return status === 401 || status === 403 ? 'auth' : 'general';
}

function keyOf(status: number): MessageKey {
  if (status === 401) return 'api.unauthorized';
  if (status === 403) return 'api.forbidden';
  if (status === 404) return 'api.notFound';
  if (status === 409) return 'api.conflict';
  if (status === 422 || status === 400) return 'api.rejected';
  if (status === 429) return 'api.rateLimited';
  if (status >= 500) return 'api.serverError';
  return 'api.rejected';
}

/**
 * "GET /tmf-api/…/customerBill/B-1": what a message shows of a request. The path only: a query
 * may carry what is not the user's to see in a log, and no header (the token) ever appears.
 */
export function requestWhere(request: Pick<RequestInfo, 'method' | 'url'>): string {
  let path: string;
  try {
    path = new URL(request.url, 'http://espace.invalid').pathname;
  } catch {
    path = request.url.replace(/[?#].*$/, '');
  }
  return `${request.method} ${path}`;
}

/**
 * The TMF resource a path names, by TMF630's layout `…/v4/<collection>[/<id>[/…]]`: the kind is
 * the collection's name in the spec's spelling ("customerBill" → "CustomerBill"), the id the
 * segment after it. Undefined for a path that does not follow the layout.
 */
export function resourceOfPath(url: string): { kind: string; id?: string } | undefined {
  let path: string;
  try {
    path = new URL(url, 'http://espace.invalid').pathname;
  } catch {
    return undefined;
  }
  const segments = path.split('/').filter((segment) => segment !== '');
  const version = segments.findIndex((segment) => /^v\d+$/.test(segment));
  const collection = version === -1 ? undefined : segments[version + 1];
  if (collection === undefined) return undefined;
  const raw = segments[version + 2];
  let id: string | undefined;
  try {
    id = raw === undefined ? undefined : decodeURIComponent(raw);
  } catch {
    id = raw;
  }
  return { kind: collection.charAt(0).toUpperCase() + collection.slice(1), ...(id !== undefined ? { id } : {}) };
}

export class ApiError extends EspaceError {
  readonly status: number;
  readonly body: TmfErrorBody | undefined;
  readonly request: RequestInfo;
  /** The server's request id (X-Request-Id), or ours when it sent none. */
  readonly requestId: string;
  /** A stable, language-free code for machine-readable records: `notFound`, `forbidden`… */
  readonly code: string;

  constructor(status: number, body: TmfErrorBody | undefined, request: RequestInfo, serverRequestId?: string) {
    const requestId = serverRequestId ?? request.requestId;
    const detail = body?.message ?? body?.reason ?? '';
    const resource = status === 404 ? resourceOfPath(request.url) : undefined;
    const key = resource?.id !== undefined ? 'api.notFoundResource' : keyOf(status);
    super(categoryOf(status), key, {
      params: {
        status,
        detail,
        requestId,
        method: request.method,
        url: request.url,
        where: requestWhere(request),
        ...(resource?.id !== undefined ? { resource: resource.kind, id: resource.id } : {}),
      },
      hint: status === 401 ? 'auth.hintLogin' : undefined,
    });
    this.status = status;
    this.body = body;
    this.request = request;
    this.requestId = requestId;
    const general = keyOf(status);
    this.code = general.slice(general.indexOf('.') + 1);
  }
}

export class NetworkError extends EspaceError {
  constructor(request: RequestInfo, reason: string, cause?: unknown) {
    super('general', 'api.unreachable', {
      params: { url: request.url, reason, requestId: request.requestId, where: requestWhere(request), origin: originOf(request.url) },
      hint: 'api.hintUnreachable',
      cause,
    });
  }
}

export class TimeoutError extends EspaceError {
  constructor(request: RequestInfo, seconds: number, cause?: unknown) {
    super('general', 'api.timeout', {
      params: { url: request.url, seconds, requestId: request.requestId, where: requestWhere(request), origin: originOf(request.url) },
      cause,
    });
  }
}

/** Where in an answer a problem is: the resource, its id when it has one, and the field path. */
export interface AnswerPlace {
  resource: string;
  id?: string;
  /** Dotted path inside the resource ("amountDue.value"), empty for the whole answer. */
  field: string;
}

/**
 * The server answered something the CLI cannot use. Machine-readable records give every such
 * error the one code `badResponse`, with the field at fault.
 */
export abstract class BadAnswerError extends EspaceError {
  /** The field at fault ("amountDue.value"); undefined when it is the whole answer. */
  readonly field: string | undefined;

  protected constructor(
    key: MessageKey,
    params: Record<string, string | number>,
    field: string | undefined,
    messageParams?: EspaceErrorOptions['messageParams'],
  ) {
    super('general', key, { params, messageParams });
    this.field = field || undefined;
  }
}

/** An answer of a shape the CLI does not know (a field missing, of the wrong type, not JSON). */
export class ResponseShapeError extends BadAnswerError {
  constructor(resource: string, issues: string, request: RequestInfo, place?: AnswerPlace) {
    super(
      'api.badResponse',
      {
        resource: place?.id !== undefined ? `${resource} ${place.id}` : resource,
        issues,
        url: request.url,
        where: requestWhere(request),
        requestId: request.requestId,
      },
      place?.field,
    );
  }
}

/** Why a value of an answer is refused (a message key under `values.problem.`). */
export type ValueProblem = 'notDecimal' | 'outOfRange' | 'currency' | 'rate' | 'otherCurrency';

/**
 * A value the specification allows but espace cannot show truthfully: an amount beyond what a bill
 * can hold, a currency that is not an ISO 4217 code, a rate that is no rate. Names the resource,
 * its id, the field and the value, so that whoever runs the server can find it.
 */
export class ResponseValueError extends BadAnswerError {
  readonly problem: ValueProblem;

  constructor(place: AnswerPlace, value: string, problem: ValueProblem, request: RequestInfo, currency?: string) {
    super(
      'values.badValue',
      {
        resource: place.resource,
        id: place.id ?? '?',
        field: place.field,
        value,
        where: requestWhere(request),
        requestId: request.requestId,
      },
      place.field,
      { problem: { key: `values.problem.${problem}`, params: { currency: currency ?? '?' } } },
    );
    this.problem = problem;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * A list answer held items the request's filter excludes: the server does not support that filter
 * (TMF630 does not say a server must refuse one it does not know). Not shown to users: whoever
 * asked falls back to requests that need no such filter.
 */
export class IgnoredFilterError extends Error {
  constructor(readonly filter: string) {
    super(`the server ignored the "${filter}" filter`);
    this.name = 'IgnoredFilterError';
  }
}

/**
 * A list page held nothing that earlier pages had not: the server ignores `offset` (or repeats
 * itself), and reading on would loop. The read stops with this rather than show a partial list.
 */
export class RepeatedPageError extends EspaceError {
  constructor(resource: string, offset: number, request: RequestInfo) {
    super('general', 'server.repeatedPage', { params: { resource, offset, url: request.url, requestId: request.requestId } });
  }
}

/**
 * A list item lacks the field a filter espace sent is on, so whether it matches cannot be told:
 * the command refuses rather than show it as a match or drop it unseen.
 */
export class UncheckableAnswerError extends EspaceError {
  constructor(resource: string, id: string, field: string, filter: string, value: string) {
    super('general', 'server.uncheckable', { params: { resource, id, field, filter, value } });
  }
}
