/**
 * Test sandboxes: a real server on a random port over a fresh copy of the seeded database.
 *
 * The seed is built once per test process (per anchor) into a template file, which each sandbox
 * copies, so starting one costs a file copy and a listen. The template also holds long-lived
 * access tokens for every seeded identity (`tokens`), for tests that need an authenticated caller
 * but are not about logging in.
 *
 * Passwords are hashed at {@link TEST_PASSWORD_COST} (the seeded users' hashes in the template
 * too): the production cost takes 128 MiB and a few hundred milliseconds a check, which a suite
 * logging in hundreds of times on a shared machine cannot afford. A test of the production cost
 * asks for it with `passwordHashing: { logN: PRODUCTION_LOG_N }`.
 *
 * Templates and data directories live under the run's temporary directory, which vitest's global
 * teardown removes (global-setup.ts), so a worker that exits without cleaning up leaves nothing.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rehashSeededPasswords } from '../../src/sandbox/auth/password-cost.js';
import { PRODUCTION_LOG_N } from '../../src/sandbox/auth/password.js';
import { TokenStore } from '../../src/sandbox/auth/tokens.js';
import { defaultSeedAnchor } from '../../src/sandbox/dates.js';
import { databasePath, openDatabase } from '../../src/sandbox/db.js';
import { SCOPES, SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { seedDatabase } from '../../src/sandbox/seed.js';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/server.js';

/** Access tokens of the seeded identities, valid for ten years from when the template was made. */
export interface SeedTokens {
  marie: string;
  james: string;
  luc: string;
  agent: string;
  ci: string;
}

/** The scrypt cost (log2 N) test sandboxes hash passwords at: the lowest the sandbox accepts. */
export const TEST_PASSWORD_COST = 10;

export type TestSandbox = RunningSandbox & { dataDir: string; tokens: SeedTokens };

interface Template {
  file: string;
  tokens: SeedTokens;
}

const TOKEN_LIFETIME_SECONDS = 10 * 365 * 24 * 3600;
const templates = new Map<string, Promise<Template>>();

async function createTemplate(anchor: string, syntheticAccounts: number, passwordCost: number): Promise<Template> {
  const dir = await mkdtemp(join(tmpdir(), 'espace-sandbox-template-'));
  const db = openDatabase(dir);
  try {
    seedDatabase(db, anchor, { syntheticAccounts });
    if (passwordCost !== PRODUCTION_LOG_N) await rehashSeededPasswords(db, passwordCost);
    const store = new TokenStore(db, () => Date.now(), { accessSeconds: 3600, refreshSeconds: 3600 });
    const mint = (userId: string | null, clientId: string, scope: string) =>
      store.mintAccessToken({ userId, clientId, grantType: 'test-fixture', userAgent: 'test helper', ip: null }, scope, TOKEN_LIFETIME_SECONDS);
    const cli = SEED_CREDENTIALS.cliClientId;
    const tokens: SeedTokens = {
      marie: mint(SEED_CREDENTIALS.marie.userId, cli, SCOPES.user),
      james: mint(SEED_CREDENTIALS.james.userId, cli, SCOPES.user),
      luc: mint(SEED_CREDENTIALS.luc.userId, cli, SCOPES.user),
      agent: mint(SEED_CREDENTIALS.agent.userId, cli, SCOPES.user),
      ci: mint(null, SEED_CREDENTIALS.ci.clientId, SCOPES.ci),
    };
    // Fold the WAL into the main file so that copying that one file copies everything.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { file: databasePath(dir), tokens };
  } finally {
    db.close();
  }
}

function templateFor(anchor: string, syntheticAccounts: number, passwordCost: number): Promise<Template> {
  const key = `${anchor}+${syntheticAccounts}+${passwordCost}`;
  let template = templates.get(key);
  if (!template) {
    template = createTemplate(anchor, syntheticAccounts, passwordCost);
    // A failed attempt is not cached, so the next test gets a fresh try and the real error.
    template.catch(() => templates.delete(key));
    templates.set(key, template);
  }
  return template;
}

/**
 * Starts a sandbox on 127.0.0.1, port 0, over a fresh seeded database in a temporary directory.
 * `close()` stops it and deletes the directory. Any option can be overridden except `dataDir`;
 * passwords are hashed at {@link TEST_PASSWORD_COST} unless `passwordHashing.logN` says otherwise.
 */
export async function startTestSandbox(opts: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const anchor = opts.seedAnchor ?? defaultSeedAnchor(opts.now?.() ?? new Date());
  const passwordHashing = { logN: TEST_PASSWORD_COST, ...opts.passwordHashing };
  const template = await templateFor(anchor, opts.syntheticAccounts ?? 0, passwordHashing.logN);
  const dataDir = await mkdtemp(join(tmpdir(), 'espace-sandbox-'));
  try {
    await copyFile(template.file, databasePath(dataDir));
    const running = await startSandbox({ host: '127.0.0.1', port: 0, ...opts, passwordHashing, seedAnchor: anchor, dataDir });
    let closing: Promise<void> | null = null;
    return {
      ...running,
      dataDir,
      tokens: template.tokens,
      close: () => (closing ??= running.close().finally(() => rm(dataDir, { recursive: true, force: true }))),
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
