/**
 * The compile caches, through the built CLI. On Node 20, the launcher's V8 code caches
 * (bin/v8-code-cache.js): entries are made for dist/cli/main.js and for the chunks a command
 * loads; a second run uses them without rewriting them; damaged entries are ignored and replaced;
 * a directory that others can write to is never used. On Node 22+, Node's own compile cache,
 * enabled by bin/load-cli.js in espace's directory: made on the first run, used on the next.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { cliEnv } from '../helpers/env.js';

const NODE_CACHES_CHUNKS = Number(process.versions.node.split('.')[0]) >= 22;
let sandbox: TestSandbox;
let home: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = await mkdtemp(join(tmpdir(), 'espace-code-cache-'));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

/** A network command: it loads the HTTP client, zod and its own chunk after main.js. */
function showBill(cacheDir: string) {
  return espace(['bill', 'show', '--account', 'BA-1001', '--json'], {
    env: cliEnv({
      url: sandbox.url,
      token: sandbox.tokens.ci,
      home,
      // Source maps or coverage would switch the cache off; the test's own options are not the user's.
      extra: { NODE_COMPILE_CACHE: cacheDir, NODE_OPTIONS: undefined, NODE_V8_COVERAGE: undefined },
    }),
  });
}

/** The same command with no NODE_COMPILE_CACHE: espace's own directory under `tmp`. */
function showBillDefaultCache(tmp: string) {
  return espace(['bill', 'show', '--account', 'BA-1001', '--json'], {
    env: {
      ESPACE_API_URL: sandbox.url,
      ESPACE_TOKEN: sandbox.tokens.ci,
      ESPACE_CONFIG_DIR: join(home, 'config'),
      TMPDIR: tmp,
      NODE_COMPILE_CACHE: undefined,
      NODE_OPTIONS: undefined,
      NODE_V8_COVERAGE: undefined,
    },
  });
}

async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.cache')).sort();
}

describe('the code cache', () => {
  it.skipIf(!NODE_CACHES_CHUNKS)("is Node's own on Node 22+, in espace's directory: made on the first run, used as it is on the next", async () => {
    const tmp = join(home, 'tmp-node');
    await mkdir(tmp);
    const first = await showBillDefaultCache(tmp);
    expect(first.code, first.stderr).toBe(0);
    const dir = join(tmp, `espace-compile-cache-${process.getuid!()}`);
    const [versionDir, ...others] = (await readdir(dir)).filter((name) => name.startsWith(`${process.version}-`));
    expect(versionDir, (await readdir(dir)).join(', ')).toBeDefined();
    expect(others).toEqual([]);
    const made = (await readdir(join(dir, versionDir!))).sort();
    // main.js and the chunks the command loaded after it (its own code, undici, zod…).
    expect(made.length).toBeGreaterThan(2);
    const times = async () => Promise.all(made.map(async (name) => (await stat(join(dir, versionDir!, name))).mtimeMs));
    const before = await times();
    const second = await showBillDefaultCache(tmp);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect((await readdir(join(dir, versionDir!))).sort()).toEqual(made);
    expect(await times()).toEqual(before);
  });

  it.skipIf(NODE_CACHES_CHUNKS)('is made on the first run, used as it is on the next, and replaced when damaged', async () => {
    const dir = join(home, 'cache');
    const first = await showBill(dir);
    expect(first.code, first.stderr).toBe(0);
    const made = await entries(dir);
    expect(made.some((name) => name.startsWith('main-'))).toBe(true);
    expect(made.some((name) => name.startsWith('http-'))).toBe(true);

    const before = await Promise.all(made.map(async (name) => (await stat(join(dir, name))).mtimeMs));
    const second = await showBill(dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(await entries(dir)).toEqual(made);
    expect(await Promise.all(made.map(async (name) => (await stat(join(dir, name))).mtimeMs))).toEqual(before);

    // Flip the last byte of each entry (V8's data, covered by the entry's checksum).
    const damaged = new Map<string, Buffer>();
    for (const name of made) {
      const bytes = await readFile(join(dir, name));
      bytes[bytes.length - 1]! ^= 0xff;
      await writeFile(join(dir, name), bytes);
      damaged.set(name, bytes);
    }
    const third = await showBill(dir);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toBe(first.stdout);
    for (const [name, bytes] of damaged) expect((await readFile(join(dir, name))).equals(bytes), name).toBe(false);
  });

  it('never uses a directory that others can write to', async () => {
    const dir = join(home, 'shared-cache');
    await showBill(dir);
    await chmod(dir, 0o777);
    for (const name of await entries(dir)) await rm(join(dir, name));
    const result = await showBill(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(await entries(dir)).toEqual([]);
  });
});
