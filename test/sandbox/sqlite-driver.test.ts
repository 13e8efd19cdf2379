import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sqlite, sqliteDriverName } from '../../src/sandbox/sqlite.js';

// The sandbox's code is written against better-sqlite3's API; on Node 22.13+ it runs on node:sqlite
// through an adapter. These tests pin the behaviours the sandbox relies on, and run on whichever
// driver this Node uses (CI runs them on Node 20 and on 22, 24 and 26).

const root = resolve(import.meta.dirname, '../..');
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const hasBuiltinSqlite = major > 22 || (major === 22 && minor >= 13);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'espace-sqlite-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function open(name: string) {
  const db = new Sqlite(join(dir, name));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB) STRICT');
  return db;
}

describe('the SQLite driver', () => {
  it('is node:sqlite from Node 22.13 on, better-sqlite3 before', () => {
    expect(sqliteDriverName()).toBe(hasBuiltinSqlite ? 'node:sqlite' : 'better-sqlite3');
  });

  it('binds positional and named parameters, ignoring named ones the statement does not use', () => {
    const db = open('params.db');
    try {
      const insert = db.prepare('INSERT INTO t (name, data) VALUES (@name, @data)');
      const first = insert.run({ name: 'a', data: Buffer.from([1, 2]), unused: 'ignored' });
      expect(first.changes).toBe(1);
      expect(Number(first.lastInsertRowid)).toBe(1);
      db.prepare('INSERT INTO t (name) VALUES (?)').run('b');
      const row = db.prepare<[number], { id: number; name: string; data: Buffer }>('SELECT * FROM t WHERE id = ?').get(1);
      expect(row).toEqual({ id: 1, name: 'a', data: Buffer.from([1, 2]) });
      // BLOBs come back as Buffers, rows as plain objects.
      expect(Buffer.isBuffer(row?.data)).toBe(true);
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(db.prepare('SELECT name FROM t ORDER BY id').all()).toEqual([{ name: 'a' }, { name: 'b' }]);
      expect([...db.prepare('SELECT id FROM t WHERE name <> :skip ORDER BY id').iterate({ skip: 'a' })]).toEqual([{ id: 2 }]);
      expect(db.prepare('SELECT * FROM t WHERE id = ?').get(99)).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('commits a transaction, rolls it back when its function throws, and nests as a savepoint', () => {
    const db = open('tx.db');
    try {
      const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
      const count = () => db.prepare('SELECT count(*) AS n FROM t').get() as { n: number };
      expect(db.transaction((name: string) => insert.run(name).changes)('kept')).toBe(1);
      expect(() =>
        db
          .transaction(() => {
            insert.run('lost');
            throw new Error('boom');
          })
          .immediate(),
      ).toThrow('boom');
      expect(count().n).toBe(1);
      expect(db.inTransaction).toBe(false);
      db.transaction(() => {
        insert.run('outer');
        expect(() =>
          db.transaction(() => {
            insert.run('inner');
            throw new Error('inner fails');
          })(),
        ).toThrow('inner fails');
        expect(db.inTransaction).toBe(true);
      })();
      expect(db.prepare('SELECT name FROM t ORDER BY id').all()).toEqual([{ name: 'kept' }, { name: 'outer' }]);
    } finally {
      db.close();
    }
  });

  it('runs pragmas, with { simple: true } giving the first value', () => {
    const db = open('pragma.db');
    try {
      // better-sqlite3 waits up to 5 s for a lock by default; code opening a second connection relies on it.
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('user_version = 7')).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(7);
      expect(db.pragma('journal_mode = WAL', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });
});

/** Runs dist/sandbox/main.js with better-sqlite3 made unloadable, as after an install that skipped it. */
async function seedWithoutBetterSqlite3(): Promise<{ code: number | null; stderr: string }> {
  const preload = join(dir, 'no-better-sqlite3.cjs');
  await writeFile(
    preload,
    `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'better-sqlite3') throw new Error("Cannot find module 'better-sqlite3'");
  return load.call(this, request, ...rest);
};
`,
  );
  const child = spawn(process.execPath, ['--require', preload, join(root, 'dist/sandbox/main.js'), '--data', join(dir, 'data'), '--seed-only'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, stderr };
}

describe('the built sandbox without better-sqlite3', () => {
  it.runIf(hasBuiltinSqlite)('seeds on node:sqlite, printing nothing (not even the ExperimentalWarning)', async () => {
    expect(await seedWithoutBetterSqlite3()).toEqual({ code: 0, stderr: '' });
  });

  it.skipIf(hasBuiltinSqlite)('exits 1 with one line saying which Node to use or what to install', async () => {
    const { code, stderr } = await seedWithoutBetterSqlite3();
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('Use Node 22.13 or later');
    expect(stderr).toMatch(/npm install .*better-sqlite3@12/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
