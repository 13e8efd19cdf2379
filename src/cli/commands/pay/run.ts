/**
 * `espace pay [BILL|latest] [--amount X] [--method ID] [--yes]`: pays a bill exactly once.
 *
 * The idempotency key is made and journaled durably before anything is sent; every retry reuses
 * it. If the answer cannot be known, the entry stays in the journal, the command says so and
 * exits 5, and `espace payment reconcile` settles it with the server.
 *
 * `--amount` is checked before any request. After the confirmation, the journal's lock is taken
 * (one payment at a time), the journal and the bill are read again under it (a payment made
 * meanwhile shows there), and only then is the entry written and the payment sent. Ctrl-C or
 * SIGTERM before it leaves cancels (130); while it is out, it is reported unknown (5).
 */
import { getBill } from '../../../api/tmf/customer-bill.js';
import { defaultPaymentMethodId, listPaymentMethods, paymentRequestBody } from '../../../api/tmf/payment.js';
import { type JournalEntry, PaymentJournal, journalDir, newPaymentKey } from '../../../config/payment-journal.js';
import { type JournalLock, journalLocked, lockJournal } from '../../../config/payment-journal-lock.js';
import { type Money, formatMoney } from '../../../domain/money.js';
import { CancelledError, EspaceError, GeneralError, UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { Context } from '../../context.js';
import { parseAmountOption } from '../../payment/amount.js';
import { paymentClient } from '../../payment/client.js';
import { PaymentInterruptedError, PaymentOutcomeUnknownError } from '../../payment/errors.js';
import { listenForPaymentInterruption } from '../../payment/interrupt.js';
import { warnPendingPayments } from '../../payment/pending.js';
import { type SubmitOutcome, submitPayment } from '../../payment/submit.js';
import { paymentJson } from '../../payment/view.js';
import { resolveBillId } from '../bill/resolve.js';

export interface PayOptions {
  /** A bill id, or `latest`. */
  bill: string;
  /** Decimal dollars, e.g. "25" or "25.50"; default: what remains on the bill. */
  amount?: string;
  method?: string;
  yes: boolean;
  account?: string;
}

export async function run(options: PayOptions, ctx: Context): Promise<void> {
  const { io, t, locale } = ctx;
  // Checked before anything is read or sent.
  const cents = options.amount === undefined ? undefined : parseAmountOption(options.amount);
  const journal = new PaymentJournal(journalDir(ctx.env));
  warnPendingPayments(journal, ctx);

  const api = await ctx.api();
  const billId = await resolveBillId(api, options.bill, options.account);
  const bill = await getBill(api, billId);
  const apiUrl = ctx.target().apiUrl;
  // Said before the confirmation when nobody is paying right now; otherwise the pending entry may
  // be that payment's, still in flight, and the check under the lock decides.
  if (!journalLocked(journal.dir)) refuseIfPending(journal, bill.id, apiUrl);
  const accountId = bill.accountId || (await resolveAccountId(api, options.account));
  const remaining = bill.remaining ?? bill.totalDue;
  const amount = checkAmount(cents, remaining, bill.id, locale);

  const methods = await listPaymentMethods(api, accountId);
  const methodId = options.method ?? (await defaultPaymentMethodId(api, accountId));
  if (methodId === undefined) throw new UsageError('pay.noMethod', { params: { account: accountId } });
  const method = methods.find((m) => m.id === methodId);
  if (!method) {
    throw new UsageError('pay.unknownMethod', { params: { method: methodId, known: methods.map((m) => m.id).join(', ') || '—' } });
  }

  io.err(`${t('pay.summary', { amount: formatMoney(amount, locale), method: sanitizeCell(method.name), bill: sanitizeCell(bill.id), account: sanitizeCell(accountId), remaining: formatMoney(remaining, locale) })}\n`);
  if (!options.yes) {
    if (!io.interactive) throw new UsageError('pay.needsYes');
    if (!(await ctx.prompt.confirm({ message: t('pay.confirm'), flag: '--yes', default: false }))) throw new CancelledError();
  }

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
    refuseIfPending(journal, bill.id, apiUrl);
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
    journal.record(entry);
    const client = await paymentClient(ctx);
    let outcome: SubmitOutcome;
    try {
      outcome = await submitPayment(client, entry, { signal: stop.signal });
    } finally {
      await client.close();
    }
    if (outcome.kind === 'interrupted') throw new PaymentInterruptedError(entry);
    if (outcome.kind === 'unknown') throw new PaymentOutcomeUnknownError(entry, outcome.error);
    stop.answered();
    journal.settle(key);
    if (outcome.kind === 'refused') throw outcome.error;
    const { payment } = outcome;
    if (ctx.globals.json) {
      io.out(toJson(paymentJson(payment, locale)));
      return;
    }
    io.out(`${t('pay.done', { id: sanitizeCell(payment.id), amount: formatMoney(payment.amount, locale), bill: sanitizeCell(bill.id), method: sanitizeCell(method.name) })}\n`);
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
function refuseIfPending(journal: PaymentJournal, billId: string, apiUrl: string): void {
  const earlier = journal.pending().entries.find((entry) => entry.billId === billId && entry.apiUrl === apiUrl);
  if (earlier) throw new EspaceError('paymentUnknown', 'pay.pendingSameBill', { params: { bill: billId, key: earlier.key }, hint: 'payment.hintReconcile' });
}

/** The amount to pay: `--amount` (in cents) or what remains on the bill, never more than that. */
function checkAmount(cents: number | undefined, remaining: Money, billId: string, locale: string): Money {
  if (remaining.amount <= 0) throw new GeneralError('pay.nothingOwed', { params: { bill: billId } });
  const amount: Money = cents === undefined ? remaining : { amount: cents, currency: remaining.currency };
  if (amount.amount > remaining.amount) {
    throw new UsageError('pay.overpay', { params: { amount: formatMoney(amount, locale), remaining: formatMoney(remaining, locale), bill: billId } });
  }
  return amount;
}
