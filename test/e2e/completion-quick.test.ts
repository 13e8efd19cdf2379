/**
 * `espace __complete KIND`, run at every TAB that completes an id, is answered by the launcher
 * without the CLI's main (commander, the command tree, the message catalog): the built CLI against
 * a test sandbox, a preload listing the files the process loaded, and each answer compared with
 * the one the CLI's main gives (a command line the quick path leaves to it: `--lang en` first).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { loadedPreload, readLoaded } from '../helpers/loaded.js';

let sandbox: TestSandbox;
let home: string;
let reportingTo: ReturnType<typeof loadedPreload>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-quick-tab-'));
  reportingTo = loadedPreload(home);
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

let runs = 0;
/** Runs espace; resolves its output and the files it loaded. */
async function run(args: string[], env: Record<string, string | undefined>) {
  const loadedFile = join(home, `loaded-${++runs}.json`);
  const result = await espace(args, { env: { ...env, ...reportingTo(loadedFile) } });
  const { files: loaded, internals } = readLoaded(loadedFile);
  return { ...result, loaded, internals, mainLoaded: loaded.some((file) => file.endsWith(join('dist', 'cli', 'main.js'))) };
}

/** Code the quick path must not load: commander (its error codes) and the catalog (a core message's key). */
function heavyCode(loaded: string[]): string[] {
  return loaded.filter((file) => {
    const text = readFileSync(file, 'utf8');
    return text.includes('commander.unknownOption') || text.includes('core.dryRun.wouldSend');
  });
}

const tokenEnv = () => cliEnv({ url: sandbox.url, token: sandbox.tokens.marie, home, extra: { ESPACE_COMPLETION_TIMEOUT_MS: '30000' } });

describe('espace __complete, answered by the launcher', () => {
  it.each(['bill', 'account', 'ticket', 'context'])('offers the same %s values as the CLI’s main, loading neither commander nor the catalog', async (kind) => {
    const quick = await run(['__complete', kind], tokenEnv());
    const full = await run(['--lang', 'en', '__complete', kind], tokenEnv());
    expect(quick.code, quick.stderr).toBe(0);
    expect(full.code, full.stderr).toBe(0);
    expect(quick.stderr).toBe('');
    expect(quick.stdout).toBe(full.stdout);
    expect(quick.stdout).not.toBe('');
    expect(quick.mainLoaded).toBe(false);
    expect(heavyCode(quick.loaded)).toEqual([]);
    // The comparison is with the other path indeed.
    expect(full.mainLoaded).toBe(true);
    // Node's own fetch (its internal undici) is not loaded by the request: on Node 24+, reading
    // every property of node:http (an import() of it, in the bundle) did.
    for (const run of [quick, full]) expect(run.internals.filter((name) => name.includes('undici'))).toEqual([]);
    // Nor the refresh lock's file modules (a token that needs no refresh takes no lock), nor
    // node:crypto (request ids are made without it): each costs every command its loading.
    for (const run of [quick, full]) {
      expect(run.internals).not.toContain('NativeModule fs/promises');
      expect(run.internals).not.toContain('NativeModule crypto');
    }
  });

  it('takes the target from --api-url and --context, in both spellings', async () => {
    const env = { ...tokenEnv(), ESPACE_API_URL: undefined };
    const expected = await run(['--lang', 'en', '--api-url', sandbox.url, '__complete', 'bill'], env);
    expect(expected.stdout).toMatch(/^latest\nCB-/);
    for (const args of [
      ['--api-url', sandbox.url, '__complete', 'bill'],
      [`--api-url=${sandbox.url}`, '--context=sandbox', '__complete', 'bill'],
      ['--context', 'sandbox', '--api-url', sandbox.url, '__complete', 'bill'],
    ]) {
      const quick = await run(args, env);
      expect(quick.stdout, args.join(' ')).toBe(expected.stdout);
      expect(quick.mainLoaded).toBe(false);
    }
  });

  it('offers nothing, silently and with status 0, for an unknown context or an unreachable server', async () => {
    for (const [args, env] of [
      [['--context', 'nowhere', '__complete', 'bill'], tokenEnv()],
      [['__complete', 'bill'], { ...tokenEnv(), ESPACE_API_URL: 'http://127.0.0.1:9' }],
    ] as const) {
      const quick = await run([...args], env);
      expect(quick).toMatchObject({ code: 0, stdout: '', stderr: '', mainLoaded: false });
    }
  });

  it('leaves any other command line to the CLI’s main, which says what is wrong', async () => {
    const wrong = await run(['__complete', 'bogus'], tokenEnv());
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/invalid value 'bogus'/);
    expect(wrong.mainLoaded).toBe(true);
  });

  it('hands a command line it does not answer to the CLI’s main whole: a server’s error reads as the main’s own', async () => {
    // `__complete` as a bill id: the quick path looks first (its modules, the HTTP client's among
    // them, are loaded by then), and leaves the command to the main, whose error classes must be
    // the ones the client throws.
    const handed = await run(['bill', 'show', '__complete', '--account', 'BA-1001'], tokenEnv());
    const plain = await run(['bill', 'show', 'CB-NONE', '--account', 'BA-1001'], tokenEnv());
    expect(handed.mainLoaded).toBe(true);
    expect(plain.stderr).toMatch(/No CustomerBill with id CB-NONE/);
    expect(handed.stderr).toMatch(/No CustomerBill with id __complete/);
    expect(handed.code).toBe(plain.code);
  });

  it.runIf(process.env.ESPACE_TEST_KEYRING === '1')('uses a login kept in the OS keychain, as the CLI’s main does', async () => {
    // A context of its own: the suite's files share one keyring, whose entries are named by context.
    const env = cliEnv({
      url: sandbox.url,
      extra: { ESPACE_CONFIG_DIR: join(home, 'keychain-config'), ESPACE_COMPLETION_TIMEOUT_MS: '30000', ESPACE_CONTEXT: 'quick-tab' },
    });
    const added = await espace(['context', 'add', 'quick-tab', '--url', sandbox.url], { env: { ...env, ESPACE_CONTEXT: undefined } });
    expect(added.code, added.stderr).toBe(0);
    const login = await espace(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin'], { env, input: `${DEMO_PASSWORD}\n` });
    expect(login.code, login.stderr).toBe(0);
    try {
      const quick = await run(['__complete', 'bill'], env);
      const full = await run(['--lang', 'en', '__complete', 'bill'], env);
      expect(quick.stdout).toMatch(/^latest\nCB-/);
      expect(quick.stdout).toBe(full.stdout);
      expect(quick.mainLoaded).toBe(false);
      expect(heavyCode(quick.loaded)).toEqual([]);
      // The keychain's binding is CommonJS, loaded with require(): the ES module loader does not
      // scan its source for exports (Node 20 loads the scanner only for that).
      expect(quick.loaded.some((file) => /@napi-rs[\\/]keyring[\\/]index\.js$/.test(file))).toBe(true);
      expect(quick.internals.filter((name) => name.includes('cjs-module-lexer'))).toEqual([]);
      // Reading a login writes nothing: node:crypto (for a written file's temporary name) stays unloaded.
      for (const run of [quick, full]) expect(run.internals).not.toContain('NativeModule crypto');
    } finally {
      await espace(['auth', 'logout'], { env });
    }
  });
});
