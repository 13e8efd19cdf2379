/**
 * Sends a journaled payment and says what is known of its outcome. The attempts are driven here,
 * one request each (the client given must not retry by itself: see paymentClient), because what
 * an answer proves depends on the attempts before it:
 *
 * - a 2xx with the payment is final: charged;
 * - a refusal (a 4xx other than 408, 409, 429) answered to an attempt when no earlier attempt can
 *   have reached the server is final: nothing was charged; a redirect is no refusal (a server may
 *   answer a payment it made with a 303 to it);
 * - once an attempt may have reached the server (a lost or cut answer, a timeout, a 5xx, a 408, a
 *   409 for the key still being processed), no later refusal proves anything: a gateway, a proxy
 *   or a firewall may answer a retry without the server ever seeing it. Only a 2xx settles the
 *   payment then; anything else leaves it "unknown", for `espace payment reconcile`.
 *
 * Every retry reuses the key and the body; a 409 (the first request still running) is waited out.
 */
import { abortableSleep } from '../../abortable-sleep.js';
import { ApiError, NetworkError, ResponseShapeError, TimeoutError } from '../../api/errors.js';
import type { HttpClient } from '../../api/http.js';
import { createPayment } from '../../api/tmf/payment.js';
import type { JournalEntry } from './journal.js';
import type { Payment } from '../../domain/payment.js';
import { NotThisPaymentError } from './errors.js';
import { EspaceError } from '../../errors.js';

export type SubmitOutcome =
  | { kind: 'charged'; payment: Payment }
  | { kind: 'refused'; error: EspaceError }
  | { kind: 'unknown'; error: EspaceError }
  /** The command was stopped (Ctrl-C, SIGTERM) while the request was out, or about to leave. */
  | { kind: 'interrupted' };

/** Attempts for answers that may be passing troubles (lost answers, 5xx, 429). */
const MAX_ATTEMPTS = 3;
/** Attempts while the server says the key's first request is still running (409). */
const IN_PROGRESS_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 4000;
/** The first wait for a key still being processed; it grows by as much each time. */
const IN_PROGRESS_WAIT_MS = 1000;

/** Connection failures that happen before a single byte of the request can have left. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export interface SubmitOptions {
  /** Aborted when the command is interrupted: the request in flight is abandoned. */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/**
 * What one failed attempt tells about the key:
 * - `refusal`: the answer of whoever got the request, which then did nothing with it;
 * - `notSent`: the request never left;
 * - `throttled`: rate limited (429) before anyone looked at the key;
 * - `inProgress`: the key's first request is still being processed (409);
 * - `mayHaveReached`: the request may have been processed, its answer is not known.
 */
type Verdict = 'refusal' | 'notSent' | 'throttled' | 'inProgress' | 'mayHaveReached';

export async function submitPayment(client: HttpClient, entry: JournalEntry, options: SubmitOptions = {}): Promise<SubmitOutcome> {
  const { signal } = options;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const abandon = () => void client.destroy();
  signal?.addEventListener('abort', abandon, { once: true });
  // Whether some attempt so far may have reached the server: from then on only a 2xx is final.
  let mayHaveReached = false;
  try {
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) return { kind: 'interrupted' };
      try {
        const payment = await createPayment(client, entry.request, entry.key);
        // A 2xx proves the charge only when it carries this payment.
        const mismatch = differenceFrom(payment, entry);
        if (mismatch) return { kind: 'unknown', error: new NotThisPaymentError(mismatch.field, mismatch.value) };
        return { kind: 'charged', payment };
      } catch (error) {
        // Stopped while the request was out: whatever it did, nobody is left to read the answer.
        if (signal?.aborted) return { kind: 'interrupted' };
        if (!(error instanceof EspaceError)) throw error;
        const verdict = verdictOf(error);
        if (verdict === 'mayHaveReached' || verdict === 'inProgress') mayHaveReached = true;
        const stop = (): SubmitOutcome => (mayHaveReached ? { kind: 'unknown', error } : { kind: 'refused', error });
        if (verdict === 'refusal') return stop();
        if (error instanceof ResponseShapeError) return stop(); // a repeat gets the same unreadable answer
        if (attempt >= (verdict === 'inProgress' ? IN_PROGRESS_ATTEMPTS : MAX_ATTEMPTS)) return stop();
        await sleep(verdict === 'inProgress' ? IN_PROGRESS_WAIT_MS * attempt : backoff(attempt, random), signal);
      }
    }
  } finally {
    signal?.removeEventListener('abort', abandon);
  }
}

/**
 * The first field in which a created payment disagrees with the journaled one. A field the answer
 * leaves out disagrees with nothing (TMF676 servers need not echo `correlatorId` or the items);
 * one it gives must be this payment's.
 */
function differenceFrom(payment: Payment, entry: JournalEntry): { field: string; value: string } | undefined {
  if (payment.correlatorId !== undefined && payment.correlatorId !== entry.key) return { field: 'correlatorId', value: payment.correlatorId };
  if (payment.amount.amount !== entry.amount.amount || payment.amount.currency !== entry.amount.currency) {
    return { field: 'amount', value: `${(payment.amount.amount / 100).toFixed(2)} ${payment.amount.currency}` };
  }
  if (payment.bills.length > 0 && !payment.bills.some((bill) => bill.billId === entry.billId)) {
    return { field: 'paymentItem', value: payment.bills.map((bill) => bill.billId).join(', ') };
  }
  if (payment.accountId !== '' && payment.accountId !== entry.accountId) return { field: 'account', value: payment.accountId };
  return undefined;
}

function verdictOf(error: EspaceError): Verdict {
  if (error instanceof ApiError) {
    if (error.status === 409) return 'inProgress';
    if (error.status === 429) return 'throttled';
    // 408: a gateway's "upstream too slow" as often as the server's "request too slow".
    if (error.status === 408 || error.status >= 500) return 'mayHaveReached';
    // Only a 4xx refuses. A redirect (a 303 to the payment just made, a 307 from a gateway) or any
    // other status proves nothing about the key.
    if (error.status >= 400) return 'refusal';
    return 'mayHaveReached';
  }
  if (error instanceof NetworkError || error instanceof TimeoutError) {
    const code = errorCode(error.cause);
    return code !== undefined && NOT_SENT_CODES.has(code) ? 'notSent' : 'mayHaveReached';
  }
  // No session, a refused refresh: raised before the request was sent, or for a 401.
  if (error.category === 'auth') return 'refusal';
  // An unreadable answer, or any other failure on the way: the request may have reached the server.
  return 'mayHaveReached';
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function backoff(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
