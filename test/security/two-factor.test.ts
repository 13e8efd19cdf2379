/**
 * Two-factor authentication end to end against a real sandbox: enrolment, which needs the current
 * password (the secret is pending until a code confirms it), then logins with codes computed by
 * oathtool from that secret — accepted once, refused on reuse — recovery codes that work once, and
 * turning it off, which needs the password and a code.
 * The sandbox clock is fixed and oathtool is given the same time, so codes are deterministic.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTotpSecretCipher } from '../../src/sandbox/auth/totp-secrets.js';
import { databasePath } from '../../src/sandbox/db.js';
import { Sqlite } from '../../src/sandbox/sqlite.js';
import { MemoryVault, runCli } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/prompt.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let clockMs = Date.parse('2026-11-26T12:00:00Z');

beforeAll(async () => {
  sandbox = await startTestSandbox({ now: () => new Date(clockMs) });
});
afterAll(async () => sandbox?.close());

const env = (token?: string) => cliEnv({ url: sandbox.url, extra: { ...(token ? { ESPACE_TOKEN: token } : {}) } });

/** The code oathtool computes from the secret at a given time. */
function oathtool(secret: string, atMs: number): string {
  return execFileSync(
    'oathtool',
    [
      '--totp',
      '-b',
      secret,
      '--now',
      new Date(atMs)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC'),
    ],
    {
      encoding: 'utf8',
    },
  ).trim();
}

