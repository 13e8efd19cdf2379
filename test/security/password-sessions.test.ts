/**
 * `auth password` and `auth sessions` against a real sandbox: the strength check with zxcvbn's
 * feedback, a wrong current password refused, a changed password that logs in (the old one no
 * longer does), and sessions listed with the current one marked, revoked one by one or all others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTotpSecretCipher } from '../../src/sandbox/auth/totp-secrets.js';
import { base32Encode, totpCode, totpStep } from '../../src/sandbox/auth/totp.js';
import { databasePath } from '../../src/sandbox/db.js';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { Sqlite } from '../../src/sandbox/sqlite.js';
import { MemoryVault, runCli } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/prompt.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

const env = (token?: string) => cliEnv({ url: sandbox.url, extra: { ...(token ? { ESPACE_TOKEN: token } : {}) } });

async function loginAs(username: string, password: string): Promise<{ code: number; vault: MemoryVault; stderr: string }> {
  const vault = new MemoryVault();
  const result = await runCli(['auth', 'login', '--username', username, '--password-stdin'], { env: env(), vault, stdin: password });
  return { code: result.code, vault, stderr: result.stderr };
}

/** Whether the sandbox still accepts a token. */
async function accepted(token: string): Promise<boolean> {
  const response = await fetch(`${sandbox.url}/tmf-api/openid/v4/userinfo`, { headers: { authorization: `Bearer ${token}` } });
  return response.status === 200;
}

const accessToken = (vault: MemoryVault) => vault.entries.get('sandbox')!.accessToken;

describe('auth password', () => {
  it('refuses a weak new password with zxcvbn feedback, and a wrong current one', async () => {
    const weak = await runCli(['auth', 'password', '--password-stdin', '--keep-sessions'], {
      env: env(sandbox.tokens.luc),
      stdin: `${DEMO_PASSWORD}\npassword123\n`,
    });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/too easy to guess \(strength [0-2] of 4; at least 3 needed\)/);
    expect(weak.stderr).toMatch(/common|similar|Add more words/i);

    const french = await runCli(['--lang', 'fr', 'auth', 'password', '--password-stdin', '--keep-sessions'], {
      env: env(sandbox.tokens.luc),
      stdin: `${DEMO_PASSWORD}\nmotdepasse1\n`,
    });
    expect(french.code).toBe(2);
    expect(french.stderr).toMatch(/trop facile à deviner/);

    const wrongCurrent = await runCli(['auth', 'password', '--password-stdin', '--keep-sessions'], {
      env: env(sandbox.tokens.luc),
      stdin: 'not-the-password\ncorrect horse battery staple 42\n',
    });
    expect(wrongCurrent.code).toBe(4);
    expect(wrongCurrent.stderr).toMatch(/current password is wrong; nothing was changed/);
  });

  it('changes the password on a terminal, then signs out the other sessions when asked', async () => {
    const other = await loginAs('marie.tremblay', DEMO_PASSWORD);
    expect(other.code, other.stderr).toBe(0);
    const mine = await loginAs('marie.tremblay', DEMO_PASSWORD);
    const newPassword = 'Ferry-Tadoussac-Beluga-1998';
    const prompt = scriptedPrompter([DEMO_PASSWORD, newPassword, newPassword, true]);
    const result = await runCli(['auth', 'password'], { env: env(), vault: mine.vault, prompt, tty: true });
    expect(result.code, result.stderr).toBe(0);
    expect(prompt.asked).toEqual(['Current password', 'New password', 'New password again', 'Sign out every other session?']);
    expect(result.stderr).toMatch(/Password changed\./);
    expect(result.stderr).toMatch(/Other sessions ended: [1-9]/);
    expect(result.stderr + result.stdout).not.toContain(newPassword);

    expect(await accepted(accessToken(other.vault))).toBe(false);
    expect(await accepted(accessToken(mine.vault))).toBe(true);
    expect((await loginAs('marie.tremblay', DEMO_PASSWORD)).code).toBe(4);
    expect((await loginAs('marie.tremblay', newPassword)).code).toBe(0);
  });

  it('names --password-stdin when there is no terminal, and never takes a password from argv', async () => {
    const result = await runCli(['auth', 'password'], { env: env(sandbox.tokens.james) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pass --password-stdin/);
    const argv = await runCli(['auth', 'password', DEMO_PASSWORD], { env: env(sandbox.tokens.james) });
    expect(argv.code).toBe(2);
  });
});

