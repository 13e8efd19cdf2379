/**
 * Schema of the sandbox clock: appended to the migration list in db.ts. The clock is one row (how
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
`;
