/**
 * Logging in, refreshing and logging out against a real sandbox whose clock the test moves, with
 * an in-memory vault (the real keychain has its own tests under test/auth and test/e2e).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/api/http.js';
import { Session } from '../../src/auth/session.js';
import { resolveTarget } from '../../src/config/target.js';
import { scriptedPrompter } from '../helpers/prompt.js';
import { MemoryVault, runCli } from '../helpers/cli.js';
import { startTestSandbox } from '../helpers/sandbox.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

let offsetMs = 0;
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  sandbox = await startTestSandbox({ now: () => new Date(Date.now() + offsetMs), accessTokenTtlSeconds: 600 });
});
afterAll(async () => sandbox?.close());

const env = () => cliEnv({ url: sandbox.url });

async function login(vault: MemoryVault) {
  const result = await runCli(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin'], {
    env: env(),
    vault,
    stdin: `${DEMO_PASSWORD}\n`,
  });
  expect(result.code, result.stderr).toBe(0);
  return vault.entries.get('sandbox')!;
}

describe('auth login', () => {
  it('stores the tokens for the context, never printing them', async () => {
    const vault = new MemoryVault();
    const result = await runCli(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin'], {
      env: env(),
      vault,
      stdin: `${DEMO_PASSWORD}\n`,
    });
    expect(result.code, result.stderr).toBe(0);
    const stored = vault.entries.get('sandbox')!;
    expect(stored.accessToken).toMatch(/^esp_at_/);
    expect(stored.refreshToken).toMatch(/^esp_rt_/);
    expect(stored.apiUrl).toBe(sandbox.url);
    expect(stored.username).toBe('marie.tremblay');
    expect(result.stdout + result.stderr).not.toContain(stored.accessToken);
    expect(result.stdout + result.stderr).not.toContain(DEMO_PASSWORD);
    expect(result.stderr).toMatch(/Logged in as marie\.tremblay on context sandbox/);
  });

  it('refuses a wrong password with exit code 4 and stores nothing', async () => {
    const vault = new MemoryVault();
    const result = await runCli(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin'], { env: env(), vault, stdin: 'wrong' });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/wrong user name or password/);
    expect(vault.entries.size).toBe(0);
  });

  it('asks for what is missing on a terminal, and names the flag when there is none', async () => {
    const vault = new MemoryVault();
    const prompt = scriptedPrompter(['marie.tremblay', DEMO_PASSWORD]);
    const result = await runCli(['auth', 'login'], { env: env(), vault, prompt, tty: true });
    expect(result.code, result.stderr).toBe(0);
    expect(prompt.asked).toEqual(['User name', 'Password']);

    const piped = await runCli(['auth', 'login'], { env: env(), vault: new MemoryVault() });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/pass --username/);
  });

  it('has no way to take a password from argv', async () => {
    const result = await runCli(['auth', 'login', '--username', 'marie.tremblay', '--password', 'x'], { env: env(), vault: new MemoryVault() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--password'/);
  });
});

describe('token refresh', () => {
  it('refreshes once when many requests find the token expired at the same time', async () => {
    const vault = new MemoryVault();
    const first = await login(vault);
    offsetMs = 3_600_000; // the server's clock is an hour ahead: the access token has expired
    try {
      const target = resolveTarget({ env: env(), config: { contexts: {} } });
      const oauth = new HttpClient({ baseUrl: sandbox.url, userAgent: 'test' });
      let grants = 0;
      const counting = Object.assign(Object.create(oauth) as HttpClient, {
        request: (request: Parameters<HttpClient['request']>[0]) => {
          if (request.path === '/oauth/token') grants++;
          return oauth.request(request);
        },
      });
      const session = new Session({ target, env: env(), vault: async () => vault, oauthClient: async () => counting, clock: () => new Date() });
      const api = new HttpClient({ baseUrl: sandbox.url, userAgent: 'test', tokens: session });
      const answers = await Promise.all(Array.from({ length: 6 }, () => api.get('/tmf-api/customerBillManagement/v4/customerBill', { limit: 1 })));
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      expect(grants).toBe(1);
      const refreshed = vault.entries.get('sandbox')!;
      expect(refreshed.accessToken).not.toBe(first.accessToken);
      expect(refreshed.refreshToken).not.toBe(first.refreshToken);
      await Promise.all([api.close(), oauth.close()]);
    } finally {
      offsetMs = 0;
    }
  });

  it('says the session expired when the refresh token is no longer accepted', async () => {
    const vault = new MemoryVault();
    await login(vault);
    offsetMs = 90 * 24 * 3_600_000; // past the refresh token's life too
    try {
      const result = await runCli(['bill', 'list'], { env: env(), vault });
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(/session of context sandbox has expired/);
      expect(result.stderr).toMatch(/espace auth login/);
    } finally {
      offsetMs = 0;
    }
  });
});

describe('auth status and logout', () => {
  it('reports who, where, from which store, and until when; logout revokes on the server', async () => {
    const vault = new MemoryVault();
    const stored = await login(vault);
    const status = await runCli(['auth', 'status', '--json'], { env: env(), vault });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      context: 'sandbox',
      apiUrl: sandbox.url,
      user: 'marie.tremblay',
      source: 'memory',
      expiresAt: stored.expiresAt,
      valid: true,
    });

    const logout = await runCli(['auth', 'logout'], { env: env(), vault });
    expect(logout.code, logout.stderr).toBe(0);
    expect(vault.entries.size).toBe(0);
    const reuse = await fetch(`${sandbox.url}/tmf-api/customerBillManagement/v4/customerBill`, {
      headers: { authorization: `Bearer ${stored.accessToken}` },
    });
    expect(reuse.status).toBe(401);

    const after = await runCli(['auth', 'status'], { env: env(), vault });
    expect(after.code).toBe(4);
    expect(after.stderr).toMatch(/not logged in on context sandbox/);
  });

  it('uses ESPACE_TOKEN over anything stored, and never stores it', async () => {
    const vault = new MemoryVault();
    const { access_token } = await (await import('../helpers/tokens.js')).passwordToken(sandbox.url, 'james.wilson', DEMO_PASSWORD);
    const status = await runCli(['auth', 'status', '--json'], { env: { ...env(), ESPACE_TOKEN: access_token }, vault });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ source: 'environment', user: 'james.wilson' });
    expect(vault.saves).toBe(0);
  });

  it('uses client credentials from the environment (read-only CI client)', async () => {
    const vault = new MemoryVault();
    const result = await runCli(['bill', 'list', '--account', 'BA-1001', '--json'], {
      env: { ...env(), ESPACE_CLIENT_ID: 'espace-ci', ESPACE_CLIENT_SECRET: 'espace-ci-sandbox-secret' },
      vault,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(12);
    expect(vault.saves).toBe(0);
    const half = await runCli(['bill', 'list'], { env: { ...env(), ESPACE_CLIENT_ID: 'espace-ci' }, vault });
    expect(half.code).toBe(4);
    expect(half.stderr).toMatch(/ESPACE_CLIENT_SECRET/);
  });
});
