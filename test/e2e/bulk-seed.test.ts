/** `espace sandbox seed --accounts N` (the built CLI): a fresh database with N generated accounts beside the demo ones. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/sandbox/db.js';
import { espace } from '../helpers/spawn.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'espace-seed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('reseeds the data directory with the generated accounts', async () => {
  for (const count of [40, 25]) {
    const result = await espace(['sandbox', 'seed', '--accounts', String(count), '--data', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Sandbox seeded with ${count} generated accounts`);
    const db = openDatabase(dir);
    try {
      const ids = (db.prepare('SELECT id FROM billing_account ORDER BY id').all() as { id: string }[]).map((row) => row.id);
      expect(ids.filter((id) => /^BA-1\d{5}$/.test(id))).toHaveLength(count);
      expect(ids).toContain('BA-1001');
    } finally {
      db.close();
    }
  }
});

it('asks for the number of accounts', async () => {
  const result = await espace(['sandbox', 'seed', '--data', dir]);
  expect(result.code).toBe(2);
  const bad = await espace(['sandbox', 'seed', '--accounts', 'lots', '--data', dir]);
  expect(bad.code).toBe(2);
});
