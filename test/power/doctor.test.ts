/**
 * `espace doctor` against real parts: a healthy login, the sandbox stopped, an expired login, a
 * credential file other users can read, a skewed clock. Each problem is named with its fix and
 * makes the exit code non-zero.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryVault, runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { passwordToken } from '../helpers/tokens.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

type Check = { id: string; status: string; detail: string; fix: string | null };
type Report = { ok: boolean; checks: Check[]; steps: string[] };

let sandbox: TestSandbox;
let configDir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  configDir = mkdtempSync(join(tmpdir(), 'espace-doctor-'));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(configDir, { recursive: true, force: true });
});

const check = (report: Report, id: string) => report.checks.find((item) => item.id === id)!;

describe('espace doctor', () => {
  it('passes with a valid token, and reports the outage at the service address', async () => {
    const result = await runCli(['doctor', '--json'], {
      env: cliEnv({ url: sandbox.url, token: sandbox.tokens.marie, extra: { ESPACE_CONFIG_DIR: configDir } }),
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.ok).toBe(true);
    expect(check(report, 'api').status).toBe('ok');
    expect(check(report, 'tls')).toMatchObject({ status: 'ok', detail: expect.stringMatching(/loopback/) });
    expect(check(report, 'clock').status).toBe('ok');
    expect(check(report, 'token').detail).toMatch(/ESPACE_TOKEN/);
    expect(check(report, 'outages')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/Internet, TV at H2X 1Y4/) });
    expect(report.steps.join('\n')).toMatch(/An outage is in progress in your area/);
    expect(report.steps.join('\n')).toMatch(/1 888 555-0100/);
  });

  it('with the sandbox stopped, says the API cannot be reached and how to start it (built CLI)', async () => {
    const stopped = await startTestSandbox();
    const url = stopped.url;
    await stopped.close();
    const result = await espace(['doctor'], { env: cliEnv({ url, token: 'esp_at_whatever', extra: { ESPACE_CONFIG_DIR: configDir } }) });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ API +cannot reach http:\/\/127\.0\.0\.1:\d+ for GET \/health \(ECONNREFUSED\)/);
    expect(result.stdout).toMatch(/Fix: start the local sandbox: espace sandbox start/);
    expect(result.stdout).toMatch(/Restart your modem and router|restart your modem and router/);
    expect(result.stderr).toMatch(/1 check\(s\) failed/);
  });

  it('with an expired login whose refresh is refused, says the session expired and to log in again', async () => {
    let now = Date.now();
    const server = await startTestSandbox({ now: () => new Date(now) });
    try {
      const tokens = await passwordToken(server.url, 'marie.tremblay', DEMO_PASSWORD);
      const vault = new MemoryVault();
      vault.entries.set('sandbox', {
        apiUrl: server.url,
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        savedAt: new Date().toISOString(),
      });
      now += 31 * 24 * 3_600_000; // past both the access and the refresh token's lifetime
      const result = await runCli(['doctor'], { env: cliEnv({ url: server.url, extra: { ESPACE_CONFIG_DIR: configDir } }), vault });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/✗ Login +the session of context sandbox has expired/);
      expect(result.stdout).toMatch(/Fix: .*espace auth login/);
      expect(result.stdout).toMatch(/Log in again: espace auth login/);
    } finally {
      await server.close();
    }
  });

  it('with a 0644 credential file, names the file and the chmod that fixes it (built CLI)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'espace-doctor-open-'));
    try {
      chmodSync(dir, 0o700);
      const file = join(dir, 'credentials.json');
      const credentials = { apiUrl: sandbox.url, accessToken: sandbox.tokens.marie, savedAt: new Date().toISOString() };
      writeFileSync(file, JSON.stringify({ version: 1, credentials: { sandbox: credentials } }));
      chmodSync(file, 0o644);
      // A headless machine: no keychain (so none shared with other tests), logins in the file.
      const result = await espace(['doctor', '--json'], {
        env: cliEnv({ url: sandbox.url, token: undefined, extra: { ESPACE_CONFIG_DIR: dir, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/espace-bus' } }),
      });
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.ok).toBe(false);
      expect(check(report, 'files')).toMatchObject({
        status: 'fail',
        detail: expect.stringContaining(`the credential file ${file} can be read by other users (mode 0644)`),
        fix: expect.stringContaining(`chmod 600 ${file}`),
      });
      // The login itself is refused for the same reason, and says so.
      expect(check(report, 'token')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/mode 0644/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns, without failing, when the keychain cannot be reached, and says how to do without it (built CLI)', async () => {
    const result = await espace(['doctor', '--json'], {
      env: cliEnv({
        url: sandbox.url,
        token: sandbox.tokens.luc,
        extra: { ESPACE_CONFIG_DIR: configDir, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/espace-bus' },
      }),
    });
    const report = JSON.parse(result.stdout) as Report;
    expect(check(report, 'keychain')).toMatchObject({ status: 'warn', fix: expect.stringMatching(/--insecure-storage/) });
    expect(check(report, 'keychain').detail).toMatch(/the OS keychain cannot be used/);
    expect(result.code).toBe(0);
  });

  it('fails on a clock minutes away from the server’s, in French too', async () => {
    const result = await runCli(['--lang', 'fr', 'doctor'], {
      env: cliEnv({ url: sandbox.url, token: sandbox.tokens.james, extra: { ESPACE_CONFIG_DIR: configDir } }),
      clock: () => new Date(Date.now() + 10 * 60_000),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ Horloge +l’horloge de cette machine avance de 6\d\d s/);
    expect(result.stdout).toMatch(/Correction\s: activez l’heure automatique/);
  });
});
