import type { JournalEntry } from '../../config/payment-journal.js';
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
