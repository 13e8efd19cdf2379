/**
 * Eight commands started at once with an expired stored token, against the real sandbox (whose
 * refresh tokens rotate: each works once) behind a proxy that counts token requests. Shared by
 * the file-store and keychain tests.
 */
import { expect } from 'vitest';
import type { FaultProxy } from '../helpers/fault-proxy.js';
import { espace } from '../helpers/spawn.js';
import { DEMO_PASSWORD } from '../helpers/env.js';

const PASSWORD = DEMO_PASSWORD;

/** What the test does with the stored login: read it, and write it back changed. */
export interface StoredLogin {
  read(): Promise<{ expiresAt: string; refreshToken: string } & Record<string, unknown>>;
  write(value: Record<string, unknown>): Promise<void>;
}

export async function raceRefreshes(proxy: FaultProxy, env: Record<string, string | undefined>, loginFlags: string[], stored: StoredLogin): Promise<void> {
  const login = await espace(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin', ...loginFlags], { env, input: `${PASSWORD}\n` });
  expect(login.code, login.stderr).toBe(0);

  // The stored access token has expired (as far as the CLI can tell): every command must refresh first.
  const before = await stored.read();
  await stored.write({ ...before, expiresAt: new Date(Date.now() - 3600_000).toISOString() });
  const tokenRequestsBefore = proxy.log.length;

  const runs = await Promise.all(Array.from({ length: 8 }, () => espace(['bill', 'list', '--json'], { env })));
  for (const run of runs) {
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(12);
  }
  const refreshes = proxy.log.slice(tokenRequestsBefore);
  expect(refreshes).toHaveLength(1);
  expect(refreshes[0]!.upstreamStatus).toBe(200);

  const after = await stored.read();
  expect(after.refreshToken).not.toBe(before.refreshToken);
  expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now());
}
