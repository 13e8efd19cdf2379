/**
 * espace's compile-cache directory stays bounded (bin/cache-dir.js): once a day, a run removes the
 * entries not written for 30 days — the launcher's code caches (Node 20) and the per-version
 * directories of Node's own compile cache (Node 22+) — and nothing else; a directory the user names
 * in NODE_COMPILE_CACHE is never pruned. Runs the built CLI on whichever Node runs the tests.
 */
import { chmod, mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { espace } from '../helpers/spawn.js';

const DAY_S = 24 * 60 * 60;
const NODE_CACHES_ITSELF = Number(process.versions.node.split('.')[0]) >= 22;
let home: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-cache-prune-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

/**
 * A command that loads the CLI bundle without any server, with `tmp` as the temporary directory
 * (`exit-codes` prints a topic; `--help` no longer loads the bundle: its pages are built).
 */
function withoutServer(tmp: string, env: Record<string, string | undefined> = {}) {
  return espace(['exit-codes'], {
    env: {
      TMPDIR: tmp,
      NODE_COMPILE_CACHE: undefined,
      NODE_DISABLE_COMPILE_CACHE: undefined,
      NODE_OPTIONS: undefined,
      NODE_V8_COVERAGE: undefined,
      ESPACE_CONFIG_DIR: join(home, 'config'),
      ...env,
    },
  });
}

/** Sets a file's or directory's modification time `days` ago. */
async function age(path: string, days: number): Promise<void> {
  const when = Date.now() / 1000 - days * DAY_S;
  await utimes(path, when, when);
}

/** The directory espace uses by default under `tmp`, with the entries of a Node and an espace long gone. */
async function cacheWithStaleEntries(tmp: string): Promise<string> {
  const dir = join(tmp, `espace-compile-cache-${process.getuid!()}`);
  await mkdir(join(dir, 'v19.9.0-x64-0badc0de-0'), { recursive: true, mode: 0o700 });
  await writeFile(join(dir, 'v19.9.0-x64-0badc0de-0', '1a2b3c4d'), 'old');
  await writeFile(join(dir, 'main-0ld0ld.cache'), 'old');
  await writeFile(join(dir, 'undici-pool-recent.cache'), 'recent');
  await writeFile(join(dir, 'notes.txt'), 'not a cache entry');
  await age(join(dir, 'v19.9.0-x64-0badc0de-0'), 40);
  await age(join(dir, 'main-0ld0ld.cache'), 40);
  await age(join(dir, 'undici-pool-recent.cache'), 3);
  await age(join(dir, 'notes.txt'), 400);
  return dir;
}

/** What espace made for the running Node: its launcher entry, or Node's own per-version directory. */
function currentEntry(names: string[]): string | undefined {
  return names.find((name) =>
    NODE_CACHES_ITSELF ? name.startsWith(`${process.version}-`) : /^main-[0-9a-f]+\.cache$/.test(name) && name !== 'main-0ld0ld.cache',
  );
}

describe('the compile-cache directory', () => {
  it('loses the entries not written for 30 days, keeps the others and what is not a cache entry', async () => {
    const tmp = await mkdtemp(join(home, 'tmp-'));
    const dir = await cacheWithStaleEntries(tmp);
    const result = await withoutServer(tmp);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Exit codes of espace');
    const names = await readdir(dir);
    expect(names).not.toContain('main-0ld0ld.cache');
    expect(names).not.toContain('v19.9.0-x64-0badc0de-0');
    expect(names).toContain('undici-pool-recent.cache');
    expect(names).toContain('notes.txt');
    expect(currentEntry(names), names.join(', ')).toBeDefined();
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('looks at most once a day', async () => {
    const tmp = await mkdtemp(join(home, 'tmp-'));
    const dir = await cacheWithStaleEntries(tmp);
    expect((await withoutServer(tmp)).code).toBe(0);
    // Another stale entry right after a look: left until a day has passed since that look.
    await writeFile(join(dir, 'main-0ld0ld.cache'), 'old');
    await age(join(dir, 'main-0ld0ld.cache'), 40);
    expect((await withoutServer(tmp)).code).toBe(0);
    expect(await readdir(dir)).toContain('main-0ld0ld.cache');
    await age(join(dir, 'pruned'), 2);
    expect((await withoutServer(tmp)).code).toBe(0);
    expect(await readdir(dir)).not.toContain('main-0ld0ld.cache');
  });

  it('never prunes a directory named by NODE_COMPILE_CACHE, nor one that others can write to', async () => {
    const tmp = await mkdtemp(join(home, 'tmp-'));
    const dir = await cacheWithStaleEntries(tmp);
    expect((await withoutServer(tmp, { NODE_COMPILE_CACHE: dir })).code).toBe(0);
    expect(await readdir(dir)).toContain('main-0ld0ld.cache');
    expect(await readdir(dir)).toContain('v19.9.0-x64-0badc0de-0');

    const shared = await mkdtemp(join(home, 'tmp-'));
    const sharedDir = await cacheWithStaleEntries(shared);
    await chmod(sharedDir, 0o777);
    expect((await withoutServer(shared)).code).toBe(0);
    expect(await readdir(sharedDir)).toContain('main-0ld0ld.cache');
    expect(currentEntry(await readdir(sharedDir))).toBeUndefined();
  });
});
