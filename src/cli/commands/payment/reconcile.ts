/**
 * `espace payment reconcile`: settles every journaled payment whose outcome is unknown. For each,
 * the server is asked for the payment made with its key (correlatorId); a payment is accepted
 * only if it carries the key and the journal's amount, bill and account, whatever else the list
 * holds. If none carries the key, the same key and body are sent again — the server either
 * charges it now, once, or answers with what it already did. A payment with the key but other
 * details, or a list that does not end, leaves the entry "still unknown". Never a second charge,
 * never a lost one. Exit 5 while any stays unknown. It holds the journal's lock, like `pay`.
 *
 * Ctrl-C or SIGTERM: while it waits for the lock or searches, a plain cancel (exit 130), every
 * entry left as it was; while a payment is sent again, "not known yet" with its key (exit 5), its
 * entry kept — as `pay` does (payment/interrupt.ts).
 */
import { type KeySearch, findPaymentByKey } from '../../../api/tmf/payment.js';
import { PaymentJournal, journalDir, type JournalEntry } from '../../../config/payment-journal.js';
import { type JournalLock, lockJournal } from '../../../config/payment-journal-lock.js';
import { formatMoney } from '../../../domain/money.js';
import type { Payment } from '../../../domain/payment.js';
import { CancelledError, EspaceError, GeneralError } from '../../../errors.js';
import { moneyJson, toJson } from '../../../output/formats.js';
import { sanitizeText } from '../../../output/sanitize.js';
import type { Context } from '../../context.js';
import { paymentClient } from '../../payment/client.js';
import { PaymentInterruptedError } from '../../payment/errors.js';
import { listenForPaymentInterruption, type PaymentInterruption } from '../../payment/interrupt.js';
import { type SubmitOutcome, submitPayment } from '../../payment/submit.js';

export type PaymentReconcileOptions = Record<string, never>;

type Finding =
  | { outcome: 'charged'; payment: Payment; replayed: boolean }
  | { outcome: 'notCharged'; reason: EspaceError }
  | { outcome: 'unknown'; reason: EspaceError }
  | { outcome: 'otherServer' };

async function settle(entry: JournalEntry, ctx: Context, journal: PaymentJournal, stop: PaymentInterruption): Promise<Finding> {
  if (entry.apiUrl !== ctx.target().apiUrl) return { outcome: 'otherServer' };
  const api = await ctx.api();
  // A signal cuts the search short: nothing of the payment's is out, the entry stays as it was.
  const cut = () => void api.destroy();
  stop.signal.addEventListener('abort', cut, { once: true });
  let search: KeySearch;
  try {
    search = await findPaymentByKey(api, { key: entry.key, accountId: entry.accountId, billId: entry.billId, amount: entry.amount });
  } catch (error) {
    if (stop.cancelled) throw new CancelledError({ cause: error });
    if (error instanceof EspaceError && error.category !== 'auth') return { outcome: 'unknown', reason: error };
    throw error;
  } finally {
    stop.signal.removeEventListener('abort', cut);
  }
  if (stop.cancelled) throw new CancelledError();
  switch (search.kind) {
    case 'found':
      journal.settle(entry.key);
      return { outcome: 'charged', payment: search.payment, replayed: false };
    case 'mismatch':
      // The key is on a payment that is not the journaled one: someone must look, nothing is sent.
      return {
        outcome: 'unknown',
        reason: new GeneralError('payment.reconcile.mismatch', {
          params: {
            id: search.payment.id,
            amount: formatMoney(search.payment.amount, ctx.locale),
            bills: search.payment.bills.map((bill) => bill.billId).join(', ') || '—',
          },
        }),
      };
    case 'incomplete':
      return { outcome: 'unknown', reason: new GeneralError('payment.reconcile.searchIncomplete', { params: { pages: search.pages } }) };
    case 'absent':
      break;
  }
  // No payment carries the key: the same key and body again, which the server charges now, once.
  const client = await paymentClient(ctx);
  if (stop.cancelled) {
    await client.close();
    throw new CancelledError();
  }
  // From here a signal may cut the payment's request short: its outcome is then not known.
  stop.sending(entry.key);
  let sent: SubmitOutcome;
  try {
    sent = await submitPayment(client, entry, { signal: stop.signal });
  } finally {
    await client.close();
  }
  if (sent.kind === 'interrupted') throw new PaymentInterruptedError(entry);
  stop.answered();
  if (sent.kind === 'unknown') return { outcome: 'unknown', reason: sent.error };
  journal.settle(entry.key);
  return sent.kind === 'charged' ? { outcome: 'charged', payment: sent.payment, replayed: true } : { outcome: 'notCharged', reason: sent.error };
}

