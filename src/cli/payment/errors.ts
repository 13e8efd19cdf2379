import type { JournalEntry } from './journal.js';
import { EspaceError } from '../../errors.js';

/** The payment may or may not have been charged; its key is in the journal for reconcile. Exit code 5. */
export class PaymentOutcomeUnknownError extends EspaceError {
  constructor(entry: JournalEntry, reason: EspaceError) {
    super('paymentUnknown', 'payment.unknown', {
      params: { key: entry.key, bill: entry.billId },
      messageParams: { reason: { key: reason.key, params: reason.params } },
      hint: 'payment.hintReconcile',
      cause: reason,
    });
  }
}

/**
 * The command was stopped (Ctrl-C, SIGTERM) while the payment's request was out: it may have been
 * charged. Exit code 5, like any unknown outcome; the entry stays for reconcile.
 */
export class PaymentInterruptedError extends EspaceError {
  constructor(entry: JournalEntry) {
    super('paymentUnknown', 'payment.interrupted', { params: { key: entry.key, bill: entry.billId }, hint: 'payment.hintReconcile' });
  }
}

/**
 * A 2xx answered with a payment that is not the one sent (another key, amount, bill or account):
 * it proves no charge of this one, so the outcome stays unknown and reconcile decides.
 */
export class NotThisPaymentError extends EspaceError {
  constructor(field: string, value: string) {
    super('general', 'payment.answerNotThisPayment', { params: { field, value } });
  }
}
