/**
 * Token refresh is single-flight across processes, with the login in the OS keychain (the real
 * gnome-keyring of scripts/with-keyring.sh): eight commands at once with an expired token, one
 * refresh, all exit 0.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTestKeyring, secretTool } from '../auth/helpers.js';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { raceRefreshes } from './refresh-race.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let proxy: FaultProxy;
let home: string;

beforeAll(async () => {
  requireTestKeyring();
  sandbox = await startTestSandbox();
  proxy = await startFaultProxy(sandbox.url, (method, path) => method === 'POST' && path.startsWith('/oauth/token'));
  home = await mkdtemp(join(tmpdir(), 'espace-refresh-race-keychain-'));
});
afterAll(async () => {
  await secretTool(['clear', 'service', 'espace', 'username', 'race']).catch(() => undefined);
  await proxy?.close();
  await sandbox?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('token refresh across processes, keychain', () => {
  it('8 processes with an expired token in the keychain: all exit 0, one refresh', async () => {
    // A context of its own, so that the entry cannot collide with other tests' in the same keyring.
    const configDir = join(home, 'config');
    const env = cliEnv({
      url: proxy.url,
      extra: { ESPACE_CONFIG_DIR: configDir, ESPACE_DATA_DIR: join(home, 'data'), ESPACE_CONTEXT: 'race', NODE_EXTRA_CA_CERTS: undefined },
    });
    const added = await espace(['context', 'add', 'race', '--url', proxy.url], { env: { ...env, ESPACE_CONTEXT: undefined } });
    expect(added.code, added.stderr).toBe(0);
    await raceRefreshes(proxy, env, [], {
      read: async () => {
        const found = await secretTool(['lookup', 'service', 'espace', 'username', 'race']);
        expect(found.code, found.stderr).toBe(0);
        return JSON.parse(found.stdout) as never;
      },
      write: async (value) => {
        const stored = await secretTool(['store', '--label=espace', 'service', 'espace', 'username', 'race'], JSON.stringify(value));
        expect(stored.code, stored.stderr).toBe(0);
      },
    });
  });
});
