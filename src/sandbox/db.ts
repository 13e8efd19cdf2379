/**
 * The sandbox's storage: one SQLite file (`<dataDir>/sandbox.db`) in WAL mode, so the server, a
 * `--seed-only` run and tests can open it side by side. The schema is a list of migrations keyed by
 * `PRAGMA user_version`; later features append to the list instead of editing it.
 */
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { BASE_MIGRATION } from './base-migration.js';
import { TICKET_MIGRATION } from './tickets/migration.js';
import { Sqlite } from './sqlite.js';
import { PAYMENT_MIGRATION } from './payment/migration.js';
import { PLAN_MIGRATION } from './plan/migration.js';
import { ACCOUNT_SECURITY_MIGRATION } from './auth/migration.js';
import { CLOCK_MIGRATION } from './clock/migration.js';

export type SandboxDatabase = Database.Database;
export type Statement<P extends unknown[] | object = unknown[], R = unknown> = Database.Statement<P, R>;

export const DATABASE_FILE = 'sandbox.db';

const MIGRATIONS: readonly string[] = [
  /* 1: identities, OAuth, billing accounts, bills, payments */ BASE_MIGRATION,
  /* 2: exactly-once payments, payment methods, autopay */ PAYMENT_MIGRATION,
  /* 3: plans, orders and on-demand bills */ PLAN_MIGRATION,
  /* 4: profile and account security */ ACCOUNT_SECURITY_MIGRATION,
  /* 5: trouble tickets and live chat */ TICKET_MIGRATION,
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
