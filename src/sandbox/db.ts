/**
 * The sandbox's storage: one SQLite file (`<dataDir>/sandbox.db`) in WAL mode, so the server, a
 * `--seed-only` run and tests can open it side by side. The schema is a list of migrations keyed by
 * `PRAGMA user_version`; later features append to the list instead of editing it.
 */
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { TICKET_SCHEMA } from './schema/ticket.js';
import { Sqlite } from './sqlite.js';
import { PAYMENT_MIGRATION } from './payment/migration.js';
import { PLAN_MIGRATION } from './plan/schema.js';
import { ACCOUNT_SECURITY_MIGRATION } from './schema/account-security.js';
import { CLOCK_MIGRATION } from './clock/schema.js';

export type SandboxDatabase = Database.Database;
export type Statement<P extends unknown[] | object = unknown[], R = unknown> = Database.Statement<P, R>;

export const DATABASE_FILE = 'sandbox.db';

const MIGRATIONS: readonly string[] = [
  /* 1: identities, OAuth, billing accounts, bills, payments */ `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE app_user (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('customer', 'agent')),
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    locale TEXT NOT NULL,
    -- Base32 TOTP secret (RFC 6238); NULL while two-factor authentication is off.
    totp_secret TEXT,
    -- Last accepted TOTP time step, so that a code cannot be replayed.
    totp_last_step INTEGER,
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE oauth_client (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- SHA-256 of the client secret (secrets are long and random, so a slow hash adds nothing);
    -- NULL for public clients such as the CLI.
    secret_sha256 BLOB,
    grant_types TEXT NOT NULL,
    scope TEXT NOT NULL,
    -- Role of client_credentials tokens; NULL when the client only acts for users.
    role TEXT CHECK (role IN ('ci'))
  ) STRICT;

  CREATE TABLE oauth_session (
    id TEXT PRIMARY KEY,
    user_id TEXT REFERENCES app_user(id),
    client_id TEXT NOT NULL REFERENCES oauth_client(id),
    grant_type TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    user_agent TEXT,
    ip TEXT,
    revoked_at INTEGER
  ) STRICT;
  CREATE INDEX oauth_session_user ON oauth_session(user_id);

  -- Tokens are stored only as SHA-256 hashes; the clear value exists only in the response.
  CREATE TABLE oauth_token (
    token_hash BLOB PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    session_id TEXT NOT NULL REFERENCES oauth_session(id),
    scope TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX oauth_token_session ON oauth_token(session_id);

  CREATE TABLE login_failure (
    key TEXT NOT NULL,
    at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX login_failure_key_at ON login_failure(key, at);

  CREATE TABLE billing_account (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    account_type TEXT NOT NULL,
    state TEXT NOT NULL,
    rating_type TEXT NOT NULL,
    currency TEXT NOT NULL,
    -- Drives the sales taxes on the account's bills.
    province TEXT NOT NULL CHECK (province IN ('QC', 'ON')),
    owner_party_id TEXT NOT NULL,
    owner_name TEXT NOT NULL,
    street1 TEXT NOT NULL,
    street2 TEXT,
    city TEXT NOT NULL,
    postcode TEXT NOT NULL,
    country TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    presentation_media TEXT NOT NULL CHECK (presentation_media IN ('electronic', 'paper')),
    cycle_name TEXT NOT NULL,
    payment_due_days INTEGER NOT NULL,
    default_payment_method_id TEXT,
    default_payment_method_name TEXT,
    created_at TEXT NOT NULL,
    last_modified TEXT NOT NULL
  ) STRICT;

  -- Which users own which accounts (customers). Agents and CI clients are not listed: they see all.
  CREATE TABLE account_access (
    user_id TEXT NOT NULL REFERENCES app_user(id),
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, billing_account_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX account_access_account ON account_access(billing_account_id);

  CREATE TABLE product (
    id TEXT PRIMARY KEY,
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    name TEXT NOT NULL,
    product_type TEXT NOT NULL,
    is_add_on INTEGER NOT NULL,
    status TEXT NOT NULL,
    start_date TEXT NOT NULL,
    termination_date TEXT,
    recurring_price_cents INTEGER
  ) STRICT;
  CREATE INDEX product_account ON product(billing_account_id);

  CREATE TABLE customer_bill (
    id TEXT PRIMARY KEY,
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    bill_no TEXT NOT NULL UNIQUE,
    -- ISO 8601 UTC timestamps (toISOString), so text order is time order.
    bill_date TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    payment_due_date TEXT NOT NULL,
    next_bill_date TEXT,
    category TEXT NOT NULL,
    run_type TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('new', 'onHold', 'validated', 'sent', 'settled', 'partiallyPaid')),
    currency TEXT NOT NULL,
    tax_excluded_cents INTEGER NOT NULL,
    tax_included_cents INTEGER NOT NULL,
    previous_balance_cents INTEGER NOT NULL,
    amount_due_cents INTEGER NOT NULL,
    -- What is still owed of this bill's own charges (payments go to the oldest bill first).
    remaining_cents INTEGER NOT NULL,
    last_update TEXT NOT NULL
  ) STRICT;
  -- Lists are ordered by (bill_date, id): with id in the index, no sort step is needed.
  CREATE INDEX customer_bill_account_date ON customer_bill(billing_account_id, bill_date, id);
  CREATE INDEX customer_bill_date ON customer_bill(bill_date, id);
  CREATE INDEX customer_bill_state_date ON customer_bill(state, bill_date, id);

  CREATE TABLE bill_tax_item (
    bill_id TEXT NOT NULL REFERENCES customer_bill(id),
    seq INTEGER NOT NULL,
    tax_category TEXT NOT NULL,
    tax_rate REAL NOT NULL,
    tax_cents INTEGER NOT NULL,
    PRIMARY KEY (bill_id, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE applied_billing_rate (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL REFERENCES customer_bill(id),
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    seq INTEGER NOT NULL,
    rate_type TEXT NOT NULL,
    bill_section TEXT NOT NULL CHECK (bill_section IN ('serviceCharges', 'addOns', 'fees')),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    product_id TEXT,
    product_name TEXT,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    date TEXT NOT NULL,
    currency TEXT NOT NULL,
    tax_excluded_cents INTEGER NOT NULL,
    tax_included_cents INTEGER NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX applied_billing_rate_bill_seq ON applied_billing_rate(bill_id, seq);
  CREATE INDEX applied_billing_rate_account ON applied_billing_rate(billing_account_id, bill_id, seq);

  CREATE TABLE applied_billing_rate_tax (
    rate_id TEXT NOT NULL REFERENCES applied_billing_rate(id),
    seq INTEGER NOT NULL,
    tax_category TEXT NOT NULL,
    tax_rate REAL NOT NULL,
    tax_cents INTEGER NOT NULL,
    PRIMARY KEY (rate_id, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE payment (
    id TEXT PRIMARY KEY,
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    payment_date TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    channel TEXT NOT NULL,
    payment_method_id TEXT,
    payment_method_name TEXT,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX payment_account_date ON payment(billing_account_id, payment_date);

  -- The part of a payment applied to a bill (TMF678 appliedPayment).
  CREATE TABLE payment_allocation (
    payment_id TEXT NOT NULL REFERENCES payment(id),
    bill_id TEXT NOT NULL REFERENCES customer_bill(id),
    amount_cents INTEGER NOT NULL,
    PRIMARY KEY (payment_id, bill_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX payment_allocation_bill ON payment_allocation(bill_id);

  -- Payments a bill reports as received since the previous bill (its statement section), fixed
  -- when the bill is issued.
  CREATE TABLE bill_payment_received (
    bill_id TEXT NOT NULL REFERENCES customer_bill(id),
    payment_id TEXT NOT NULL REFERENCES payment(id),
    PRIMARY KEY (bill_id, payment_id)
  ) STRICT, WITHOUT ROWID;
  `,
  /* 2: exactly-once payments, payment methods, autopay */ PAYMENT_MIGRATION,
  /* 3: plans, orders and on-demand bills */ PLAN_MIGRATION,
  /* 4: profile and account security */ ACCOUNT_SECURITY_MIGRATION,
  /* 5: trouble tickets and live chat */ TICKET_SCHEMA,
  /* 6: the sandbox clock and its event log */ CLOCK_MIGRATION,
];

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

