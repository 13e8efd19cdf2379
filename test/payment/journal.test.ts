import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentRequestBody } from '../../src/api/tmf/payment.js';
import { PaymentJournal, journalDir, newPaymentKey, type JournalEntry } from '../../src/cli/payment/journal.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-journal-'));
});
afterEach(async () => rm(home, { recursive: true, force: true }));

function entry(createdAt: string): JournalEntry {
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
    createdAt,
    request: paymentRequestBody(key, 'BA-1', 'CB-1', amount, { id: 'PM-1', name: 'Visa •••• 4242' }),
  };
}

describe('the payment journal', () => {
  it('lives in the data directory, private, one file per pending payment, with no temporary file left', async () => {
    const dir = journalDir({ ESPACE_DATA_DIR: home });
    expect(dir).toBe(join(home, 'payment-journal'));
    const journal = new PaymentJournal(dir);
    const later = entry('2026-11-02T00:00:00.000Z');
    const earlier = entry('2026-11-01T00:00:00.000Z');
    await journal.record(later);
    await journal.record(earlier);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, `${later.key}.json`))).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).sort()).toEqual([`${earlier.key}.json`, `${later.key}.json`].sort());
    expect(journal.pending().entries.map((e) => e.key)).toEqual([earlier.key, later.key]);
    expect(earlier.request.totalAmount.value).toBe(25.5);

    await journal.settle(earlier.key);
    expect(journal.pending().entries.map((e) => e.key)).toEqual([later.key]);
  });

  it('reports an unreadable entry instead of dropping it, and ignores foreign files', async () => {
    const dir = join(home, 'payment-journal');
    const journal = new PaymentJournal(dir);
    await journal.record(entry('2026-11-01T00:00:00.000Z'));
    const broken = join(dir, `${newPaymentKey()}.json`);
    await writeFile(broken, '{ half');
    await writeFile(join(dir, 'notes.txt'), 'x');
    const { entries, unreadable } = journal.pending();
    expect(entries).toHaveLength(1);
    expect(unreadable).toEqual([broken]);
  });

  it('is empty when the directory does not exist yet', () => {
    expect(new PaymentJournal(join(home, 'none')).pending()).toEqual({ entries: [], unreadable: [] });
  });
});
