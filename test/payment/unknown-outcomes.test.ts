/**
 * Which journal entries have an unknown outcome, as `pay` sees them before it takes the journal's
 * lock: never the entry of a payment another `pay` has in flight (that was a false "outcome
 * unknown", exit 5, for two `pay` of one bill at once).
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentRequestBody } from '../../src/api/tmf/payment.js';
import { lockJournal } from '../../src/cli/payment/journal-lock.js';
import { type JournalEntry, PaymentJournal, newPaymentKey } from '../../src/cli/payment/journal.js';
import { unknownOutcomes } from '../../src/cli/payment/pending.js';

let dir: string;
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'espace-unknown-')), 'payment-journal');
});
afterEach(async () => rm(join(dir, '..'), { recursive: true, force: true }));

function entry(): JournalEntry {
  const key = newPaymentKey();
  const amount = { amount: 2550, currency: 'CAD' };
  return {
    version: 1,
    key,
    apiUrl: 'http://127.0.0.1:1',
    accountId: 'BA-1',
    billId: 'CB-1',
    amount,
    methodId: 'PM-1',
    createdAt: '2026-12-01T00:00:00.000Z',
    request: paymentRequestBody(key, 'BA-1', 'CB-1', amount, { id: 'PM-1', name: 'Visa •••• 4242' }),
  };
}

/** A journal where something happens right after the first read: another process's payment moving on. */
class JournalWithEvent extends PaymentJournal {
  reads = 0;
  constructor(
    dir: string,
    private readonly afterFirstRead: () => void,
  ) {
    super(dir);
  }
  override pending() {
    const read = super.pending();
    if (++this.reads === 1) this.afterFirstRead();
    return read;
  }
}

describe('unknown outcomes before the lock', () => {
  it('are the entries no payment in flight holds', async () => {
    const journal = new PaymentJournal(dir);
    const left = entry();
    await journal.record(left);
    expect(unknownOutcomes(journal)?.entries.map((e) => e.key)).toEqual([left.key]);
  });

  it('cannot be told while a payment holds the lock', async () => {
    const journal = new PaymentJournal(dir);
    await journal.record(entry());
    const lock = await lockJournal(dir);
    try {
      expect(unknownOutcomes(journal)).toBeUndefined();
    } finally {
      lock.release();
    }
  });

  it('leave out an entry whose payment was in flight and settled between the reads', async () => {
    const inFlight = entry();
    const lock = await lockJournal(dir);
    const journal = new JournalWithEvent(dir, () => {
      // The other pay gets its answer: settles its entry (removes its file), then lets go of the lock.
      rmSync(join(dir, `${inFlight.key}.json`));
      lock.release();
    });
    await journal.record(inFlight);
    expect(unknownOutcomes(journal)).toEqual({ entries: [], unreadable: [] });
    expect(journal.reads).toBe(2);
  });

  it('keep an unreadable entry file, which nothing in flight explains', async () => {
    const journal = new PaymentJournal(dir);
    await journal.record(entry());
    const broken = join(dir, `espace-${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}.json`);
    await writeFile(broken, '{ half');
    const unknown = unknownOutcomes(journal);
    expect(unknown?.entries).toHaveLength(1);
    expect(unknown?.unreadable).toEqual([broken]);
  });
});