function readDatabase<T>(read: (db: InstanceType<typeof Sqlite>) => T): T {
  const db = new Sqlite(databasePath(sandbox.dataDir), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The pending secret, opened with the sandbox's key (it is stored sealed). */
const pendingSecret = (username: string): string => {
  const sealed = readDatabase(
    (db) => (db.prepare('SELECT totp_pending_secret AS secret FROM app_user WHERE username = ?').get(username) as { secret: string }).secret,
  );
  return loadTotpSecretCipher(sandbox.dataDir).open(sealed)!;
};

const login = (username: string, otp: string) =>
  runCli(['auth', 'login', '--username', username, '--password-stdin', '--otp', otp], { env: env(), vault: new MemoryVault(), stdin: DEMO_PASSWORD });

describe('auth 2fa', () => {
  it('enrols, then logins take each oathtool code once and each recovery code once', async () => {
    const token = sandbox.tokens.james;
    // The access token alone is not enough: without the password on stdin, the command names the flag.
    const noPassword = await runCli(['auth', '2fa', 'enable', '--json'], { env: env(token) });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/--password-stdin/);
    const wrongPassword = await runCli(['auth', '2fa', 'enable', '--password-stdin', '--json'], { env: env(token), stdin: 'not-the-password\n' });
    expect(wrongPassword.code).toBe(4);
    expect(wrongPassword.stderr).toMatch(/password or the code was refused; nothing was changed/);

    const pending = await runCli(['auth', '2fa', 'enable', '--password-stdin', '--json'], { env: env(token), stdin: `${DEMO_PASSWORD}\n` });
    expect(pending.code, pending.stderr).toBe(0);
    const enrolment = JSON.parse(pending.stdout) as { secret: string; otpauthUri: string; pending: boolean };
    expect(enrolment.pending).toBe(true);
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Espace%20Client:james\.wilson\?secret=[A-Z2-7]+&issuer=/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);

    // Pending is not on: logging in still needs no code.
    const status = await runCli(['auth', '2fa', 'status', '--json'], { env: env(token) });
    expect(JSON.parse(status.stdout)).toEqual({ enabled: false, pending: true, recoveryCodesLeft: 0 });

    const wrong = await runCli(['auth', '2fa', 'confirm', '--code-stdin'], { env: env(token), stdin: '000000\n' });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/code was refused/);

    const confirmCode = oathtool(enrolment.secret, clockMs);
    const confirmed = await runCli(['auth', '2fa', 'confirm', '--code-stdin', '--json'], { env: env(token), stdin: `${confirmCode}\n` });
    expect(confirmed.code, confirmed.stderr).toBe(0);
    const { recoveryCodes } = JSON.parse(confirmed.stdout) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    // The sandbox keeps only hashes of recovery codes.
    const stored = readDatabase(
      (db) => db.prepare("SELECT hex(code_sha256) AS hash FROM recovery_code WHERE user_id = 'IND-2001'").all() as { hash: string }[],
    );
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored).toLowerCase()).not.toContain(recoveryCodes[0]!.replace('-', ''));

    // The code that confirmed the enrolment cannot also open a session.
    const reusedConfirm = await login('james.wilson', confirmCode);
    expect(reusedConfirm.code).toBe(4);

    clockMs += 30_000;
    const code = oathtool(enrolment.secret, clockMs);
    const first = await login('james.wilson', code);
    expect(first.code, first.stderr).toBe(0);
    const again = await login('james.wilson', code);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/one-time code was refused/);

    const recovery = await login('james.wilson', recoveryCodes[0]!);
    expect(recovery.code, recovery.stderr).toBe(0);
    const recoveryAgain = await login('james.wilson', recoveryCodes[0]!);
    expect(recoveryAgain.code).toBe(4);

    const after = await runCli(['auth', '2fa', 'status', '--json'], { env: env(token) });
    expect(JSON.parse(after.stdout)).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 9 });

    // Turning it off takes the password and an unused recovery code (a used one is refused); a
    // code without the password is not enough, and the command names the missing flag.
    const codeOnly = await runCli(['auth', '2fa', 'disable', '--code-stdin'], { env: env(token), stdin: recoveryCodes[1]! });
    expect(codeOnly.code).toBe(2);
    expect(codeOnly.stderr).toMatch(/--password-stdin/);
    const passwordOnly = await runCli(['auth', '2fa', 'disable', '--password-stdin'], { env: env(token), stdin: `${DEMO_PASSWORD}\n` });
    expect(passwordOnly.code).toBe(2);
    expect(passwordOnly.stderr).toMatch(/--code-stdin/);
    const disable = ['auth', '2fa', 'disable', '--password-stdin', '--code-stdin'];
    const spent = await runCli(disable, { env: env(token), stdin: `${DEMO_PASSWORD}\n${recoveryCodes[0]!}\n` });
    expect(spent.code).toBe(4);
    expect(spent.stderr).toMatch(/stays on/);
    const wrongPassword2 = await runCli(disable, { env: env(token), stdin: `not-the-password\n${recoveryCodes[1]!}\n` });
    expect(wrongPassword2.code).toBe(4);
    expect(wrongPassword2.stderr).toMatch(/stays on/);
    const off = await runCli(disable, { env: env(token), stdin: `${DEMO_PASSWORD}\n${recoveryCodes[2]!.toUpperCase()}\n` });
    expect(off.code, off.stderr).toBe(0);
    clockMs += 30_000;
    const plain = await runCli(['auth', 'login', '--username', 'james.wilson', '--password-stdin'], {
      env: env(),
      vault: new MemoryVault(),
      stdin: DEMO_PASSWORD,
    });
    expect(plain.code, plain.stderr).toBe(0);
  });

  it('on a terminal, shows the QR code and URI, asks for the code, and prints the recovery codes', async () => {
    clockMs += 60_000;
    const token = sandbox.tokens.luc;
    // The person at the terminal reads the secret off the screen; here it is read from the
    // sandbox's pending enrolment, which is what the screen shows.
    const asked: string[] = [];
    const prompt = {
      ...scriptedPrompter([DEMO_PASSWORD]),
      input: async ({ message }: { message: string }) => {
        asked.push(message);
        // A mistyped code first: the command asks again.
        return asked.length === 1 ? '123456' : oathtool(pendingSecret('luc.gagnon'), clockMs);
      },
    };
    const result = await runCli(['auth', '2fa', 'enable'], { env: env(token), tty: true, prompt });
    expect(result.code, result.stderr).toBe(0);
    expect(asked).toEqual(['Code shown by the app', 'Code shown by the app']);
    expect(result.stderr).toMatch(/the code was refused/);
    expect(result.stderr).toMatch(/Secret: [A-Z2-7]{32}\n/);
    expect(result.stderr).toMatch(/URI: otpauth:\/\/totp\/Espace%20Client:luc\.gagnon\?secret=/);
    expect(result.stderr).toMatch(/[▀▄█]{10}/);
    expect(result.stderr).toMatch(/Recovery codes \(shown only now/);
    expect(result.stdout.trim().split('\n')).toHaveLength(10);

    const twice = await runCli(['auth', '2fa', 'enable'], { env: env(token), tty: true, prompt: scriptedPrompter([]) });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already on/);

    // Turning it off on a terminal asks for the password, then a code (both masked or checked).
    clockMs += 30_000;
    const sealed = readDatabase(
      (db) => (db.prepare('SELECT totp_secret AS secret FROM app_user WHERE username = ?').get('luc.gagnon') as { secret: string }).secret,
    );
    const activeSecret = loadTotpSecretCipher(sandbox.dataDir).open(sealed)!;
    const offPrompt = scriptedPrompter([DEMO_PASSWORD, oathtool(activeSecret, clockMs)]);
    const off = await runCli(['auth', '2fa', 'disable'], { env: env(token), tty: true, prompt: offPrompt });
    expect(off.code, off.stderr).toBe(0);
    expect(offPrompt.asked).toEqual(['Current password', 'Current code or recovery code']);
    expect(off.stderr).toMatch(/Two-factor authentication is off/);
  });

  it('in the plain layout, gives the secret and URI without the QR code a screen reader would spell out', async () => {
    clockMs += 60_000;
    const prompt = { ...scriptedPrompter([DEMO_PASSWORD]), input: async () => oathtool(pendingSecret('luc.gagnon'), clockMs) };
    const result = await runCli(['--plain', 'auth', '2fa', 'enable'], { env: env(sandbox.tokens.luc), tty: true, prompt });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Enter this secret in your authenticator app/);
    expect(result.stderr).toMatch(/Secret: [A-Z2-7]{32}\n/);
    expect(result.stderr).not.toMatch(/[\u2580-\u259f]/);
  });

  it('throttles wrong codes: after five failures even the right code is refused until the back-off passes', async () => {
    clockMs += 60_000;
    const token = sandbox.tokens.marie;
    const pending = JSON.parse(
      (await runCli(['auth', '2fa', 'enable', '--password-stdin', '--json'], { env: env(token), stdin: `${DEMO_PASSWORD}\n` })).stdout,
    ) as { secret: string };
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await runCli(['auth', '2fa', 'confirm', '--code-stdin'], { env: env(token), stdin: '000000' });
      expect(wrong.code).toBe(4);
    }
    const right = await runCli(['auth', '2fa', 'confirm', '--code-stdin'], { env: env(token), stdin: oathtool(pending.secret, clockMs) });
    expect(right.code).toBe(4);
    expect(right.stderr).toMatch(/too many failed attempts/);
    clockMs += 60_000;
    const later = await runCli(['auth', '2fa', 'confirm', '--code-stdin'], { env: env(token), stdin: oathtool(pending.secret, clockMs) });
    expect(later.code, later.stderr).toBe(0);
  });
});
