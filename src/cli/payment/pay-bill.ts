/**
 * Paying one bill exactly once, the heart of `espace pay`: the idempotency key is made and
 * journaled durably before anything is sent, every retry reuses it, and an answer that cannot be
 * known leaves the entry for `espace payment reconcile` (exit 5).
 *
 * Under the journal's lock (one payment at a time), the journal and the bill are read again (a
 * payment made meanwhile shows there), and only then is the entry written and the payment sent.
 * Ctrl-C or SIGTERM before it leaves cancels (130); while it is out, it is reported unknown (5).
 */
import type { HttpClient } from '../../api/http.js';
import { getBill } from '../../api/tmf/customer-bill.js';
import { paymentRequestBody } from '../../api/tmf/payment.js';
import type { Bill } from '../../domain/bill.js';
import { type Money, formatMoney } from '../../domain/money.js';
import type { Payment, PaymentMethod } from '../../domain/payment.js';
import { CancelledError, EspaceError, GeneralError } from '../../errors.js';
import type { CommandDeps } from '../command-deps.js';
import { paymentClient } from './client.js';
import { PaymentInterruptedError, PaymentOutcomeUnknownError } from './errors.js';
import { listenForPaymentInterruption } from './interrupt.js';
import { type JournalEntry, type PaymentJournal, newPaymentKey } from './journal.js';
import { type JournalLock, lockJournal } from './journal-lock.js';
import { type SubmitOutcome, submitPayment } from './submit.js';

/** One bill to pay, as shown and confirmed. */
export interface OneBill {
  journal: PaymentJournal;
  api: HttpClient;
  apiUrl: string;
  accountId: string;
  bill: Bill;
  amount: Money;
  /** What remained on the bill when the payment was shown and confirmed. */
  remaining: Money;
  method: PaymentMethod;
}

/**
 * Pays one bill exactly once: under the journal's lock, the journal and the bill are read again
 * (a payment made meanwhile shows there), then the entry is written and the payment sent.
 */
export async function payOneBill(ctx: CommandDeps, { journal, api, apiUrl, accountId, bill, amount, remaining, method }: OneBill): Promise<Payment> {
  const { io, t, locale } = ctx;
  const stop = listenForPaymentInterruption((key) => io.err(`${t('payment.interruptedAgain', { key })}\n`));
  stop.signal.addEventListener('abort', () => void api.destroy(), { once: true });
  let lock: JournalLock | undefined;
  try {
    // One payment at a time per journal: a payment of this bill started meanwhile has finished
    // when the lock is ours, and what it did is read again below.
    lock = await lockJournal(journal.dir, {
      signal: stop.signal,
      onWait: (holder) => io.err(`${t('pay.waitingForLock', { pid: holder?.pid ?? '?' })}\n`),
    });
    refuseIfPending(journal.pending().entries, bill.id, apiUrl);
    const now = await getBill(api, bill.id);
    const nowRemaining = now.remaining ?? now.totalDue;
    if (nowRemaining.amount !== remaining.amount || nowRemaining.currency !== remaining.currency) {
      if (nowRemaining.amount <= 0) throw new GeneralError('pay.nothingOwed', { params: { bill: bill.id } });
      throw new GeneralError('pay.billChanged', { params: { bill: bill.id, before: formatMoney(remaining, locale), now: formatMoney(nowRemaining, locale) } });
    }

    const key = newPaymentKey();
    const entry: JournalEntry = {
      version: 1,
      key,
      apiUrl,
      accountId,
      billId: bill.id,
      amount,
      methodId: method.id,
      methodName: method.name,
      createdAt: ctx.clock().toISOString(),
      request: paymentRequestBody(key, accountId, bill.id, amount, method),
    };
    // From the moment the entry exists, an interruption leaves it for reconcile.
    stop.sending(key);
    await journal.record(entry);
    const client = await paymentClient(ctx);
    let outcome: SubmitOutcome;
    try {
      outcome = await ctx.io.waitFor(ctx.t('core.waiting', { what: ctx.t('core.waiting.payment') }), submitPayment(client, entry, { signal: stop.signal }));
    } finally {
      await client.close();
    }
    if (outcome.kind === 'interrupted') throw new PaymentInterruptedError(entry);
    if (outcome.kind === 'unknown') throw new PaymentOutcomeUnknownError(entry, outcome.error);
    stop.answered();
    await journal.settle(key);
    if (outcome.kind === 'refused') throw outcome.error;
    return outcome.payment;
  } catch (error) {
    // Stopped before the payment left: whatever failed on the way (a request cut short) is the cancel.
    if (stop.cancelled) throw new CancelledError({ cause: error });
    throw error;
  } finally {
    lock?.release();
    stop.dispose();
  }
}

/** Paying a bill again while an earlier payment of it may have gone through is how people pay twice. */
export function refuseIfPending(unknown: readonly JournalEntry[], billId: string, apiUrl: string): void {
  const earlier = unknown.find((entry) => entry.billId === billId && entry.apiUrl === apiUrl);
  if (earlier) throw new EspaceError('paymentUnknown', 'pay.pendingSameBill', { params: { bill: billId, key: earlier.key }, hint: 'payment.hintReconcile' });
}
