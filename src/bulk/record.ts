/**
 * One record of a bulk run's output: an account's data, or why it could not be had. Errors keep
 * what a script needs to sort them (a stable code, the HTTP status, the request id to quote to
 * support) and a sentence in the user's language.
 */
import type { Translate } from '../i18n/catalog.js';
import { type ErrorRecord, describeError } from '../output/error-record.js';

export type BulkRecord = { account: string; ok: true; data: unknown } | { account: string; ok: false; error: ErrorRecord };

export function successRecord(account: string, data: unknown): BulkRecord {
  return { account, ok: true, data };
}

export function failureRecord(account: string, error: unknown, t: Translate): BulkRecord {
  return { account, ok: false, error: describeError(error, t, 'unexpected') };
}
