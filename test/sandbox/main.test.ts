import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Sqlite as Database } from '../../src/sandbox/sqlite.js';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runProgram, waitForFile, type Run } from '../helpers/program.js';

// main.ts runs as the CLI runs it: bundled like the real build (fastify and better-sqlite3 left
// external) into a directory whose node_modules resolve them, then spawned as a child process.

const root = resolve(import.meta.dirname, '../..');
let program: string;
const children: ChildProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  const outDir = join(root, 'node_modules', '.cache', 'espace-sandbox-test');
  mkdirSync(outDir, { recursive: true });
  program = join(outDir, `main-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, 'src/sandbox/main.ts')],
    outfile: program,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['fastify', 'better-sqlite3'],
    logLevel: 'silent',
  });
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  if (program) await rm(program, { force: true });
});

async function dataDir(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'espace-main-'));
  dirs.push(parent);
  return join(parent, 'data');
}

function run(args: string[]): Run {
  const started = runProgram(program, args);
  children.push(started.child);
  return started;
}

describe('main.ts', () => {
  it('--seed-only creates a private data directory with a seeded database and exits 0 silently', async () => {
    const dir = await dataDir();
    const seeding = run(['--data', dir, '--seed-only', '--seed-anchor', '2026-11-01']);
    expect(await seeding.exit).toBe(0);
    expect(seeding.stdout()).toBe('');
    expect(seeding.stderr()).toBe('');
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(existsSync(join(dir, 'sandbox.json'))).toBe(false);
    const db = new Database(join(dir, 'sandbox.db'), { readonly: true });
    const count = (db.prepare('SELECT count(*) AS n FROM customer_bill').get() as { n: number }).n;
    db.close();
    expect(count).toBe(36);
  });

  it('seeds once when several processes start on a new data directory at the same time', async () => {
    const dir = await dataDir();
    const runs = [1, 2, 3, 4].map(() => run(['--data', dir, '--seed-only', '--seed-anchor', '2026-11-01']));
    expect(await Promise.all(runs.map((r) => r.exit))).toEqual([0, 0, 0, 0]);
    expect(runs.map((r) => r.stderr()).join('')).toBe('');
    const db = new Database(join(dir, 'sandbox.db'), { readonly: true });
    const count = (db.prepare('SELECT count(*) AS n FROM customer_bill').get() as { n: number }).n;
    db.close();
    expect(count).toBe(36);
  });

  it('keeps data across runs (warning about another anchor); --reset reseeds', async () => {
    const dir = await dataDir();
    expect(await run(['--data', dir, '--seed-only']).exit).toBe(0);
    const db = new Database(join(dir, 'sandbox.db'));
    db.prepare("UPDATE billing_account SET name = 'changed' WHERE id = 'BA-1001'").run();
    db.close();
    expect(await run(['--data', dir, '--seed-only']).exit).toBe(0);
    const name = () => {
      const check = new Database(join(dir, 'sandbox.db'), { readonly: true });
      const row = check.prepare("SELECT name FROM billing_account WHERE id = 'BA-1001'").get() as { name: string };
      check.close();
      return row.name;
    };
    expect(name()).toBe('changed');
    const otherAnchor = run(['--data', dir, '--seed-only', '--seed-anchor', '2020-01-01']);
    expect(await otherAnchor.exit).toBe(0);
    expect(otherAnchor.stderr()).toMatch(/^warning: .* was seeded with anchor \d{4}-\d\d-01, not 2020-01-01; add --reset to reseed\n$/);
    expect(name()).toBe('changed');
    expect(await run(['--data', dir, '--seed-only', '--reset']).exit).toBe(0);
    expect(name()).toBe('Marie Tremblay');
  });

  it('writes sandbox.json only once listening, and removes it on SIGTERM', async () => {
    const dir = await dataDir();
    mkdirSync(dir, { mode: 0o700 });
    const server = run(['--data', dir, '--port', '0', '--access-ttl', '120']);
    await waitForFile(dir, 'sandbox.json', server);
    const state = JSON.parse(await readFile(join(dir, 'sandbox.json'), 'utf8'));
    expect(state).toEqual({
      pid: server.child.pid,
      url: `http://127.0.0.1:${state.port}`,
      port: expect.any(Number),
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(state.port).toBeGreaterThan(0);
    // The file exists, so the server must already answer.
    const health = await fetch(`${state.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const token = await fetch(`${state.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'espace-ci', client_secret: 'espace-ci-sandbox-secret' }),
    });
    expect(((await token.json()) as { expires_in: number }).expires_in).toBe(120);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await stat(join(dir, 'sandbox.json'))).mode & 0o077).toBe(0);

    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(existsSync(join(dir, 'sandbox.json'))).toBe(false);
    expect(server.stdout()).toBe('');
    expect(server.stderr()).toBe('');
  });

  it('exits 1 with one clear line when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const dir = await dataDir();
      const server = run(['--data', dir, '--port', String(port)]);
      expect(await server.exit).toBe(1);
      expect(server.stderr()).toBe(`port ${port} is already in use on 127.0.0.1; choose another with --port\n`);
      expect(server.stdout()).toBe('');
      expect(existsSync(join(dir, 'sandbox.json'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('exits 2 with usage on bad arguments', async () => {
    for (const args of [[], ['--data'], ['--data', 'x', '--port', 'abc'], ['--data', 'x', '--seed-anchor', '2026-02-30'], ['--data', 'x', '--bogus']]) {
      const bad = run(args);
      expect(await bad.exit, args.join(' ')).toBe(2);
      expect(bad.stderr()).toContain('usage:');
    }
  });
});