/** Deletes the database and its WAL side files, so the next open starts empty. */
export function removeDatabaseFiles(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    rmSync(databasePath(dataDir) + suffix, { force: true });
  }
}

export interface OpenOptions {
  /** Delete the database first. */
  reset?: boolean;
}

/** Opens (creating if needed) the sandbox database in `dataDir`, migrated to the latest schema. */
export function openDatabase(dataDir: string, options: OpenOptions = {}): SandboxDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (options.reset) removeDatabaseFiles(dataDir);
  const path = databasePath(dataDir);
  const db = new Sqlite(path);
  try {
    // The file holds password and token hashes: keep it private to its owner.
    chmodSync(path, 0o600);
    // First, so that everything after it waits for a concurrent writer instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL is durable against process crashes, which is all a sandbox needs.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Applies pending migrations, one immediate (write-locked) transaction each, re-reading the version
 * inside it: two processes opening a new database at once cannot both apply the same step.
 */
function migrate(db: SandboxDatabase): void {
  const step = db.transaction((): boolean => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(`the sandbox database has schema version ${current}, newer than this program (${MIGRATIONS.length}); start it with --reset`);
    }
    if (current === MIGRATIONS.length) return false;
    db.exec(MIGRATIONS[current] ?? '');
    db.pragma(`user_version = ${current + 1}`);
    return true;
  });
  while (step.immediate()) {
    // one migration per iteration
  }
}

export function getMeta(db: SandboxDatabase, key: string): string | undefined {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key);
  return row?.value;
}

export function setMeta(db: SandboxDatabase, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/**
 * Prepared statements for queries whose text depends on which filters a request uses. Each
 * distinct text is prepared once and reused; the number of texts is bounded by the combinations
 * of supported filters.
 */
export class StatementCache {
  readonly #db: SandboxDatabase;
  readonly #cache = new Map<string, Statement<Record<string, unknown>, unknown>>();

  constructor(db: SandboxDatabase) {
    this.#db = db;
  }

  get<R>(sql: string): Statement<Record<string, unknown>, R> {
    let statement = this.#cache.get(sql);
    if (!statement) {
      statement = this.#db.prepare<Record<string, unknown>, unknown>(sql);
      this.#cache.set(sql, statement);
    }
    return statement as Statement<Record<string, unknown>, R>;
  }
}
