/**
 * The login throttle and the password-hashing bound under attack, over real HTTP against a real
 * sandbox (password hashing at the test cost). Clients are bound to different loopback addresses (127.0.0.2, 127.0.0.3, …), which the
 * sandbox sees as different sources (it trusts no X-Forwarded-For). Where requests must all be in
 * flight at once, the sandbox's hashes are held until the test has seen the answers it expects,
 * so nothing depends on timing.
 */
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { HashLoad } from '../../src/sandbox/auth/hash-limiter.js';
import { loadTotpSecretCipher } from '../../src/sandbox/auth/totp-secrets.js';
import { base32Encode, totpCode, totpStep } from '../../src/sandbox/auth/totp.js';
import { databasePath } from '../../src/sandbox/db.js';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import type { SandboxOptions } from '../../src/sandbox/server.js';
import { Sqlite } from '../../src/sandbox/sqlite.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const { marie, james } = SEED_CREDENTIALS;
const started: TestSandbox[] = [];
const agents = new Map<string, Agent>();

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
  await Promise.all([...agents.values()].map((agent) => agent.close()));
  agents.clear();
});

interface Answer {
  status: number;
  retryAfter: string | null;
  body: Record<string, unknown>;
}

/** A password grant sent from a given loopback address. */
async function tokenFrom(base: string, source: string, params: Record<string, string>): Promise<Answer> {
  let agent = agents.get(source);
  if (!agent) agents.set(source, (agent = new Agent({ localAddress: source })));
  const response = await request(`${base}/oauth/token`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', ...params }).toString(),
  });
  const retryAfter = response.headers['retry-after'];
  return {
    status: response.statusCode,
    retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
    body: (await response.body.json()) as Record<string, unknown>,
  };
}

/** Keeps every password hash waiting in its slot until `release()`. */
function hashGate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { hold: () => opened, release: () => open() };
}

/** Resolves once `count` of the promises have settled (in any order). */
function settled<T>(promises: Promise<T>[], count: number): Promise<void> {
  return new Promise((resolve) => {
    let done = 0;
    if (count === 0) resolve();
    for (const promise of promises) {
      void promise.finally(() => {
        if (++done === count) resolve();
      });
    }
  });
}

async function sandboxWith(options: Partial<SandboxOptions> = {}) {
  let now = Date.parse('2026-11-10T15:00:00Z');
  const s = await startTestSandbox({
    seedAnchor: '2026-11-01',
    now: () => new Date(now),
    ...options,
  });
  started.push(s);
  return { s, advance: (seconds: number) => (now += seconds * 1000), now: () => now };
}

/** Turns two-factor on for a user, with the secret sealed as the sandbox stores it. */
function enableTwoFactor(s: TestSandbox, username: string): string {
  const secret = base32Encode(Buffer.from(`totp-of-${username}`.padEnd(20, '!').slice(0, 20)));
  const db = new Sqlite(databasePath(s.dataDir));
  try {
    db.prepare('UPDATE app_user SET totp_secret = ? WHERE username = ?').run(loadTotpSecretCipher(s.dataDir).seal(secret), username);
  } finally {
    db.close();
  }
  return secret;
}

