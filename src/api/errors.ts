/**
 * The HTTP layer's error family, kept apart the way users need them kept apart: the server said
 * no (ApiError, with the TMF error body and the request id), the server could not be reached
 * (NetworkError), it did not answer in time (TimeoutError), or it answered something the CLI
 * cannot use (ResponseShapeError).
 */
import { EspaceError, type ErrorCategory } from '../errors.js';
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

export class ApiError extends EspaceError {
  readonly status: number;
  readonly body: TmfErrorBody | undefined;
  readonly request: RequestInfo;
  /** The server's request id (X-Request-Id), or ours when it sent none. */
  readonly requestId: string;

  constructor(status: number, body: TmfErrorBody | undefined, request: RequestInfo, serverRequestId?: string) {
    const requestId = serverRequestId ?? request.requestId;
    const detail = body?.message ?? body?.reason ?? '';
    super(categoryOf(status), keyOf(status), {
      params: { status, detail, requestId, method: request.method, url: request.url },
      hint: status === 401 ? 'auth.hintLogin' : undefined,
    });
    this.status = status;
    this.body = body;
    this.request = request;
    this.requestId = requestId;
  }
}

export class NetworkError extends EspaceError {
  constructor(request: RequestInfo, reason: string, cause?: unknown) {
    super('general', 'api.unreachable', {
      params: { url: request.url, reason, requestId: request.requestId },
      hint: 'api.hintUnreachable',
      cause,
    });
  }
}

export class TimeoutError extends EspaceError {
  constructor(request: RequestInfo, seconds: number, cause?: unknown) {
    super('general', 'api.timeout', {
      params: { url: request.url, seconds, requestId: request.requestId },
      cause,
    });
  }
}

export class ResponseShapeError extends EspaceError {
  constructor(resource: string, issues: string, request: RequestInfo) {
    super('general', 'api.badResponse', {
      params: { resource, issues, url: request.url, requestId: request.requestId },
    });
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
