/**
 * Migration of the sandbox clock: appended to the migration list in db.ts. The clock is one row (how
 * far the sandbox's time is ahead of the real clock, and where it started); every time-driven event
 * is one row of `clock_event`, keyed by what it is (`bill-run:BA-1001:2027-01`), written in the same
 * transaction as the event's effects: an event is either done and logged, or neither.
 */
export const CLOCK_MIGRATION = `
  CREATE TABLE sandbox_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    -- Milliseconds added to the real clock: sandbox now = real now + offset.
    offset_ms INTEGER NOT NULL,
    -- Sandbox time when the clock was first read (ISO): events before it belong to the seed.
    origin TEXT NOT NULL
  ) STRICT;

  CREATE TABLE clock_event (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    -- Sandbox time the event is scheduled for (ISO).
    at TEXT NOT NULL,
    billing_account_id TEXT,
    subject TEXT,
    outcome TEXT NOT NULL,
    amount_cents INTEGER,
    detail TEXT,
    -- Real time it was processed (ISO).
    processed_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX clock_event_account ON clock_event(billing_account_id, kind, seq);

  -- Orders may now fail (TMF622 'failed'): SQLite changes a CHECK only by rebuilding the table,
  -- and a parent table can be dropped only without child rows, so the item and state tables are
  -- set aside and put back around it.
  CREATE TABLE product_order_item_copy AS SELECT * FROM product_order_item;
  CREATE TABLE product_order_state_copy AS SELECT * FROM product_order_state;
  DROP TABLE product_order_item;
  DROP TABLE product_order_state;
  CREATE TABLE product_order_rebuilt (
    id TEXT PRIMARY KEY,
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    state TEXT NOT NULL CHECK (state IN ('acknowledged', 'inProgress', 'completed', 'rejected', 'failed')),
    state_reason TEXT,
    order_date TEXT NOT NULL,
    completion_date TEXT
  ) STRICT;
  INSERT INTO product_order_rebuilt (id, billing_account_id, state, state_reason, order_date, completion_date)
    SELECT id, billing_account_id, state, state_reason, order_date, completion_date FROM product_order;
  DROP TABLE product_order;
  ALTER TABLE product_order_rebuilt RENAME TO product_order;
  CREATE INDEX product_order_account ON product_order(billing_account_id, order_date);
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
  INSERT INTO product_order_item SELECT * FROM product_order_item_copy;
  INSERT INTO product_order_state SELECT * FROM product_order_state_copy;
  DROP TABLE product_order_item_copy;
  DROP TABLE product_order_state_copy;
`;