describe('concurrent guesses', () => {
  it('24 wrong passwords and the right one at once: no token for a wrong one, the excess gets 429, the owner still gets in', async () => {
    const gate = hashGate();
    const { s, advance } = await sandboxWith({ passwordHashing: { hold: gate.hold } });
    const passwords = [...Array.from({ length: 24 }, (_, i) => `wrong-${i}`), marie.password];
    const answers = passwords.map((password) => tokenFrom(s.url, '127.0.0.1', { username: marie.username, password }));
    // Five attempts per (user, source) are checked; every other one is refused before hashing.
    await settled(answers, passwords.length - 5);
    gate.release();
    const results = await Promise.all(answers);

    results.forEach((answer, i) => {
      if (passwords[i] !== marie.password) expect(answer.status, `wrong password ${i}`).not.toBe(200);
      expect(answer.body.access_token === undefined, `answer ${i}`).toBe(answer.status !== 200);
    });
    const refused = results.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(passwords.length - 5);
    for (const answer of refused) {
      expect(answer.body.error).toBe('too_many_attempts');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }

    // The owner, from another address, is not held back by the guesses.
    expect((await tokenFrom(s.url, '127.0.0.2', { username: marie.username, password: marie.password })).status).toBe(200);
    // And from the guessing address too, once its back-off (if the right password did not clear it) has passed.
    const again = await tokenFrom(s.url, '127.0.0.1', { username: marie.username, password: marie.password });
    if (again.status === 429) advance(Number(again.retryAfter));
    const later = again.status === 429 ? await tokenFrom(s.url, '127.0.0.1', { username: marie.username, password: marie.password }) : again;
    expect(later.status).toBe(200);
  });

  it('29 wrong one-time codes and the right one at once: no token for a wrong code, the excess gets 429', async () => {
    const gate = hashGate();
    const { s, advance, now } = await sandboxWith({ passwordHashing: { hold: gate.hold } });
    const secret = enableTwoFactor(s, marie.username);
    const right = totpCode(secret, totpStep(now()));
    const codes = [...Array.from({ length: 29 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0')), right];
    const answers = codes.map((otp) => tokenFrom(s.url, '127.0.0.1', { username: marie.username, password: marie.password, otp }));
    await settled(answers, codes.length - 5);
    gate.release();
    const results = await Promise.all(answers);

    results.forEach((answer, i) => {
      if (codes[i] !== right) expect(answer.status, `wrong code ${codes[i]}`).not.toBe(200);
    });
    expect(results.filter((answer) => answer.status === 429)).toHaveLength(codes.length - 5);

    advance(30);
    const owner = await tokenFrom(s.url, '127.0.0.2', { username: marie.username, password: marie.password, otp: totpCode(secret, totpStep(now())) });
    expect(owner.status, JSON.stringify(owner.body)).toBe(200);
  });
});

describe('bounded password hashing', () => {
  it('40 bogus logins at once: at most 2 hashes run and 3 wait; the rest get 503 with Retry-After; a real login then works', async () => {
    const gate = hashGate();
    const loads: HashLoad[] = [];
    const { s } = await sandboxWith({
      passwordHashing: { limits: { maxConcurrent: 2, maxQueued: 3 }, hold: gate.hold, observe: (load) => loads.push(load) },
    });
    // Distinct usernames from distinct addresses, so that the throttle lets every one through.
    const answers = Array.from({ length: 40 }, (_, i) => tokenFrom(s.url, `127.0.1.${i + 1}`, { username: `nobody-${i}`, password: 'guess' }));
    await settled(answers, 35);
    gate.release();
    const results = await Promise.all(answers);

    const busy = results.filter((answer) => answer.status === 503);
    expect(busy).toHaveLength(35);
    for (const answer of busy) {
      expect(answer.body.error).toBe('temporarily_unavailable');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    expect(results.filter((answer) => answer.status === 400)).toHaveLength(5);
    expect(Math.max(...loads.map((load) => load.active))).toBe(2);
    expect(Math.max(...loads.map((load) => load.queued))).toBe(3);

    // Refused attempts were not counted as failures: the owner of that address logs in at once.
    expect((await tokenFrom(s.url, '127.0.1.1', { username: james.username, password: james.password })).status).toBe(200);
    expect(Math.max(...loads.map((load) => load.active))).toBe(2);
  });
});

describe('no lockout of the real user', () => {
  it('an address that failed 20 times does not block another user behind it', async () => {
    const { s } = await sandboxWith();
    for (let i = 0; i < 20; i++) {
      expect((await tokenFrom(s.url, '127.0.0.2', { username: `guess-${i % 4}`, password: `wrong-${i}` })).status).not.toBe(200);
    }
    expect((await tokenFrom(s.url, '127.0.0.2', { username: james.username, password: james.password })).status).toBe(200);
  });

  it('backs off exponentially per (user, address), with Retry-After', async () => {
    const { s, advance } = await sandboxWith();
    for (let i = 0; i < 5; i++) expect((await tokenFrom(s.url, '127.0.0.2', { username: marie.username, password: `wrong-${i}` })).status).toBe(400);
    const first = await tokenFrom(s.url, '127.0.0.2', { username: marie.username, password: marie.password });
    expect(first.status).toBe(429);
    expect(first.retryAfter).toBe('15');
    advance(15);
    expect((await tokenFrom(s.url, '127.0.0.2', { username: marie.username, password: 'wrong-5' })).status).toBe(400);
    const second = await tokenFrom(s.url, '127.0.0.2', { username: marie.username, password: marie.password });
    expect(second.status).toBe(429);
    expect(second.retryAfter).toBe('30');
    advance(30);
    expect((await tokenFrom(s.url, '127.0.0.2', { username: marie.username, password: marie.password })).status).toBe(200);
  });

  it('past the per-user bound, failing addresses back off but a fresh one with the password and a code gets in', async () => {
    const { s, now } = await sandboxWith({ throttleLimits: { perUser: 10 } });
    const secret = enableTwoFactor(s, marie.username);
    for (const source of ['127.0.0.2', '127.0.0.3']) {
      for (let i = 0; i < 5; i++) expect((await tokenFrom(s.url, source, { username: marie.username, password: `wrong-${i}` })).status).toBe(400);
    }
    // One failure from yet another address is enough to make it wait, now that the user is under attack.
    expect((await tokenFrom(s.url, '127.0.0.4', { username: marie.username, password: 'wrong' })).status).toBe(400);
    expect((await tokenFrom(s.url, '127.0.0.4', { username: marie.username, password: marie.password })).status).toBe(429);
    const owner = await tokenFrom(s.url, '127.0.0.5', { username: marie.username, password: marie.password, otp: totpCode(secret, totpStep(now())) });
    expect(owner.status, JSON.stringify(owner.body)).toBe(200);
  });
});
