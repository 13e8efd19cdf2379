/**
 * Token refresh is single-flight across processes, with the login in the --insecure-storage
 * file: one process refreshes; the others wait for its lock, re-read the stored login and use
 * the new token. All succeed, and the sandbox sees exactly one refresh.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { raceRefreshes } from './refresh-race.js';
import { cliEnv } from '../helpers/env.js';

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

describe('token refresh across processes', () => {
  it('8 processes with an expired token in the credential file: all exit 0, one refresh', async () => {
    const configDir = join(home, 'config');
    // No keychain here: the login goes to the --insecure-storage file.
    const env = cliEnv({ url: proxy.url, home, keychain: false, extra: { ESPACE_KEYCHAIN_TIMEOUT_MS: '3000', NODE_EXTRA_CA_CERTS: undefined } });
    const file = join(configDir, 'credentials.json');
    type Document = { version: number; credentials: Record<string, Record<string, unknown>> };
    const document = async () => JSON.parse(await readFile(file, 'utf8')) as Document;
    await raceRefreshes(proxy, env, ['--insecure-storage'], {
      read: async () => (await document()).credentials.sandbox as never,
      write: async (value) => {
        const whole = await document();
        whole.credentials.sandbox = value;
        await writeFile(file, JSON.stringify(whole), { mode: 0o600 });
      },
    });
    expect(existsSync(join(configDir, 'refresh-sandbox.lock'))).toBe(false);
  });
});
