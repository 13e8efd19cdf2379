/**
 * Credentials as a user meets them: the built CLI, the real sandbox, and the real OS keychain
 * (gnome-keyring in the throwaway D-Bus session that scripts/with-keyring.sh gives `npm test`).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let home: string;

beforeAll(async () => {
  if (process.env.ESPACE_TEST_KEYRING !== '1') {
    throw new Error('these tests need the real keychain: run them through scripts/with-keyring.sh (npm test does)');
  }
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-keychain-'));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

const PASSWORD = DEMO_PASSWORD;
const CONTEXT = 'keychain-e2e';

/** Every file under a directory, with its content: a token must appear in none of them. */
function filesContaining(dir: string, needle: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => readFileSync(file, 'utf8').includes(needle));
}

function keychainEntry(context: string): string {
  try {
    return execFileSync('secret-tool', ['search', '--all', 'service', 'espace', 'username', context], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return '';
  }
}

describe('with the OS keychain', () => {
  it('logs in into the keychain and nowhere on disk, uses it, and logs out of both server and keychain', async () => {
    const configDir = join(home, 'keychain-config');
    // A context of its own: the suite's files share one keyring, whose entries are named by context,
    // and another file logging in or out of the default context at the same time must not meet this one.
    const env = cliEnv({ url: sandbox.url, extra: { ESPACE_CONFIG_DIR: configDir, ESPACE_DATA_DIR: join(home, 'data'), ESPACE_CONTEXT: CONTEXT } });
    const added = await espace(['context', 'add', CONTEXT, '--url', sandbox.url], { env: { ...env, ESPACE_CONTEXT: undefined } });
    expect(added.code, added.stderr).toBe(0);

    const login = await espace(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin'], { env, input: `${PASSWORD}\n` });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stderr).toMatch(/token kept in the OS keychain/);

    const entry = keychainEntry(CONTEXT);
    const token = /esp_at_[A-Za-z0-9_-]+/.exec(entry)?.[0];
    expect(token, `secret-tool found: ${entry}`).toBeDefined();
    expect(filesContaining(configDir, token!)).toEqual([]);
    expect(filesContaining(home, token!)).toEqual([]);
    expect(existsSync(join(configDir, 'credentials.json'))).toBe(false);

    const status = await espace(['auth', 'status', '--json'], { env });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ user: 'marie.tremblay', source: 'keychain', valid: true });

    const bills = await espace(['bill', 'list', '--json'], { env });
    expect(bills.code, bills.stderr).toBe(0);
    expect(JSON.parse(bills.stdout)).toHaveLength(12);

    const logout = await espace(['auth', 'logout'], { env });
    expect(logout.code, logout.stderr).toBe(0);
    expect(keychainEntry(CONTEXT)).not.toMatch(/esp_at_/);
    const reuse = await fetch(`${sandbox.url}/tmf-api/customerBillManagement/v4/customerBill`, { headers: { authorization: `Bearer ${token}` } });
    expect(reuse.status).toBe(401);
  });
});

describe('without a keychain (no D-Bus session)', () => {
  // An address where no bus answers, so nothing can autolaunch one either.
  const noBus = (configDir: string) =>
    cliEnv({ url: sandbox.url, home, keychain: false, extra: { ESPACE_CONFIG_DIR: configDir, ESPACE_KEYCHAIN_TIMEOUT_MS: '3000' } });

  it('refuses to log in without --insecure-storage, clearly, writing nothing', async () => {
    const configDir = join(home, 'nobus-config');
    const login = await espace(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin'], { env: noBus(configDir), input: PASSWORD });
    expect(login.code).not.toBe(0);
    expect(login.stderr).toMatch(/keychain/i);
    expect(login.stderr).toMatch(/--insecure-storage/);
    expect(existsSync(join(configDir, 'credentials.json'))).toBe(false);
    expect(filesContaining(home, 'esp_at_')).toEqual([]);
  });

  it('with --insecure-storage keeps the token in a 0600 file in a 0700 directory, and refuses it once widened', async () => {
    const configDir = join(home, 'insecure-config');
    const env = noBus(configDir);
    const login = await espace(['auth', 'login', '--username', 'james.wilson', '--password-stdin', '--insecure-storage'], { env, input: PASSWORD });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stderr).toMatch(/kept in a file/);
    const file = join(configDir, 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(configDir).mode & 0o777).toBe(0o700);

    const status = await espace(['auth', 'status', '--json'], { env });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ user: 'james.wilson', source: 'file' });

    chmodSync(file, 0o644);
    const widened = await espace(['bill', 'list'], { env });
    expect(widened.code).not.toBe(0);
    expect(widened.stderr).toContain(file);
    expect(widened.stderr).toMatch(/chmod 600/);
  });
});
