/**
 * A stolen access token alone cannot take the account over, over real HTTP against a real sandbox
 * (password hashing at the test cost): enrolling an authenticator, turning two-factor off,
 * changing the password and ending sessions all need the current password (and a current code
 * when two-factor is on) in the same request. And TOTP secrets are not in the database file in
 * clear, including one left in clear by an older version (sealed at start-up).
 */
import { readFileSync, existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../../src/sandbox/auth/totp.js';
import { databasePath } from '../../src/sandbox/db.js';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { startSandbox } from '../../src/sandbox/server.js';
import { Sqlite } from '../../src/sandbox/sqlite.js';
import { startTestSandbox, TEST_PASSWORD_COST } from '../helpers/sandbox.js';

const { james, luc } = SEED_CREDENTIALS;
const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  // Close in reverse: a second server on the same directory goes before the one that owns it.
  for (const s of started.splice(0).reverse()) await s.close();
});

async function sandboxWithClock() {
  let now = Date.parse('2026-11-26T15:00:10Z');
  const s = await startTestSandbox({ now: () => new Date(now) });
  started.push(s);
  return { s, now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

interface Answer {
  status: number;
  body: any;
}

async function call(base: string, method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${base}/espace-api/security/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function login(base: string, username: string, password: string, otp?: string): Promise<Answer> {
  const response = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password, ...(otp ? { otp } : {}) }),
  });
  return { status: response.status, body: await response.json() };
}

/** The TMF error a request without re-authentication gets. */
function expectReauthRequired(answer: Answer): void {
  expect(answer.status).toBe(403);
  expect(answer.body).toMatchObject({ code: '403', '@type': 'Error', message: expect.stringMatching(/re-authentication.*currentPassword/) });
}

async function enrol(base: string, token: string, password: string, code: (secret: string) => string): Promise<string> {
  const enrolment = await call(base, 'POST', '/twoFactor/enrolment', token, { currentPassword: password });
  expect(enrolment.status).toBe(201);
  const secret = enrolment.body.secret as string;
  expect((await call(base, 'POST', '/twoFactor/confirmation', token, { code: code(secret) })).status).toBe(200);
  return secret;
}

