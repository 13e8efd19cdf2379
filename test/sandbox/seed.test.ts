import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/sandbox/auth/password.js';
import { allocateLargestRemainder, computeBillTaxes, GST, HST_ON, QST, roundHalfUp } from '../../src/sandbox/billing/taxes.js';
import { openDatabase, type SandboxDatabase } from '../../src/sandbox/db.js';
import { SEED_CREDENTIALS, SEED_PASSWORD_HASHES } from '../../src/sandbox/auth/seed.js';
import { seedLedger } from '../../src/sandbox/party/customers.js';
import { seedDatabase } from '../../src/sandbox/seed.js';

async function withDatabase<T>(fn: (db: SandboxDatabase) => T): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'espace-seed-'));
  const db = openDatabase(dir);
  try {
    return fn(db);
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every row of every table, in a stable order. */
function dump(db: SandboxDatabase): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]));
}

describe('seed', () => {
  it('is deterministic: the same anchor gives identical data', async () => {
    const first = await withDatabase((db) => (seedDatabase(db, '2026-11-01'), dump(db)));
    const second = await withDatabase((db) => (seedDatabase(db, '2026-11-01'), dump(db)));
    expect(second).toEqual(first);
    expect(first.customer_bill).toHaveLength(36);
    const other = await withDatabase((db) => (seedDatabase(db, '2026-12-01'), dump(db)));
    expect(other.customer_bill).not.toEqual(first.customer_bill);
  });

  it('stores password hashes that match the published credentials', async () => {
    for (const key of ['marie', 'james', 'luc', 'agent'] as const) {
      expect(await verifyPassword(SEED_CREDENTIALS[key].password, SEED_PASSWORD_HASHES[key]), key).toBe(true);
    }
    expect(await verifyPassword('Espace-Demo-2026?', SEED_PASSWORD_HASHES.marie)).toBe(false);
    expect(SEED_PASSWORD_HASHES.marie).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
  });

  it('gives the latest bills the documented totals', () => {
    const latest = (key: 'marie' | 'james' | 'luc') => seedLedger(key, '2026-11-01').bills.at(-1)!;
    expect(latest('marie')).toMatchObject({ taxExcludedCents: 25491, taxIncludedCents: 29295, amountDueCents: 29295 });
    expect(latest('james')).toMatchObject({ taxExcludedCents: 13875, taxIncludedCents: 15679, amountDueCents: 15679 });
    expect(latest('luc')).toMatchObject({ taxIncludedCents: 12530, amountDueCents: 35409, state: 'sent' });
  });
});

describe('tax arithmetic', () => {
  it('rounds half up, away from zero', () => {
    expect(roundHalfUp(5, 10)).toBe(1);
    expect(roundHalfUp(4, 10)).toBe(0);
    expect(roundHalfUp(-5, 10)).toBe(-1);
    expect(roundHalfUp(25_3355, 10_000)).toBe(25);
  });

  it('allocates exactly, credits included', () => {
    expect(allocateLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocateLargestRemainder(100, [8500, -1000, 4500])).toEqual([71, -8, 37]);
    const parts = allocateLargestRemainder(-7, [3, 3, -1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(-7);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
  });

  it('computes QST on the pre-GST base and leaves non-taxable lines out', () => {
    const taxes = computeBillTaxes(
      [
        { taxExcludedCents: 10_000, taxable: true },
        { taxExcludedCents: 46, taxable: false },
      ],
      [GST, QST],
    );
    expect(taxes.baseCents).toBe(10_000);
    expect(taxes.items.map((i) => i.amountCents)).toEqual([500, 998]);
    expect(taxes.perLine[1]).toEqual([]);
    expect(computeBillTaxes([{ taxExcludedCents: 75, taxable: true }], [HST_ON]).items[0]?.amountCents).toBe(10);
  });
});
