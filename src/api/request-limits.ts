/**
 * The errors of the HTTP client's bounds: a request that did not complete within its deadline, an
 * answer larger than espace accepts, and a server that asks to wait longer than espace waits.
 * Each says which request, what bound, and what the user can do.
 */
import { EspaceError } from '../errors.js';
import { ApiError, type RequestInfo, type TmfErrorBody } from './errors.js';

/** The request's method and path, without the query (which may be long). */
function pathOf(request: RequestInfo): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return request.url;
  }
}

/** Seconds, without a trailing `.0` (2, 0.5, 30). */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/**
 * A request (headers and the whole body, over all its attempts) took longer than its deadline.
 * Unlike undici's own timeouts, a server trickling one byte at a time cannot keep it waiting.
 */
export class DeadlineError extends EspaceError {
  constructor(request: RequestInfo, deadlineMs: number, cause?: unknown) {
    super('general', 'net.deadline', {
      params: { method: request.method, path: pathOf(request), seconds: seconds(deadlineMs), requestId: request.requestId },
      hint: 'net.deadlineHint',
      hintParams: { seconds: seconds(deadlineMs * 4) },
      cause,
    });
  }
}

/** An answer larger than the configured maximum: nothing more of it is read. */
export class ResponseTooLargeError extends EspaceError {
  constructor(request: RequestInfo, maxBytes: number) {
    super('general', 'net.responseTooLarge', {
      params: { method: request.method, url: request.url, mb: Math.round((maxBytes / 1024 / 1024) * 10) / 10, requestId: request.requestId },
      hint: 'net.responseTooLargeHint',
      hintParams: {},
    });
  }
}

/**
 * The server asked (Retry-After) to wait longer than espace waits on its own: still the same
 * ApiError to callers (status 429 or 503), with a hint that says when to try again, as a time
 * in the user's locale and in seconds.
 */
export class RetryLaterError extends ApiError {
  constructor(
    status: number,
    body: TmfErrorBody | undefined,
    request: RequestInfo,
    serverRequestId: string | undefined,
    retryAt: { at: string; seconds: number },
  ) {
    super(status, body, request, serverRequestId);
    // ApiError chooses its own hint; this one replaces it with "when".
    const self = this as unknown as { hint: EspaceError['hint']; hintParams: EspaceError['hintParams'] };
    self.hint = 'net.retryAt';
    self.hintParams = { at: retryAt.at, seconds: retryAt.seconds };
  }
}

/** "at 14:05" in the user's locale, with the date when it is not today. */
export function formatRetryTime(at: Date, now: Date, locale: string): string {
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
