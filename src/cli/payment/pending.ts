import type { PaymentJournal } from '../../config/payment-journal.js';
import type { Context } from '../context.js';

/** Says on stderr when earlier payments still have an unknown outcome. */
export function warnPendingPayments(journal: PaymentJournal, ctx: Context): void {
  const { entries, unreadable } = journal.pending();
  const count = entries.length + unreadable.length;
  if (count > 0) ctx.io.err(`${ctx.io.errColor.warning(ctx.t('payment.pendingWarning', { count, dir: journal.dir }))}\n`);
}
