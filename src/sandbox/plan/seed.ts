/**
 * Links the seeded products to the catalog: each gets its offer and, for some, a contract term
 * still running (so that a downgrade inside it can be refused). Runs inside the seeding transaction.
 */
import type { SandboxDatabase } from '../db.js';
import { addMonths, noonUtc, type YearMonth } from '../dates.js';
import { offeringOfSeededProduct } from './catalog.js';

/** Products under contract, and how many months after the seed anchor their term ends. */
const CONTRACTS: Readonly<Record<string, number>> = {
  'PRD-1001-INT': 8,
  'PRD-2001-MOB': 3,
};

export function seedPlanInventory(db: SandboxDatabase, anchor: YearMonth): void {
  const products = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM product').all();
  const update = db.prepare('UPDATE product SET offering_id = ?, contract_end = ? WHERE id = ?');
  for (const product of products) {
    const months = CONTRACTS[product.id];
    const contractEnd = months === undefined ? null : noonUtc(addMonths(anchor, months), 1);
    update.run(offeringOfSeededProduct(product.name)?.id ?? null, contractEnd, product.id);
  }
}
