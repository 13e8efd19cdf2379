/**
 * Eight commands started at once with an expired stored token: the built CLI, the real sandbox
 * (whose refresh tokens rotate: each works once), a stored login in the --insecure-storage file.
 * One process refreshes; the others wait for its lock, re-read the stored login and use the new
 * token. All succeed, and the sandbox sees exactly one refresh.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';

let sandbox: TestSandbox;
let proxy: FaultProxy;
let home: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  proxy = await startFaultProxy(sandbox.url, (method, path) => method === 'POST' && path.startsWith('/oauth/token'));
  home = await mkdtemp(join(tmpdir(), 'espace-refresh-race-'));
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

const PASSWORD = 'Espace-Demo-2026!';

describe('token refresh across processes', () => {
  it('8 processes with an expired stored token: all exit 0, one refresh', async () => {
    const configDir = join(home, 'config');
    const env = {
      ESPACE_API_URL: proxy.url,
      ESPACE_CONFIG_DIR: configDir,
      ESPACE_DATA_DIR: join(home, 'data'),
      // No keychain here: the login goes to the --insecure-storage file.
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/espace-no-bus',
      ESPACE_KEYCHAIN_TIMEOUT_MS: '3000',
      NODE_EXTRA_CA_CERTS: undefined,
    };
    const login = await espace(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin', '--insecure-storage'], { env, input: `${PASSWORD}\n` });
    expect(login.code, login.stderr).toBe(0);

    // The stored access token has expired (as far as the CLI can tell): every command must refresh first.
    const file = join(configDir, 'credentials.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { credentials: Record<string, { expiresAt: string; refreshToken: string }> };
    const before = stored.credentials.sandbox!;
    before.expiresAt = new Date(Date.now() - 3600_000).toISOString();
    await writeFile(file, JSON.stringify(stored), { mode: 0o600 });
    const tokenRequestsBefore = proxy.log.length;

    const runs = await Promise.all(Array.from({ length: 8 }, () => espace(['bill', 'list', '--json'], { env })));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toHaveLength(12);
    }
    const refreshes = proxy.log.slice(tokenRequestsBefore);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.upstreamStatus).toBe(200);

    const after = (JSON.parse(await readFile(file, 'utf8')) as typeof stored).credentials.sandbox!;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now());
    // No lock left behind.
    expect((await import('node:fs')).existsSync(join(configDir, 'refresh-sandbox.lock'))).toBe(false);
  });
});
