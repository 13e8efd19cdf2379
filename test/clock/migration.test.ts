/** The clock's migration keeps every order, item and state of a database from before it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/sandbox/db.js';
import { seedDatabase } from '../../src/sandbox/seed.js';

it('rebuilds the order table for the failed state without losing or orphaning a row', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'espace-clock-migration-'));
  try {
    const db = openDatabase(dir);
    seedDatabase(db, '2026-12-01');
    db.exec(`INSERT INTO product_order VALUES ('PO-000001', 'BA-1001', 'completed', NULL, '2026-12-02T10:00:00.000Z', '2026-12-02T10:00:00.000Z');
      INSERT INTO product_order_item VALUES ('PO-000001', 1, 'delete', 'PRD-1001-FILM', 'OFF-ADD-FILM', 'Super Écran', 1500, NULL, NULL, NULL, 1, '2026-12-02T12:00:00.000Z');
      INSERT INTO product_order_state VALUES ('PO-000001', 1, 'acknowledged', '2026-12-02T10:00:00.000Z');`);
    // Back to the schema before the clock, orders included, then open again: the migration runs on real rows.
    db.exec('DROP TABLE clock_event; DROP TABLE sandbox_clock;');
    db.exec(`PRAGMA user_version = 5`);
    db.close();
    const again = openDatabase(dir);
    expect(again.prepare('SELECT id, state FROM product_order').all()).toEqual([{ id: 'PO-000001', state: 'completed' }]);
    expect(again.prepare('SELECT count(*) AS n FROM product_order_item').get()).toEqual({ n: 1 });
    expect(again.prepare('SELECT count(*) AS n FROM product_order_state').get()).toEqual({ n: 1 });
    expect(again.pragma('foreign_key_check')).toEqual([]);
    again.prepare("UPDATE product_order SET state = 'failed' WHERE id = 'PO-000001'").run();
    expect(() => again.prepare("INSERT INTO product_order_state VALUES ('PO-404', 1, 'x', 'y')").run()).toThrow(/FOREIGN KEY/);
    again.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
