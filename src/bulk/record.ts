/**
 * One record of a bulk run's output: an account's data, or why it could not be had. Errors keep
 * what a script needs to sort them (a stable code, the HTTP status, the request id to quote to
 * support) and a sentence in the user's language.
 */
import { ApiError } from '../api/errors.js';
import { EspaceError } from '../errors.js';
import type { Translate } from '../i18n/catalog.js';
import { sanitizeText } from '../output/sanitize.js';

export interface RecordError {
  code: string;
  message: string;
  status: number | null;
  requestId: string | null;
}

export type BulkRecord = { account: string; ok: true; data: unknown } | { account: string; ok: false; error: RecordError };

export function successRecord(account: string, data: unknown): BulkRecord {
  return { account, ok: true, data };
}

export function failureRecord(account: string, error: unknown, t: Translate): BulkRecord {
  return { account, ok: false, error: describeFailure(error, t) };
}

function describeFailure(error: unknown, t: Translate): RecordError {
  if (error instanceof EspaceError) {
    const requestId = error instanceof ApiError ? error.requestId : error.params.requestId;
    return {
      // `api.notFound` → `notFound`: the message key's last part is stable and language-free.
      code: error.key.slice(error.key.lastIndexOf('.') + 1),
      message: sanitizeText(error.describe(t)),
      status: error instanceof ApiError ? error.status : null,
      requestId: requestId === undefined ? null : String(requestId),
    };
  }
  return { code: 'unexpected', message: sanitizeText(String((error as Error)?.message ?? error)), status: null, requestId: null };
}
