/**
 * Sends a journaled payment and says what is known of its outcome. The HTTP client already
 * retries transient failures with the same idempotency key; here a 409 (the same key still being
 * processed) is waited out, and every failure is sorted into "nothing was charged" (the server
 * refused) or "unknown" (the request may have been processed): only the server's word settles it.
 */
import { ApiError } from '../../api/errors.js';
import { createPayment } from '../../api/tmf/payment.js';
import type { HttpClient } from '../../api/http.js';
import type { JournalEntry } from '../../config/payment-journal.js';
import type { Payment } from '../../domain/payment.js';
import { EspaceError } from '../../errors.js';

export type SubmitOutcome =
  | { kind: 'charged'; payment: Payment }
  | { kind: 'refused'; error: EspaceError }
  | { kind: 'unknown'; error: EspaceError };

/** How often a 409 (first request still running) is waited out before giving up as unknown. */
const IN_PROGRESS_ATTEMPTS = 5;

export interface SubmitOptions {
  sleep?: (ms: number) => Promise<void>;
}

export async function submitPayment(api: HttpClient, entry: JournalEntry, options: SubmitOptions = {}): Promise<SubmitOutcome> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return { kind: 'charged', payment: await createPayment(api, entry.request, entry.key) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && attempt < IN_PROGRESS_ATTEMPTS) {
        await sleep(1000 * attempt);
        continue;
      }
      return classify(error);
    }
  }
}

/** 4xx answers that are not the server's word on this key: the request may have been processed before. */
const NOT_FINAL: ReadonlySet<number> = new Set([
  401, // the session ended between attempts; the key's fate is unknown until someone logged in asks
  409, // still running, or the key is another caller's
  429, // rate limited before the key was consulted
]);

function classify(error: unknown): SubmitOutcome {
  // Any other 4xx is the server's final answer for this key (stored with it): nothing was charged.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && !NOT_FINAL.has(error.status)) return { kind: 'refused', error };
  // 5xx, network, timeout, an unreadable answer: it may have been charged.
  if (error instanceof EspaceError) return { kind: 'unknown', error };
  throw error;
}