describe('a stolen access token alone', () => {
  it('cannot enrol an authenticator; with the password it can', async () => {
    const { s, now } = await sandboxWithClock();
    const stolen = s.tokens.james;
    expectReauthRequired(await call(s.url, 'POST', '/twoFactor/enrolment', stolen, {}));
    const wrong = await call(s.url, 'POST', '/twoFactor/enrolment', stolen, { currentPassword: 'a guess' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toMatch(/currentPassword/);
    // Nothing is pending, and the owner's password alone still opens a session.
    expect((await call(s.url, 'GET', '/twoFactor', stolen)).body).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    expect((await login(s.url, james.username, james.password)).status).toBe(200);

    await enrol(s.url, stolen, james.password, (secret) => totpCode(secret, totpStep(now())));
    expect((await call(s.url, 'GET', '/twoFactor', stolen)).body).toMatchObject({ enabled: true });
  });

  it('cannot turn two-factor off: the password and a current code are both needed', async () => {
    const { s, now, advance } = await sandboxWithClock();
    const token = s.tokens.luc;
    const secret = await enrol(s.url, token, luc.password, (sec) => totpCode(sec, totpStep(now())));
    advance(30);
    const code = totpCode(secret, totpStep(now()));
    expectReauthRequired(await call(s.url, 'POST', '/twoFactor/deactivation', token, {}));
    expectReauthRequired(await call(s.url, 'POST', '/twoFactor/deactivation', token, { code }));
    expectReauthRequired(await call(s.url, 'POST', '/twoFactor/deactivation', token, { currentPassword: luc.password }));
    expect((await call(s.url, 'POST', '/twoFactor/deactivation', token, { currentPassword: 'a guess', code })).status).toBe(422);
    expect((await call(s.url, 'GET', '/twoFactor', token)).body).toMatchObject({ enabled: true });
    const off = await call(s.url, 'POST', '/twoFactor/deactivation', token, { currentPassword: luc.password, code });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect((await call(s.url, 'GET', '/twoFactor', token)).body).toMatchObject({ enabled: false });
  });

  it('cannot change the password; with the current one (and a code when two-factor is on) it can', async () => {
    const { s, now, advance } = await sandboxWithClock();
    const token = s.tokens.james;
    const next = 'Ferry-Tadoussac-Beluga-1998';
    expectReauthRequired(await call(s.url, 'POST', '/passwordChange', token, { newPassword: next }));
    const secret = await enrol(s.url, token, james.password, (sec) => totpCode(sec, totpStep(now())));
    advance(30);
    expectReauthRequired(await call(s.url, 'POST', '/passwordChange', token, { currentPassword: james.password, newPassword: next }));
    expect((await login(s.url, james.username, next, totpCode(secret, totpStep(now())))).status).toBe(400);

    const changed = await call(s.url, 'POST', '/passwordChange', token, {
      currentPassword: james.password,
      newPassword: next,
      code: totpCode(secret, totpStep(now())),
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(204);
    advance(30);
    expect((await login(s.url, james.username, next, totpCode(secret, totpStep(now())))).status).toBe(200);
  });

  it('cannot end sessions; with the password it can, the other sessions at once', async () => {
    const { s } = await sandboxWithClock();
    const other = (await login(s.url, luc.username, luc.password)).body as { access_token: string };
    const stolen = s.tokens.luc;
    const sessions = (await call(s.url, 'GET', '/session', other.access_token)).body as { id: string; current: boolean }[];
    const otherSession = sessions.find((session) => session.current)!;
    expectReauthRequired(await call(s.url, 'DELETE', '/session?others=true', stolen));
    expectReauthRequired(await call(s.url, 'DELETE', `/session/${otherSession.id}`, stolen));
    expect((await call(s.url, 'GET', '/session', other.access_token)).status).toBe(200);

    const one = await call(s.url, 'DELETE', `/session/${otherSession.id}`, stolen, { currentPassword: luc.password });
    expect(one.status, JSON.stringify(one.body)).toBe(204);
    expect((await call(s.url, 'GET', '/session', other.access_token)).status).toBe(401);

    const third = (await login(s.url, luc.username, luc.password)).body as { access_token: string };
    const all = await call(s.url, 'DELETE', '/session?others=true', stolen, { currentPassword: luc.password });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ revoked: 1 });
    expect((await call(s.url, 'GET', '/session', third.access_token)).status).toBe(401);
  });

  it('a password change can end the other sessions in the same request', async () => {
    const { s } = await sandboxWithClock();
    const other = (await login(s.url, luc.username, luc.password)).body as { access_token: string };
    const changed = await call(s.url, 'POST', '/passwordChange', s.tokens.luc, {
      currentPassword: luc.password,
      newPassword: 'Gaspesie-Perce-Rocher-2031',
      signOutOthers: true,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ revoked: 1 });
    expect((await call(s.url, 'GET', '/session', other.access_token)).status).toBe(401);
    expect((await call(s.url, 'GET', '/session', s.tokens.luc)).status).toBe(200);
  });
});

/** Every byte of the database, its WAL included. */
function databaseBytes(dataDir: string): string {
  const path = databasePath(dataDir);
  return [path, `${path}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('');
}

describe('TOTP secrets at rest', () => {
  it('are not stored in clear, pending or active', async () => {
    const { s, now } = await sandboxWithClock();
    const enrolment = await call(s.url, 'POST', '/twoFactor/enrolment', s.tokens.james, { currentPassword: james.password });
    const secret = enrolment.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(databaseBytes(s.dataDir)).not.toContain(secret);
    expect((await call(s.url, 'POST', '/twoFactor/confirmation', s.tokens.james, { code: totpCode(secret, totpStep(now())) })).status).toBe(200);
    expect(databaseBytes(s.dataDir)).not.toContain(secret);
    const db = new Sqlite(databasePath(s.dataDir), { readonly: true });
    try {
      const row = db.prepare('SELECT totp_secret AS secret FROM app_user WHERE username = ?').get(james.username) as { secret: string };
      expect(row.secret).toMatch(/^enc1:/);
    } finally {
      db.close();
    }
  });

  it('a secret left in clear by an older version is sealed when the server starts, and still works', async () => {
    const { s, now, advance } = await sandboxWithClock();
    const clear = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const db = new Sqlite(databasePath(s.dataDir));
    try {
      db.prepare('UPDATE app_user SET totp_secret = ? WHERE username = ?').run(clear, luc.username);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    expect(databaseBytes(s.dataDir)).toContain(clear);
    // Another server on the same directory (same key file), as after an upgrade.
    const upgraded = await startSandbox({
      dataDir: s.dataDir,
      host: '127.0.0.1',
      port: 0,
      now: () => new Date(now()),
      passwordHashing: { logN: TEST_PASSWORD_COST },
    });
    started.push(upgraded);
    const check = new Sqlite(databasePath(s.dataDir));
    try {
      check.pragma('wal_checkpoint(TRUNCATE)');
      check.exec('VACUUM');
    } finally {
      check.close();
    }
    expect(databaseBytes(s.dataDir)).not.toContain(clear);
    advance(30);
    expect((await login(upgraded.url, luc.username, luc.password, totpCode(clear, totpStep(now())))).status).toBe(200);
  });
});
