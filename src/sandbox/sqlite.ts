/**
 * The SQLite driver, chosen by Node version: Node's built-in `node:sqlite` on Node 22.13+ (nothing
 * to install or compile), better-sqlite3 on Node 20, where it is an optional dependency. Only the
 * sandbox needs SQLite, so a missing driver is reported when the sandbox opens its database, not
 * when this module is imported, and says what to install or which Node to use.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import { nodeSqliteDatabase, type NodeSqliteModule } from './node-sqlite.js';

export type SqliteConstructor = typeof BetterSqlite3;

/** No SQLite driver can be loaded on this Node; the message says what to do (one line). */
export class SqliteUnavailableError extends Error {}

/** Where better-sqlite3 would be installed for this copy of espace (its package directory). */
function packageDir(): string {
  // dist/sandbox/main.js, dist/chunks/*.js or src/sandbox/sqlite.ts: two levels below the package.
  return dirname(dirname(dirname(fileURLToPath(import.meta.url))));
}

/**
 * `node:sqlite`, or undefined where Node does not have it unflagged (before 22.13). Loading it on
 * 22 prints an ExperimentalWarning: that one warning, and only it, is kept off stderr.
 */
function loadNodeSqlite(): NodeSqliteModule | undefined {
  const emitWarning = process.emitWarning;
  process.emitWarning = function filtered(this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === 'string' ? warning : warning.message;
    const type = typeof warning === 'string' ? (typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type) : warning.name;
    if (type === 'ExperimentalWarning' && /SQLite/i.test(text)) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return process.getBuiltinModule?.('node:sqlite') as NodeSqliteModule | undefined;
  } catch {
    return undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
}

function loadBetterSqlite3(): SqliteConstructor {
  try {
    return createRequire(import.meta.url)('better-sqlite3') as SqliteConstructor;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new SqliteUnavailableError(
      `the sandbox needs SQLite, which Node ${process.versions.node} does not have built in, and better-sqlite3 did not load (${reason}). ` +
        `Use Node 22.13 or later (its built-in SQLite needs nothing installed), or install better-sqlite3 for this Node: ` +
        `npm install --omit=dev --no-save --prefix "${packageDir()}" better-sqlite3@12 (it is compiled where no prebuilt binary is available, which needs python3, make and a C++ compiler).`,
    );
  }
}

let driver: SqliteConstructor | undefined;

/** The `Database` constructor of the driver for this Node; throws SqliteUnavailableError when there is none. */
export function sqliteDriver(): SqliteConstructor {
  if (!driver) {
    const builtin = loadNodeSqlite();
    driver = builtin ? nodeSqliteDatabase(builtin) : loadBetterSqlite3();
  }
  return driver;
}

/** Which driver `sqliteDriver()` uses on this Node. */
export function sqliteDriverName(): 'node:sqlite' | 'better-sqlite3' {
  return loadNodeSqlite() ? 'node:sqlite' : 'better-sqlite3';
}

/** The `Database` constructor of the driver for this Node, loaded on first use. */
export const Sqlite: SqliteConstructor = function Sqlite(...args: ConstructorParameters<SqliteConstructor>) {
  const Database = sqliteDriver();
  return new Database(...args);
} as unknown as SqliteConstructor;
