/**
 * Schema of payments (TMF676), payment methods (TMF670) and autopay (TMF666 extension): appended
 * to the migration list in db.ts. The seeded `payment` and `payment_allocation` tables of
 * migration 1 keep the history; this adds what exactly-once payments and saved methods need.
 */
export const PAYMENT_MIGRATION = `
  -- The client's idempotency key, unique per account forever, so a payment can be looked up by it.
  ALTER TABLE payment ADD COLUMN correlator_id TEXT;
  ALTER TABLE payment ADD COLUMN authorization_code TEXT;
  CREATE UNIQUE INDEX payment_account_correlator ON payment(billing_account_id, correlator_id) WHERE correlator_id IS NOT NULL;

  -- Idempotency-Key records of POST payment: the first request's fingerprint and its answer.
  CREATE TABLE payment_idempotency (
    key TEXT PRIMARY KEY,
    -- Who sent it (user id, or client id for client credentials): a key is never shared.
    caller TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'done')),
    status_code INTEGER,
    response TEXT,
    -- Milliseconds since the epoch, by the sandbox clock.
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX payment_idempotency_created ON payment_idempotency(created_at);

  -- Saved payment methods. Card tokens and bank account numbers are AES-256-GCM ciphertexts
  -- (payment/cipher.ts); the key lives outside this file.
  CREATE TABLE payment_method (
    id TEXT PRIMARY KEY,
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    kind TEXT NOT NULL CHECK (kind IN ('card', 'bankAccount')),
    name TEXT NOT NULL,
    brand TEXT,
    last_four TEXT NOT NULL,
    -- YYYY-MM, cards only.
    expiry TEXT,
    token_enc BLOB,
    institution TEXT,
    transit TEXT,
    account_enc BLOB,
    holder TEXT,
    -- Test cards that the simulated issuer declines.
    declines INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('active', 'removed')),
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX payment_method_account ON payment_method(billing_account_id);

  ALTER TABLE billing_account ADD COLUMN autopay INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE billing_account ADD COLUMN autopay_terms_accepted_at TEXT;
`;
