/** A sandbox database seeded before the plans migration gets its products linked to the catalog. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/sandbox/db.js';
import { PLAN_MIGRATION } from '../../src/sandbox/plan/migration.js';

describe('the plans migration', () => {
  it('maps the products of an existing database to catalog offers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'espace-plan-migration-'));
    try {
      const db = openDatabase(dir);
      // Products as a database seeded before the migration holds them (no offer), then its backfill.
      db.exec(`INSERT INTO billing_account (id, name, description, account_type, state, rating_type, currency, province,
                 owner_party_id, owner_name, street1, street2, city, postcode, country, email, phone, presentation_media,
                 cycle_name, payment_due_days, default_payment_method_id, default_payment_method_name, created_at, last_modified)
               VALUES ('BA-1', 'x', NULL, 'residential', 'active', 'prepaid', 'CAD', 'QC', 'P', 'x', 's', NULL, 'c', 'H2X 1Y4', 'CA', 'e', NULL, 'paper', 'm', 21, NULL, NULL, 't', 't')`);
      db.exec(`INSERT INTO product (id, billing_account_id, name, product_type, is_add_on, status, start_date, recurring_price_cents)
               VALUES ('P1', 'BA-1', 'Internet Giga', 'internet', 0, 'active', 't', 8500), ('P2', 'BA-1', 'TV – Basic', 'tv', 0, 'active', 't', 3500),
                      ('P3', 'BA-1', 'Something else', 'tv', 0, 'active', 't', 100)`);
      const backfill = PLAN_MIGRATION.slice(PLAN_MIGRATION.indexOf('UPDATE product'));
      db.exec(backfill);
      const rows = db.prepare('SELECT id, offering_id AS offeringId FROM product ORDER BY id').all();
      expect(rows).toEqual([
        { id: 'P1', offeringId: 'OFF-INT-GIGA' },
        { id: 'P2', offeringId: 'OFF-TV-BASE' },
        { id: 'P3', offeringId: null },
      ]);
      db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
