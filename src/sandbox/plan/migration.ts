import { OFFERINGS, offeringOfSeededProduct } from './catalog.js';

/** Product names a database seeded before this migration may hold, with the offer each maps to. */
function backfillOfferings(): string {
  const names = [...OFFERINGS.map((o) => o.name), 'TV – Basic', 'Mobile 10 GB'];
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const cases = names.map((name) => `WHEN ${quote(name)} THEN ${quote(offeringOfSeededProduct(name)!.id)}`).join(' ');
  return `UPDATE product SET offering_id = CASE name ${cases} END WHERE offering_id IS NULL;`;
}

/**
 * Migration of the plans area: the catalog offer and contract end of each product (TMF637), and
 * product orders (TMF622) with their items and state history, and on-demand bill requests (TMF678).
 */
export const PLAN_MIGRATION = `
  ALTER TABLE product ADD COLUMN offering_id TEXT;
  -- End of the contract term (ISO date-time); NULL when the product has none.
  ALTER TABLE product ADD COLUMN contract_end TEXT;

  CREATE TABLE product_order (
    id TEXT PRIMARY KEY,
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    state TEXT NOT NULL CHECK (state IN ('acknowledged', 'inProgress', 'completed', 'rejected')),
    state_reason TEXT,
    order_date TEXT NOT NULL,
    completion_date TEXT
  ) STRICT;
  CREATE INDEX product_order_account ON product_order(billing_account_id, order_date);

  -- What each item changed, with the prices before and after: the next bill prorates from these.
  CREATE TABLE product_order_item (
    order_id TEXT NOT NULL REFERENCES product_order(id),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('add', 'modify', 'delete')),
    product_id TEXT NOT NULL,
    old_offering_id TEXT,
    old_name TEXT,
    old_price_cents INTEGER,
    new_offering_id TEXT,
    new_name TEXT,
    new_price_cents INTEGER,
    is_add_on INTEGER NOT NULL,
    effective_date TEXT NOT NULL,
    PRIMARY KEY (order_id, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE product_order_state (
    order_id TEXT NOT NULL REFERENCES product_order(id),
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (order_id, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE customer_bill_on_demand (
    id TEXT PRIMARY KEY,
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    bill_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;

  -- A database seeded before this migration: link its products to the catalog (a new one is
  -- linked, with contract terms, when it is seeded).
  ${backfillOfferings()}
`;
