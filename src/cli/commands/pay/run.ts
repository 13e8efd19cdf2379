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
import type { HttpClient } from '../../../api/http.js';
import { getBill } from '../../../api/tmf/customer-bill.js';
import { defaultPaymentMethodId, listPaymentMethods, paymentRequestBody } from '../../../api/tmf/payment.js';
import { type JournalEntry, PaymentJournal, journalDir, newPaymentKey } from '../../../config/payment-journal.js';
import { type JournalLock, lockJournal } from '../../../config/payment-journal-lock.js';
import type { Bill } from '../../../domain/bill.js';
import { type Money, formatMoney } from '../../../domain/money.js';
import type { Payment, PaymentMethod } from '../../../domain/payment.js';
import { CancelledError, EspaceError, GeneralError, UsageError } from '../../../errors.js';
import { formatDate, moneyJson, toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { Context } from '../../context.js';
import { parseAmountOption } from '../../payment/amount.js';
import { type Balance, accountBalance, balanceText } from '../../payment/balance.js';
import { paymentClient } from '../../payment/client.js';
import { PaymentInterruptedError, PaymentOutcomeUnknownError } from '../../payment/errors.js';
import { listenForPaymentInterruption } from '../../payment/interrupt.js';
import { unknownOutcomes, warnPendingPayments } from '../../payment/pending.js';
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
  /** Pay every bill with something owed, overdue first: one payment per bill. */
  all?: boolean;
  /** Check and show what would be paid; send nothing. */
  dryRun?: boolean;
}

/** One payment to make: a bill and how much of it. */
interface PlannedPayment {
  bill: Bill;
  remaining: Money;
  amount: Money;
}

export async function run(options: PayOptions, ctx: Context): Promise<void> {
  const { io, t, locale } = ctx;
  // Checked before anything is read or sent.
  const cents = options.amount === undefined ? undefined : parseAmountOption(options.amount);
  if (options.all && (cents !== undefined || options.bill !== 'latest')) throw new UsageError('pay.allAlone');
  const journal = new PaymentJournal(journalDir(ctx.env));
  warnPendingPayments(journal, ctx);

  const api = await ctx.api();
  const apiUrl = ctx.target().apiUrl;
  const chosen = options.bill === 'latest' ? undefined : options.bill;
  const accountId = chosen === undefined ? await resolveAccountId(api, options.account) : undefined;
  // The account's whole balance, overdue bills first, when no bill was named: paying "the latest"
  // alone must not hide what an earlier bill still owes.
  const balance = accountId === undefined ? undefined : await accountBalance(api, accountId, ctx.clock());
  let billIds: string[];
  if (options.all && accountId !== undefined && balance?.bills.length === 0)
    throw new GeneralError('pay.nothingOwedOnAccount', { params: { account: accountId } });
  if (balance && accountId !== undefined && (options.all || balance.bills.length > 1 || balance.overdue.amount > 0)) {
    io.err(balanceText(balance, accountId, t, locale));
    const choice = options.all ? ALL : await chooseBill(ctx, options, balance, cents);
    if (choice === ALL) billIds = balance.bills.map((owed) => owed.bill.id);
    else billIds = [choice ?? (await resolveBillId(api, 'latest', accountId))];
  } else {
    billIds = [await resolveBillId(api, options.bill, options.account)];
  }

  const planned: PlannedPayment[] = [];
  for (const billId of billIds) {
    const bill = await getBill(api, billId);
    // A preview of the next bill (plan next-bill) is not issued: nothing is owed on it yet.
    if (bill.unissued) throw new UsageError('pay.unissuedBill', { params: { bill: bill.id } });
    // Said before the confirmation when nobody is paying right now; otherwise the pending entry may
    // be that payment's, still in flight, and the check under the lock decides.
    // Said before the confirmation when it can be told now; while a payment is in flight, its entry
    // may be the one seen, and the check under the lock decides.
    const unknown = unknownOutcomes(journal);
    if (unknown) refuseIfPending(unknown.entries, bill.id, apiUrl);
    const remaining = bill.remaining ?? bill.totalDue;
    planned.push({ bill, remaining, amount: checkAmount(cents, remaining, bill.id, locale) });
  }
  const payer = accountId ?? (planned[0]!.bill.accountId || (await resolveAccountId(api, options.account)));

  const methods = await listPaymentMethods(api, payer);
  const methodId = options.method ?? (await defaultPaymentMethodId(api, payer));
  if (methodId === undefined) throw new UsageError('pay.noMethod', { params: { account: payer } });
  const method = methods.find((m) => m.id === methodId);
  if (!method) {
    throw new UsageError('pay.unknownMethod', { params: { method: methodId, known: methods.map((m) => m.id).join(', ') || '—' } });
  }

  for (const { bill, amount, remaining } of planned) {
    io.err(
      `${t('pay.summary', { amount: formatMoney(amount, locale), method: sanitizeCell(method.name), bill: sanitizeCell(bill.id), account: sanitizeCell(payer), remaining: formatMoney(remaining, locale) })}\n`,
    );
  }
  if (options.dryRun) {
    io.err(`${t('pay.dryRun', { count: planned.length })}\n`);
    if (ctx.globals.json) {
      io.out(
        toJson({
          dryRun: true,
          account: payer,
          method: { id: method.id, name: method.name },
          payments: planned.map((p) => ({ bill: p.bill.id, amount: moneyJson(p.amount, locale) })),
        }),
      );
    }
    return;
  }
  if (!options.yes) {
    if (!io.interactive) throw new UsageError('pay.needsYes');
    if (
      !(await ctx.prompt.confirm({
        message: t(planned.length > 1 ? 'pay.confirmMany' : 'pay.confirm', { count: planned.length }),
        flag: '--yes',
        default: false,
      }))
    ) {
      throw new CancelledError();
    }
  }

  // One payment per bill, each with its own key and journal entry, in the order shown (overdue first).
  const payments: Payment[] = [];
  for (const { bill, amount, remaining } of planned) {
    const payment = await payOneBill(ctx, { journal, api, apiUrl, accountId: payer, bill, amount, remaining, method });
    payments.push(payment);
    if (!ctx.globals.json)
      io.out(
        `${t('pay.done', { id: sanitizeCell(payment.id), amount: formatMoney(payment.amount, locale), bill: sanitizeCell(bill.id), method: sanitizeCell(method.name) })}\n`,
      );
  }
  if (ctx.globals.json)
    io.out(toJson(payments.length === 1 && !options.all ? paymentJson(payments[0]!, locale) : payments.map((payment) => paymentJson(payment, locale))));
}

