/**
 * `espace payment reconcile`: settles every journaled payment whose outcome is unknown, one by
 * one (payment/reconcile.ts says how), and reports each. Exit 5 while any stays unknown. It holds
 * the journal's lock, like `pay`.
 *
 * Ctrl-C or SIGTERM: while it waits for the lock or searches, a plain cancel (exit 130), every
 * entry left as it was; while a payment is sent again, "not known yet" with its key (exit 5), its
 * entry kept — as `pay` does (payment/interrupt.ts).
 */
import { CancelledError, EspaceError } from '../../../errors.js';
import { formatMoney } from '../../../domain/money.js';
import { moneyJson, toJson } from '../../../output/formats.js';
import { sanitizeText } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { listenForPaymentInterruption } from '../../payment/interrupt.js';
import { PaymentJournal, journalDir } from '../../payment/journal.js';
import { type JournalLock, lockJournal } from '../../payment/journal-lock.js';
import { reconcileEntry } from '../../payment/reconcile.js';

export type PaymentReconcileOptions = Record<string, never>;

export async function run(_options: PaymentReconcileOptions, ctx: CommandDeps): Promise<void> {
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
      const finding = await reconcileEntry(entry, ctx, journal, stop);
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