describe('auth password with two-factor on', () => {
  it('needs a current code too (--code-stdin), and signs the other sessions out in the same request', async () => {
    const { agent } = SEED_CREDENTIALS;
    const other = await loginAs(agent.username, agent.password);
    expect(other.code, other.stderr).toBe(0);
    const secret = base32Encode(Buffer.from('espace-password-2fa!'));
    const db = new Sqlite(databasePath(sandbox.dataDir));
    try {
      db.prepare('UPDATE app_user SET totp_secret = ? WHERE username = ?').run(loadTotpSecretCipher(sandbox.dataDir).seal(secret), agent.username);
    } finally {
      db.close();
    }
    const next = 'Riviere-du-Loup-Traversier-77';
    const noCode = await runCli(['auth', 'password', '--password-stdin', '--sign-out-others'], {
      env: env(sandbox.tokens.agent),
      stdin: `${agent.password}\n${next}\n`,
    });
    expect(noCode.code).toBe(2);
    expect(noCode.stderr).toMatch(/--code-stdin/);

    const changed = await runCli(['auth', 'password', '--password-stdin', '--code-stdin', '--sign-out-others'], {
      env: env(sandbox.tokens.agent),
      stdin: `${agent.password}\n${next}\n${totpCode(secret, totpStep(Date.now()))}\n`,
    });
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stderr).toMatch(/Password changed\.\nOther sessions ended: 1\./);
    expect(await accepted(accessToken(other.vault))).toBe(false);
    expect(await accepted(sandbox.tokens.agent)).toBe(true);
  });
});

describe('auth sessions', () => {
  it('lists active sessions with the current one marked, and revokes one or all others', async () => {
    const laptop = await loginAs('james.wilson', DEMO_PASSWORD);
    const phone = await loginAs('james.wilson', DEMO_PASSWORD);
    const listed = await runCli(['auth', 'sessions', '--json'], { env: env(), vault: phone.vault });
    expect(listed.code, listed.stderr).toBe(0);
    const sessions = JSON.parse(listed.stdout) as { id: string; current: boolean; device: string | null; createdAt: string; lastUsedAt: string }[];
    expect(sessions.length).toBeGreaterThanOrEqual(3); // two logins and the test fixture's token
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions.find((session) => session.current)?.device).toMatch(/^espace\//);
    for (const session of sessions) expect(Date.parse(session.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(session.createdAt));

    const table = await runCli(['auth', 'sessions'], { env: env(), vault: phone.vault });
    expect(table.stdout.split('\n').filter((line) => line.startsWith('*\t'))).toHaveLength(1);

    const current = sessions.find((session) => session.current)!;
    const withPassword = { env: env(), vault: phone.vault, stdin: `${DEMO_PASSWORD}\n` };
    const refused = await runCli(['auth', 'sessions', 'revoke', current.id, '--password-stdin'], withPassword);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/auth logout/);

    // The laptop's session is the other one opened by a password login.
    const laptopSession = (JSON.parse((await runCli(['auth', 'sessions', '--json'], { env: env(), vault: laptop.vault })).stdout) as typeof sessions).find(
      (session) => session.current,
    )!;
    // The token alone cannot end it: the password is needed, and a wrong one ends nothing.
    const noPassword = await runCli(['auth', 'sessions', 'revoke', laptopSession.id], { env: env(), vault: phone.vault });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/--password-stdin/);
    const wrongPassword = await runCli(['auth', 'sessions', 'revoke', laptopSession.id, '--password-stdin'], {
      env: env(),
      vault: phone.vault,
      stdin: 'a guess\n',
    });
    expect(wrongPassword.code).toBe(4);
    expect(wrongPassword.stderr).toMatch(/password or the code was refused; nothing was changed/);
    expect(await accepted(accessToken(laptop.vault))).toBe(true);
    const revoked = await runCli(['auth', 'sessions', 'revoke', laptopSession.id, '--password-stdin'], withPassword);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(await accepted(accessToken(laptop.vault))).toBe(false);
    expect(await accepted(sandbox.tokens.james)).toBe(true);

    const noConfirm = await runCli(['auth', 'sessions', 'revoke', '--others', '--password-stdin'], withPassword);
    expect(noConfirm.code).toBe(2);
    expect(noConfirm.stderr).toMatch(/--yes/);
    const others = await runCli(['auth', 'sessions', 'revoke', '--others', '--yes', '--json', '--password-stdin'], withPassword);
    expect(others.code, others.stderr).toBe(0);
    expect(JSON.parse(others.stdout)).toEqual({ revoked: 1 });
    expect(await accepted(sandbox.tokens.james)).toBe(false);
    const remaining = JSON.parse((await runCli(['auth', 'sessions', '--json'], { env: env(), vault: phone.vault })).stdout) as typeof sessions;
    expect(remaining.map((session) => session.id)).toEqual([current.id]);
  });

  it('on a terminal, asks for the password after the confirmation', async () => {
    const other = await loginAs('luc.gagnon', DEMO_PASSWORD);
    const prompt = scriptedPrompter([true, DEMO_PASSWORD]);
    const result = await runCli(['auth', 'sessions', 'revoke', '--others'], { env: env(sandbox.tokens.luc), prompt, tty: true });
    expect(result.code, result.stderr).toBe(0);
    expect(prompt.asked).toEqual(['Sign out every other session?', 'Current password']);
    expect(await accepted(accessToken(other.vault))).toBe(false);
    expect(await accepted(sandbox.tokens.luc)).toBe(true);
  });

  it('refuses a client token (no user) and an ID that is not an active session of the user', async () => {
    const ci = await runCli(['auth', 'sessions'], { env: env(sandbox.tokens.ci) });
    expect(ci.code).toBe(4);
    const unknown = await runCli(['auth', 'sessions', 'revoke', 'no-such-session', '--password-stdin'], {
      env: env(sandbox.tokens.luc),
      stdin: `${DEMO_PASSWORD}\n`,
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No active session/);
  });
});
