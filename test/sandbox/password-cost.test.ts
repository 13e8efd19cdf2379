/**
 * The password-hashing cost: the sandbox hashes at the production cost unless told otherwise, and
 * a test run asks for less (`--password-cost`, ESPACE_SANDBOX_PASSWORD_COST, or the test helper's
 * default), seeded users included. The one login at the production cost of the suite is here.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD_COST_ENV } from '../../src/sandbox/auth/password-cost.js';
import { PRODUCTION_LOG_N } from '../../src/sandbox/auth/password.js';
import { databasePath } from '../../src/sandbox/db.js';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { Sqlite } from '../../src/sandbox/sqlite.js';
import { startTestSandbox, TEST_PASSWORD_COST, type TestSandbox } from '../helpers/sandbox.js';
import { SANDBOX_PROGRAM } from '../helpers/spawn.js';
import { tokenRequest } from './client.js';

const { marie } = SEED_CREDENTIALS;
const started: TestSandbox[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.close();
});

/** The scrypt cost (ln) of marie's stored password hash. */
function storedCost(dataDir: string): number {
  const db = new Sqlite(databasePath(dataDir), { readonly: true });
  try {
    const row = db.prepare('SELECT password_hash FROM app_user WHERE username = ?').get(marie.username) as { password_hash: string };
    return Number(/^\$scrypt\$ln=(\d+),/.exec(row.password_hash)?.[1]);
  } finally {
    db.close();
  }
}

async function loginWorks(s: TestSandbox): Promise<void> {
  const right = await tokenRequest(s.url, { grant_type: 'password', username: marie.username, password: marie.password });
  expect(right.status).toBe(200);
  const wrong = await tokenRequest(s.url, { grant_type: 'password', username: marie.username, password: `${marie.password}x` });
  expect(wrong.status).toBe(400);
}

/** Runs the sandbox program to its end (`--seed-only`); resolves with its exit code and stderr. */
function program(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ESPACE_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [SANDBOX_PROGRAM, ...args], { env: { ...inherited, ...env } }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stderr }),
    );
  });
}

describe('password-hashing cost', () => {
  it('at the production cost: the seeded hashes are the production ones, and a login checks against them', async () => {
    const s = await startTestSandbox({ passwordHashing: { logN: PRODUCTION_LOG_N } });
    started.push(s);
    expect(storedCost(s.dataDir)).toBe(PRODUCTION_LOG_N);
    await loginWorks(s);
  });

  it('test sandboxes hash at the test cost, seeded users included, and logins still check the password', async () => {
    const s = await startTestSandbox();
    started.push(s);
    expect(storedCost(s.dataDir)).toBe(TEST_PASSWORD_COST);
    await loginWorks(s);
  });

  it('the sandbox program seeds at the production cost unless --password-cost or the environment asks for less', async () => {
    const dirs = await Promise.all([1, 2, 3].map(() => mkdtemp(join(tmpdir(), 'espace-cost-'))));
    const [plain, flag, env] = dirs as [string, string, string];
    expect((await program(['--data', plain, '--seed-only'])).code).toBe(0);
    expect((await program(['--data', flag, '--seed-only', '--password-cost', '11'])).code).toBe(0);
    expect((await program(['--data', env, '--seed-only'], { [PASSWORD_COST_ENV]: '12' })).code).toBe(0);
    expect([plain, flag, env].map(storedCost)).toEqual([PRODUCTION_LOG_N, 11, 12]);
  });

  it('refuses a cost out of range, naming where it came from', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'espace-cost-'));
    const flag = await program(['--data', dir, '--seed-only', '--password-cost', '9']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--password-cost: must be an integer from 10 to 17');
    const env = await program(['--data', dir, '--seed-only'], { [PASSWORD_COST_ENV]: 'cheap' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain(`${PASSWORD_COST_ENV}: must be an integer from 10 to 17`);
  });
});
