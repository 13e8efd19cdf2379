/**
 * The payment journal: one file per payment whose outcome is not known yet, in
 * `<dataDir>/payment-journal/<key>.json`. An entry is written durably (temporary file, fsync,
 * rename, fsync of the directory; mode 0600 in a 0700 directory) BEFORE the first attempt, so
 * that a payment interrupted in any way — lost answer, dropped connection, killed process — can
 * be settled later by `espace payment reconcile` with the same idempotency key and body. The
 * entry is removed once the server's answer is known. It holds no secret: ids and amounts.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory, writeFileAtomically } from '../../atomic-file.js';
import type { PaymentRequestBody } from '../../api/tmf/payment.js';
import type { Money } from '../../domain/money.js';
import { dataDir } from '../../config/paths.js';

export interface JournalEntry {
  version: 1;
  /** The Idempotency-Key, also the payment's correlatorId. */
  key: string;
  /** The API the payment was sent to: reconcile asks that server and no other. */
  apiUrl: string;
  accountId: string;
  billId: string;
  amount: Money;
  methodId: string;
  methodName?: string;
  createdAt: string;
  /** The exact body; a replay sends it again unchanged. */
  request: PaymentRequestBody;
}

export function journalDir(env: Record<string, string | undefined>): string {
  return join(dataDir(env), 'payment-journal');
}

/** A fresh idempotency key: random, so that two payments never share one. */
export function newPaymentKey(): string {
  return `espace-${randomUUID()}`;
}

const ENTRY_FILE = /^espace-[0-9a-f-]{36}\.json$/;

export class PaymentJournal {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Writes the entry so that it survives a crash the moment the promise resolves. */
  async record(entry: JournalEntry): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomically(join(this.dir, `${entry.key}.json`), `${JSON.stringify(entry, null, 2)}\n`, { overwrite: true, mode: 0o600 });
  }

  /** Forgets an entry whose outcome is known. */
  async settle(key: string): Promise<void> {
    await rm(join(this.dir, `${key}.json`), { force: true });
    await syncDirectory(this.dir);
  }

  /** Entries still pending, oldest first. Unreadable files are reported, not silently dropped. */
  pending(): { entries: JournalEntry[]; unreadable: string[] } {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], unreadable: [] };
      throw error;
    }
    const entries: JournalEntry[] = [];
    const unreadable: string[] = [];
    for (const name of names.filter((n) => ENTRY_FILE.test(n))) {
      try {
        const entry = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as JournalEntry;
        if (entry.version !== 1 || typeof entry.key !== 'string') throw new Error('unknown format');
        entries.push(entry);
      } catch {
        unreadable.push(join(this.dir, name));
      }
    }
    entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { entries, unreadable };
  }
}
