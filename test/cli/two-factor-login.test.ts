/**
 * `auth login` for an account with two-factor on: the one-time code is asked for on a terminal,
 * taken from --otp in scripts, and a code already used is refused. The secret is set directly in
 * the sandbox's database (enrolment itself is a later command).
 */
import { Sqlite as Database } from '../../src/sandbox/sqlite.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedPrompter } from '../helpers/prompt.js';
import { base32Encode, totpCode, totpStep } from '../../src/sandbox/auth/totp.js';
import { loadTotpSecretCipher } from '../../src/sandbox/auth/totp-secrets.js';
import { databasePath } from '../../src/sandbox/db.js';
import { MemoryVault, runCli } from '../helpers/cli.js';
import { startTestSandbox } from '../helpers/sandbox.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

const secret = base32Encode(Buffer.from('espace-cli-2fa-test'));
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
// Each test moves to its own 30-second step, so that codes never collide across tests.
let clockMs = Date.parse('2026-11-26T12:00:00Z');

beforeAll(async () => {
  sandbox = await startTestSandbox({ now: () => new Date(clockMs) });
  const db = new Database(databasePath(sandbox.dataDir));
  // Sealed under the sandbox's key, as the sandbox stores it.
  db.prepare('UPDATE app_user SET totp_secret = ? WHERE username = ?').run(loadTotpSecretCipher(sandbox.dataDir).seal(secret), 'luc.gagnon');
  db.close();
});
afterAll(async () => sandbox?.close());

const env = () => cliEnv({ url: sandbox.url });
const codeNow = () => totpCode(secret, totpStep(clockMs));
const login = ['auth', 'login', '--username', 'luc.gagnon', '--password-stdin'];

describe('two-factor login', () => {
  it('asks for the one-time code on a terminal', async () => {
    clockMs += 60_000;
    const vault = new MemoryVault();
    const prompt = scriptedPrompter([DEMO_PASSWORD, codeNow()]);
    const result = await runCli(['auth', 'login', '--username', 'luc.gagnon'], { env: env(), vault, prompt, tty: true });
    expect(result.code, result.stderr).toBe(0);
    expect(prompt.asked).toEqual(['Password', 'One-time code (authenticator app)']);
    expect(vault.entries.get('sandbox')?.username).toBe('luc.gagnon');
  });

  it('names --otp when there is no terminal to ask on, and takes the code from it', async () => {
    clockMs += 60_000;
    const missing = await runCli(login, { env: env(), vault: new MemoryVault(), stdin: DEMO_PASSWORD });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/pass --otp/);

    const vault = new MemoryVault();
    const code = codeNow();
    const ok = await runCli([...login, '--otp', code], { env: env(), vault, stdin: DEMO_PASSWORD });
    expect(ok.code, ok.stderr).toBe(0);

    const reused = await runCli([...login, '--otp', code], { env: env(), vault: new MemoryVault(), stdin: DEMO_PASSWORD });
    expect(reused.code).toBe(4);
    expect(reused.stderr).toMatch(/one-time code was refused/);
  });
});
