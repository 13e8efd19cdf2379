import { journalLocked } from './journal-lock.js';
import type { JournalEntry, PaymentJournal } from './journal.js';
import type { CommandDeps } from '../command-deps.js';

/** Journal entries whose outcome is unknown, and entry files that could not be read. */
export interface UnknownOutcomes {
  entries: JournalEntry[];
  unreadable: string[];
}

/**
 * The journal's payments whose outcome is unknown and that no running `pay` is working on; or
 * undefined when that cannot be told without the journal's lock, because a payment is in flight.
 *
 * A `pay` holds the lock from before it writes its entry until it has settled it, so the journal
 * is read, then the lock looked at, then the journal read again: an entry there both times, with
 * the lock free in between, belongs to no payment in flight. (Read once, or the lock looked at
 * first, another process's payment could be taken for an unknown one.)
 */
export function unknownOutcomes(journal: PaymentJournal): UnknownOutcomes | undefined {
  const before = journal.pending();
  if (before.entries.length === 0 && before.unreadable.length === 0) return before;
  if (journalLocked(journal.dir)) return undefined;
  const after = journal.pending();
  const keys = new Set(before.entries.map((entry) => entry.key));
  const files = new Set(before.unreadable);
  return {
    entries: after.entries.filter((entry) => keys.has(entry.key)),
    unreadable: after.unreadable.filter((file) => files.has(file)),
  };
}

/** Says on stderr when earlier payments still have an unknown outcome (none said while a payment is in flight). */
export function warnPendingPayments(journal: PaymentJournal, ctx: CommandDeps): void {
  const unknown = unknownOutcomes(journal);
  const count = unknown ? unknown.entries.length + unknown.unreadable.length : 0;
  if (count > 0) ctx.io.err(`${ctx.io.errColor.warning(ctx.t('payment.pendingWarning', { count, dir: journal.dir }))}\n`);
}
