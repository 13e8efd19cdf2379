/**
 * Settling one journaled payment whose outcome is unknown, the heart of `espace payment
 * reconcile`: the server is asked for the payment made with its key (correlatorId); a payment is
 * accepted only if it carries the key and the journal's amount, bill and account, whatever else
 * the list holds. If none carries the key, the same key and body are sent again — the server
 * either charges it now, once, or answers with what it already did. A payment with the key but
 * other details, or a list that does not end, leaves the entry "still unknown". Never a second
 * charge, never a lost one. The caller holds the journal's lock.
 */
import { type KeySearch, findPaymentByKey } from '../../api/tmf/payment.js';
import { formatMoney } from '../../domain/money.js';
import type { Payment } from '../../domain/payment.js';
import { CancelledError, EspaceError, GeneralError } from '../../errors.js';
import type { CommandDeps } from '../command-deps.js';
import { paymentClient } from './client.js';
import { PaymentInterruptedError } from './errors.js';
import type { PaymentInterruption } from './interrupt.js';
import type { JournalEntry, PaymentJournal } from './journal.js';
import { type SubmitOutcome, submitPayment } from './submit.js';

/** What became of one journaled payment. */
export type Finding =
  | { outcome: 'charged'; payment: Payment; replayed: boolean }
  | { outcome: 'notCharged'; reason: EspaceError }
  | { outcome: 'unknown'; reason: EspaceError }
  | { outcome: 'otherServer' };

export async function reconcileEntry(entry: JournalEntry, ctx: CommandDeps, journal: PaymentJournal, stop: PaymentInterruption): Promise<Finding> {
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
      await journal.settle(entry.key);
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
  await journal.settle(entry.key);
  return sent.kind === 'charged' ? { outcome: 'charged', payment: sent.payment, replayed: true } : { outcome: 'notCharged', reason: sent.error };
}
