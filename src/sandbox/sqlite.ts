/**
 * The SQLite driver, chosen by Node version. better-sqlite3 12 is the last that runs on Node 20
 * (13 crashes it), but on Node 24.19+ a garbage-collected 12 statement aborts the process
 * (`RemoveEnvironmentCleanupHook … (env) != nullptr`), which 13 fixes. Both are installed (13 as
 * an optional alias, `better-sqlite3-node22`) and each Node loads the one that works on it.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export type SqliteConstructor = typeof BetterSqlite3;

const major = Number(process.versions.node.split('.')[0]);
const load = createRequire(import.meta.url);

function driver(): SqliteConstructor {
  if (major >= 22) {
    try {
      return load('better-sqlite3-node22') as SqliteConstructor;
    } catch (error) {
      throw new Error(
        `better-sqlite3 13 (package better-sqlite3-node22) is needed on Node ${process.versions.node} but did not load ` +
          `(${(error as Error).message.split('\n')[0]}); run npm install (or npm rebuild better-sqlite3-node22) with this Node`,
      );
    }
  }
  return load('better-sqlite3') as SqliteConstructor;
}

/** The `Database` constructor of the driver for this Node. */
export const Sqlite: SqliteConstructor = driver();
