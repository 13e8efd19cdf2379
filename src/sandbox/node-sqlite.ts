/**
 * The part of better-sqlite3's API that the sandbox uses, over Node's built-in `node:sqlite`
 * (Node 22.13+), so that the same SQL, migrations and code run on both drivers and a normal
 * install compiles nothing.
 *
 * What differs and is smoothed over here: node:sqlite has no `pragma()`, no `transaction()`
 * helper and no busy timeout by default (better-sqlite3 waits 5 s); it rejects named parameters
 * the statement does not use (better-sqlite3 ignores them); it returns BLOBs as Uint8Array
 * (better-sqlite3: Buffer) and rows without a prototype.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** The few members of node:sqlite used here (its types are not in @types/node 20). */
interface NodeStatementSync {
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: unknown[]): Record<string, unknown> | undefined;
  all(...params: unknown[]): Record<string, unknown>[];
  iterate?(...params: unknown[]): IterableIterator<Record<string, unknown>>;
}
interface NodeDatabaseSync {
  prepare(sql: string): NodeStatementSync;
  exec(sql: string): void;
  close(): void;
  readonly isTransaction?: boolean;
}
export interface NodeSqliteModule {
  DatabaseSync: new (path: string, options?: { readOnly?: boolean; enableForeignKeyConstraints?: boolean }) => NodeDatabaseSync;
}

/** better-sqlite3's default busy timeout, which code and tests opening a second connection rely on. */
const BUSY_TIMEOUT_MS = 5000;

/** The names of the named parameters (`@x`, `:x`, `$x`) in `sql`, outside string literals and comments. */
function namedParameters(sql: string): Set<string> {
  const code = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  return new Set([...code.matchAll(/[@:$]([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string));
}

function isNamedParameters(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !Array.isArray(value);
}

/** A row as better-sqlite3 gives it: a plain object, BLOBs as Buffers. */
function toRow(row: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const key in row) {
    const value = row[key];
    plain[key] = value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
  }
  return plain;
}

class Statement {
  readonly #statement: NodeStatementSync;
  readonly #names: Set<string>;

  constructor(statement: NodeStatementSync, sql: string) {
    this.#statement = statement;
    this.#names = namedParameters(sql);
  }

  /** better-sqlite3 also accepts parameters as arrays; an object is named parameters, of which only the used ones are bound. */
  #bind(params: unknown[]): unknown[] {
    const flat = params.flatMap((param) => (Array.isArray(param) ? param : [param]));
    const first = flat[0];
    if (!isNamedParameters(first)) return flat;
    const named: Record<string, unknown> = {};
    for (const key of Object.keys(first)) if (this.#names.has(key)) named[key] = first[key];
    return [named, ...flat.slice(1)];
  }

  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint } {
    const result = this.#statement.run(...this.#bind(params));
    return { changes: Number(result.changes), lastInsertRowid: result.lastInsertRowid };
  }

  get(...params: unknown[]): unknown {
    const row = this.#statement.get(...this.#bind(params));
    return row === undefined ? undefined : toRow(row);
  }

  all(...params: unknown[]): unknown[] {
    return this.#statement.all(...this.#bind(params)).map(toRow);
  }

  *iterate(...params: unknown[]): IterableIterator<unknown> {
    const bound = this.#bind(params);
    if (this.#statement.iterate) {
      for (const row of this.#statement.iterate(...bound)) yield toRow(row);
    } else {
      yield* this.#statement.all(...bound).map(toRow);
    }
  }
}

type Mode = 'deferred' | 'immediate' | 'exclusive';

/**
 * A better-sqlite3 `Database` over node:sqlite: `prepare` (run/get/all/iterate), `exec`,
 * `pragma` (with `{ simple: true }`), `transaction` (with `.deferred/.immediate/.exclusive`, nested
 * calls as savepoints) and `close`.
 */
export function nodeSqliteDatabase(sqlite: NodeSqliteModule): typeof BetterSqlite3 {
  class Database {
    readonly #db: NodeDatabaseSync;
    #depth = 0;
    #open = true;

    constructor(path: string, options: { readonly?: boolean } = {}) {
      this.#db = new sqlite.DatabaseSync(path, { readOnly: options.readonly === true, enableForeignKeyConstraints: true });
      this.#db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }

    get open(): boolean {
      return this.#open;
    }

    get inTransaction(): boolean {
      return this.#db.isTransaction ?? this.#depth > 0;
    }

    prepare(sql: string): Statement {
      return new Statement(this.#db.prepare(sql), sql);
    }

    exec(sql: string): this {
      this.#db.exec(sql);
      return this;
    }

    pragma(source: string, options: { simple?: boolean } = {}): unknown {
      const rows = this.#db.prepare(`PRAGMA ${source}`).all().map(toRow);
      return options.simple ? (rows[0] === undefined ? undefined : Object.values(rows[0])[0]) : rows;
    }

    transaction<A extends unknown[], R>(fn: (...args: A) => R) {
      const run = (mode: Mode, args: A): R => {
        const nested = this.#depth > 0;
        const savepoint = `espace_${this.#depth}`;
        this.#db.exec(nested ? `SAVEPOINT ${savepoint}` : `BEGIN ${mode.toUpperCase()}`);
        this.#depth += 1;
        try {
          const result = fn(...args);
          if (result instanceof Promise) throw new TypeError('Transaction function cannot return a promise');
          this.#db.exec(nested ? `RELEASE ${savepoint}` : 'COMMIT');
          return result;
        } catch (error) {
          // SQLite may already have rolled back on its own (e.g. SQLITE_FULL): then there is nothing to undo.
          if (this.#db.isTransaction !== false) {
            try {
              this.#db.exec(nested ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
            } catch {
              // Nothing left to roll back.
            }
          }
          throw error;
        } finally {
          this.#depth -= 1;
        }
      };
      const deferred = (...args: A) => run('deferred', args);
      return Object.assign(deferred, {
        deferred,
        immediate: (...args: A) => run('immediate', args),
        exclusive: (...args: A) => run('exclusive', args),
      });
    }

    close(): this {
      if (this.#open) this.#db.close();
      this.#open = false;
      return this;
    }
  }
  return Database as unknown as typeof BetterSqlite3;
}