/** The answer to "which bill?" that means every bill with something owed. */
const ALL = 'all';

/**
 * Which bill to pay when the account owes on more than one (or on an overdue bill) and none was
 * named: on a terminal, picked from a list (everything, the default, or one bill); otherwise undefined, for the
 * latest bill as before, the balance shown above it and `--all` named for the rest.
 */
async function chooseBill(ctx: Context, options: PayOptions, balance: Balance, cents: number | undefined): Promise<string | undefined> {
  const { io, t, locale } = ctx;
  if (options.yes || options.dryRun || cents !== undefined || !io.interactive) {
    // undefined: the latest bill, as `pay` has always meant without a bill named.
    io.err(`${t('pay.balance.hintAll', { total: formatMoney(balance.total, locale) })}\n`);
    return undefined;
  }
  // Picked from a list, not typed: everything owed first (the default), then each bill, overdue first.
  return ctx.prompt.select({
    message: t('pay.balance.which'),
    flag: '--all',
    default: ALL,
    choices: [
      { value: ALL, name: t('pay.balance.choiceAll', { total: formatMoney(balance.total, locale) }) },
      ...balance.bills.map(({ bill, remaining, overdue }) => ({
        value: bill.id,
        name: t(overdue ? 'pay.balance.choiceOverdue' : 'pay.balance.choiceBill', {
          bill: bill.id,
          amount: formatMoney(remaining, locale),
          date: formatDate(bill.dueDate, locale),
        }),
      })),
    ],
  });
}

interface OneBill {
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
async function payOneBill(ctx: Context, { journal, api, apiUrl, accountId, bill, amount, remaining, method }: OneBill): Promise<Payment> {
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
    journal.record(entry);
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
    journal.settle(key);
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
function refuseIfPending(unknown: readonly JournalEntry[], billId: string, apiUrl: string): void {
  const earlier = unknown.find((entry) => entry.billId === billId && entry.apiUrl === apiUrl);
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
