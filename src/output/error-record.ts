/**
 * An error as machine-readable output records it (bulk run records, smoke step reports): what a
 * script needs to sort it (a stable code, the HTTP status, the request id to quote to support)
 * and a sentence in the user's language.
 */
import { ApiError, BadAnswerError } from '../api/errors.js';
import { EspaceError } from '../errors.js';
import type { Translate } from '../i18n/catalog.js';
import { sanitizeLine } from './sanitize.js';

export interface ErrorRecord {
  code: string;
  message: string;
  status: number | null;
  requestId: string | null;
  /** For `badResponse`: the field of the answer at fault ("amountDue.value"), when one is. */
  field?: string;
}

/** `fallbackCode` names an error espace did not classify (a bug, a crash in a dependency). */
export function describeError(error: unknown, t: Translate, fallbackCode: string): ErrorRecord {
  if (error instanceof EspaceError) {
    const requestId = error instanceof ApiError ? error.requestId : error.params.requestId;
    return {
      // `api.notFound` → `notFound`: the message key's last part is stable and language-free.
      // Every answer espace cannot use is `badResponse`, whatever the message says of it.
      code: error instanceof BadAnswerError ? 'badResponse' : error instanceof ApiError ? error.code : error.key.slice(error.key.lastIndexOf('.') + 1),
      message: sanitizeLine(error.describe(t)),
      status: error instanceof ApiError ? error.status : null,
      requestId: requestId === undefined ? null : String(requestId),
      ...(error instanceof BadAnswerError && error.field !== undefined ? { field: error.field } : {}),
    };
  }
  return { code: fallbackCode, message: sanitizeLine(String((error as Error)?.message ?? error)), status: null, requestId: null };
}
