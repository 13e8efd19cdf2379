import { Sqlite as Database } from '../../src/sandbox/sqlite.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { base32Encode, totpCode, totpStep } from '../../src/sandbox/auth/totp.js';
import { loadTotpSecretCipher } from '../../src/sandbox/auth/totp-secrets.js';
import { databasePath } from '../../src/sandbox/db.js';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ACCOUNTS, BILLS, get, login, send, tokenRequest } from './client.js';

const { marie, ci } = SEED_CREDENTIALS;
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

/** A sandbox whose clock the test moves. */
async function sandboxWithClock(options: { accessTokenTtlSeconds?: number } = {}) {
  let now = Date.parse('2026-11-10T15:00:00Z');
  const s = await startTestSandbox({ seedAnchor: '2026-11-01', now: () => new Date(now), ...options });
  return { s, advance: (seconds: number) => (now += seconds * 1000), now: () => now };
}

describe('password grant', () => {
  it('issues recognizable bearer tokens that are not cached', async () => {
    const res = await tokenRequest(
      sandbox.url,
      { grant_type: 'password', username: marie.username, password: marie.password },
      { 'user-agent': 'espace-test/1' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      access_token: expect.stringMatching(/^esp_at_[A-Za-z0-9_-]{43}$/),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^esp_rt_[A-Za-z0-9_-]{43}$/),
      scope: 'openid profile tmf.read tmf.write',
    });
    expect((await get(sandbox.url, `${ACCOUNTS}/BA-1001`, res.body.access_token)).status).toBe(200);
    // Only hashes are stored, and the login is recorded as a session.
    const db = new Database(databasePath(sandbox.dataDir), { readonly: true });
    try {
      const stored = db.prepare('SELECT count(*) AS n FROM oauth_token WHERE token_hash = ?').get(Buffer.from(res.body.access_token)) as { n: number };
      expect(stored.n).toBe(0);
      const session = db.prepare("SELECT * FROM oauth_session WHERE user_id = 'IND-1001' AND user_agent = 'espace-test/1'").get();
      expect(session).toMatchObject({ client_id: 'espace-cli', grant_type: 'password', revoked_at: null });
    } finally {
      db.close();
    }
  });

  it('accepts a JSON body too', async () => {
    const res = await send(sandbox.url, 'POST', '/oauth/token', {
      contentType: 'application/json',
      body: JSON.stringify({ grant_type: 'password', username: 'JAMES.WILSON', password: SEED_CREDENTIALS.james.password }),
    });
    expect(res.status).toBe(200);
    expect(res.body.token_type).toBe('Bearer');
  });

  it('refuses wrong passwords and unknown users alike, and missing parameters', async () => {
    const wrong = await tokenRequest(sandbox.url, { grant_type: 'password', username: 'luc.gagnon', password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
    const unknown = await tokenRequest(sandbox.url, { grant_type: 'password', username: 'nobody', password: 'nope' });
    expect(unknown.body).toEqual(wrong.body);
    const missing = await tokenRequest(sandbox.url, { grant_type: 'password', username: 'luc.gagnon' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_request');
  });
});

describe('token endpoint errors (RFC 6749 §5.2)', () => {
  it('answers invalid_request, unsupported_grant_type, unauthorized_client and invalid_scope', async () => {
    expect((await tokenRequest(sandbox.url, {})).body.error).toBe('invalid_request');
    expect((await tokenRequest(sandbox.url, { grant_type: 'authorization_code', code: 'x' })).body.error).toBe('unsupported_grant_type');
    const ciPassword = await tokenRequest(sandbox.url, {
      grant_type: 'password',
      username: marie.username,
      password: marie.password,
      client_id: ci.clientId,
      client_secret: ci.clientSecret,
    });
    expect(ciPassword.status).toBe(400);
    expect(ciPassword.body.error).toBe('unauthorized_client');
    const scope = await tokenRequest(sandbox.url, {
      grant_type: 'client_credentials',
      client_id: ci.clientId,
      client_secret: ci.clientSecret,
      scope: 'tmf.write',
    });
    expect(scope.body.error).toBe('invalid_scope');
    const repeated = await send(sandbox.url, 'POST', '/oauth/token', {
      contentType: 'application/x-www-form-urlencoded',
      body: 'grant_type=password&grant_type=password',
    });
    expect(repeated.body.error).toBe('invalid_request');
    const text = await send(sandbox.url, 'POST', '/oauth/token', { contentType: 'text/plain', body: 'grant_type=password' });
    expect(text.status).toBe(400);
    expect(text.body.error).toBe('invalid_request');
    const badJson = await send(sandbox.url, 'POST', '/oauth/token', { contentType: 'application/json', body: '{"grant_type":' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toBe('invalid_request');
  });
});

describe('refresh_token grant', () => {
  it('rotates: the new refresh token works, the used one is refused', async () => {
    const first = await login(sandbox.url, 'marie');
    const second = await tokenRequest(sandbox.url, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect((await get(sandbox.url, `${ACCOUNTS}/BA-1001`, second.body.access_token)).status).toBe(200);
    const reused = await tokenRequest(sandbox.url, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
    const third = await tokenRequest(sandbox.url, { grant_type: 'refresh_token', refresh_token: second.body.refresh_token });
    expect(third.status).toBe(200);
    // A refresh token is not an access token, and the other way round.
    expect((await get(sandbox.url, `${ACCOUNTS}/BA-1001`, third.body.refresh_token)).status).toBe(401);
    expect((await tokenRequest(sandbox.url, { grant_type: 'refresh_token', refresh_token: third.body.access_token })).body.error).toBe('invalid_grant');
  });
});

describe('client_credentials grant', () => {
  it('authenticates the CI client in the body or with HTTP Basic, without a refresh token', async () => {
    const body = await tokenRequest(sandbox.url, { grant_type: 'client_credentials', client_id: ci.clientId, client_secret: ci.clientSecret });
    expect(body.status).toBe(200);
    expect(body.body.refresh_token).toBeUndefined();
    expect(body.body.scope).toBe('tmf.read');
    const basic = await tokenRequest(
      sandbox.url,
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from(`${ci.clientId}:${ci.clientSecret}`).toString('base64')}` },
    );
    expect(basic.status).toBe(200);
    expect((await get(sandbox.url, `${BILLS}?limit=1`, basic.body.access_token)).status).toBe(200);
  });

  it('refuses a wrong secret with 401 invalid_client', async () => {
    const wrong = await tokenRequest(sandbox.url, { grant_type: 'client_credentials', client_id: ci.clientId, client_secret: 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    const basic = await tokenRequest(
      sandbox.url,
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from(`${ci.clientId}:guess`).toString('base64')}` },
    );
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await tokenRequest(sandbox.url, { grant_type: 'client_credentials' })).status).toBe(401);
    expect((await tokenRequest(sandbox.url, { grant_type: 'client_credentials', client_id: 'who', client_secret: 'x' })).body.error).toBe('invalid_client');
  });
});

describe('revocation (RFC 7009)', () => {
  it('revokes an access token', async () => {
    const tokens = await login(sandbox.url, 'james');
    const res = await send(sandbox.url, 'POST', '/oauth/revoke', {
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ token: tokens.access_token, token_type_hint: 'access_token' }).toString(),
    });
    expect(res.status).toBe(200);
    const after = await get(sandbox.url, `${ACCOUNTS}/BA-2001`, tokens.access_token);
    expect(after.status).toBe(401);
    // The refresh token of the session still works.
    expect((await tokenRequest(sandbox.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(200);
  });

  it('revoking a refresh token ends its session, access tokens included', async () => {
    const tokens = await login(sandbox.url, 'luc');
    const rotated = (await tokenRequest(sandbox.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).body;
    const res = await send(sandbox.url, 'POST', '/oauth/revoke', {
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ token: rotated.refresh_token }).toString(),
    });
    expect(res.status).toBe(200);
    expect((await get(sandbox.url, `${ACCOUNTS}/BA-3001`, rotated.access_token)).status).toBe(401);
    expect((await get(sandbox.url, `${ACCOUNTS}/BA-3001`, tokens.access_token)).status).toBe(401);
    expect((await tokenRequest(sandbox.url, { grant_type: 'refresh_token', refresh_token: rotated.refresh_token })).body.error).toBe('invalid_grant');
  });

  it('ignores a Bearer Authorization header sent along (it is not client authentication)', async () => {
    const tokens = await login(sandbox.url, 'james');
    const res = await send(sandbox.url, 'POST', '/oauth/revoke', {
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ token: tokens.refresh_token, token_type_hint: 'refresh_token' }).toString(),
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(res.status).toBe(200);
    expect((await get(sandbox.url, `${ACCOUNTS}/BA-2001`, tokens.access_token)).status).toBe(401);
  });

  it('answers 200 for unknown tokens and 400 without a token', async () => {
    const unknown = await send(sandbox.url, 'POST', '/oauth/revoke', { contentType: 'application/x-www-form-urlencoded', body: 'token=esp_at_nothing' });
    expect(unknown.status).toBe(200);
    const none = await send(sandbox.url, 'POST', '/oauth/revoke', { contentType: 'application/x-www-form-urlencoded', body: '' });
    expect(none.status).toBe(400);
    expect(none.body.error).toBe('invalid_request');
  });
});

describe('bearer authentication on TMF routes', () => {
  it('answers 401 with a TMF body and WWW-Authenticate for missing, malformed and unknown tokens', async () => {
    const cases: Record<string, string>[] = [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer esp_at_unknown' }];
    for (const headers of cases) {
      const res = await get(sandbox.url, `${BILLS}`, undefined, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
      expect(res.body).toMatchObject({ code: '401', status: '401', reason: 'Unauthorized', '@type': 'Error' });
    }
  });
});

describe('with a clock', () => {
  const started: TestSandbox[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });

  it('expires access tokens after their lifetime; the refresh token still works', async () => {
    const { s, advance } = await sandboxWithClock({ accessTokenTtlSeconds: 60 });
    started.push(s);
    const tokens = await login(s.url, 'marie');
    expect((await get(s.url, `${ACCOUNTS}/BA-1001`, tokens.access_token)).status).toBe(200);
    advance(59);
    expect((await get(s.url, `${ACCOUNTS}/BA-1001`, tokens.access_token)).status).toBe(200);
    advance(2);
    const expired = await get(s.url, `${ACCOUNTS}/BA-1001`, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const refreshed = await tokenRequest(s.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.body.expires_in).toBe(60);
    expect((await get(s.url, `${ACCOUNTS}/BA-1001`, refreshed.body.access_token)).status).toBe(200);
  });

  it('throttles failed logins: 429 with Retry-After, even for the right password, until the back-off passes', async () => {
    const { s, advance } = await sandboxWithClock();
    started.push(s);
    for (let i = 0; i < 5; i++) {
      expect((await tokenRequest(s.url, { grant_type: 'password', username: marie.username, password: `wrong-${i}` })).status).toBe(400);
      advance(10);
    }
    const blocked = await tokenRequest(s.url, { grant_type: 'password', username: marie.username, password: marie.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ error: 'too_many_attempts', error_description: expect.any(String) });
    const retryAfter = Number(blocked.headers.get('retry-after'));
    // Five failures from one address start a 15-second back-off after the last one (10 seconds ago).
    expect(retryAfter).toBe(5);
    // Another user from the same address is not blocked by Marie's failures.
    expect((await tokenRequest(s.url, { grant_type: 'password', username: 'james.wilson', password: SEED_CREDENTIALS.james.password })).status).toBe(200);
    advance(retryAfter);
    expect((await tokenRequest(s.url, { grant_type: 'password', username: marie.username, password: marie.password })).status).toBe(200);
  });

  it('asks for a TOTP code when two-factor is on, and accepts each code once', async () => {
    const { s, advance, now } = await sandboxWithClock();
    started.push(s);
    const secret = base32Encode(Buffer.from('espace-sandbox-totp!'));
    const db = new Database(databasePath(s.dataDir));
    db.prepare('UPDATE app_user SET totp_secret = ? WHERE username = ?').run(loadTotpSecretCipher(s.dataDir).seal(secret), marie.username);
    db.close();
    const params = { grant_type: 'password', username: marie.username, password: marie.password };
    const noCode = await tokenRequest(s.url, params);
    expect(noCode.status).toBe(400);
    expect(noCode.body).toEqual({ error: 'mfa_required', error_description: expect.any(String) });
    const code = totpCode(secret, totpStep(now()));
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await tokenRequest(s.url, { ...params, otp: wrongCode })).body.error).toBe('invalid_grant');
    expect((await tokenRequest(s.url, { ...params, otp: code })).status).toBe(200);
    const replay = await tokenRequest(s.url, { ...params, otp: code });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    advance(30);
    expect((await tokenRequest(s.url, { ...params, otp: totpCode(secret, totpStep(now())) })).status).toBe(200);
  });
});

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors (SHA-1)', () => {
    const key = Buffer.from('12345678901234567890');
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(totpCode(key, totpStep(seconds * 1000), 8)).toBe(code);
  });
});