export async function run(_options: PaymentReconcileOptions, ctx: Context): Promise<void> {
  const { io, t, locale } = ctx;
  const journal = new PaymentJournal(journalDir(ctx.env));
  const { entries, unreadable } = journal.pending();
  for (const path of unreadable) io.err(`${io.errColor.warning(t('payment.reconcile.unreadable', { path }))}\n`);
  if (entries.length === 0 && !ctx.globals.json) {
    io.err(`${t('payment.reconcile.none')}\n`);
    if (unreadable.length === 0) return;
  }

  const report: Record<string, unknown>[] = [];
  let unresolved = unreadable.length;
  const stop = listenForPaymentInterruption((key) => io.err(`${t('payment.interruptedAgain', { key })}\n`));
  let lock: JournalLock | undefined;
  try {
    if (entries.length > 0) {
      lock = await lockJournal(journal.dir, { signal: stop.signal, onWait: (holder) => io.err(`${t('pay.waitingForLock', { pid: holder?.pid ?? '?' })}\n`) });
    }
    // Entries settled by another process while this one waited for the lock are gone from the journal.
    const still = new Set(journal.pending().entries.map((entry) => entry.key));
    for (const entry of entries.filter((candidate) => still.has(candidate.key))) {
      stop.preparing();
      if (stop.cancelled) throw new CancelledError();
      const finding = await settle(entry, ctx, journal, stop);
      const base = { key: entry.key, account: entry.accountId, bill: entry.billId, amount: moneyJson(entry.amount, locale), outcome: finding.outcome };
      const amount = formatMoney(entry.amount, locale);
      let line: string;
      switch (finding.outcome) {
        case 'charged':
          report.push({ ...base, payment: finding.payment.id, charged: moneyJson(finding.payment.amount, locale) });
          line = t(finding.replayed ? 'payment.reconcile.chargedNow' : 'payment.reconcile.charged', {
            key: entry.key,
            bill: entry.billId,
            amount,
            id: finding.payment.id,
          });
          break;
        case 'notCharged':
          report.push({ ...base, reason: finding.reason.describe(t) });
          line = t('payment.reconcile.notCharged', { key: entry.key, bill: entry.billId, amount, reason: finding.reason.describe(t) });
          break;
        case 'unknown':
          unresolved++;
          report.push({ ...base, reason: finding.reason.describe(t) });
          line = t('payment.reconcile.stillUnknown', { key: entry.key, bill: entry.billId, amount, reason: finding.reason.describe(t) });
          break;
        case 'otherServer':
          unresolved++;
          report.push({ ...base, apiUrl: entry.apiUrl });
          line = t('payment.reconcile.otherServer', { key: entry.key, bill: entry.billId, amount, url: entry.apiUrl });
          break;
      }
      if (!ctx.globals.json) io.out(`${sanitizeText(line)}\n`);
    }
  } catch (error) {
    // The entries settled before the stop are gone from the journal: a script must still learn of them.
    if (ctx.globals.json && report.length > 0) io.out(toJson(report));
    // Stopped while nothing was out (waiting for the lock, searching): a plain cancel.
    if (stop.cancelled && !(error instanceof CancelledError)) throw new CancelledError({ cause: error });
    throw error;
  } finally {
    lock?.release();
    stop.dispose();
  }
  if (ctx.globals.json) io.out(toJson(report));
  if (unresolved > 0) throw new EspaceError('paymentUnknown', 'payment.reconcile.incomplete', { params: { count: unresolved } });
}
