/**
 * The sandbox clock itself: moved forward, it stays moved across a restart, and real time keeps
 * running from the new date; token lifetimes stay on the real clock.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { startSandbox } from '../../src/sandbox/server.js';

let dataDir: string;
let real = new Date('2026-12-07T15:00:00Z');
const now = () => real;
const DAY = 86_400_000;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'espace-clock-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function clockOf(url: string): Promise<{ now: string; offsetSeconds: number }> {
  const response = await fetch(`${url}/sandbox/clock`);
  expect(response.status).toBe(200);
  return (await response.json()) as { now: string; offsetSeconds: number };
}

describe('the sandbox clock', () => {
  it('moves forward, keeps running with real time, and survives a restart', async () => {
    const first = await startSandbox({ dataDir, port: 0, seedAnchor: '2026-12-01', now, clockTickMs: 0 });
    try {
      expect((await clockOf(first.url)).now).toBe('2026-12-07T15:00:00.000Z');
      const login = await fetch(`${first.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          username: SEED_CREDENTIALS.marie.username,
          password: SEED_CREDENTIALS.marie.password,
          client_id: SEED_CREDENTIALS.cliClientId,
        }),
      });
      const token = ((await login.json()) as { access_token: string }).access_token;
      const moved = await fetch(`${first.url}/sandbox/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ by: '30d' }),
      });
      expect(moved.status).toBe(200);
      expect((await clockOf(first.url)).now).toBe('2027-01-06T15:00:00.000Z');
      // An access token lives an hour of real time, however far the sandbox's date moved.
      const account = await fetch(`${first.url}/tmf-api/accountManagement/v4/billingAccount/BA-1001`, { headers: { authorization: `Bearer ${token}` } });
      expect(account.status).toBe(200);
      real = new Date(real.getTime() + 3_600_000);
      expect((await clockOf(first.url)).now).toBe('2027-01-06T16:00:00.000Z');
    } finally {
      await first.close();
    }
    real = new Date(real.getTime() + DAY);
    const second = await startSandbox({ dataDir, port: 0, now, clockTickMs: 0 });
    try {
      const clock = await clockOf(second.url);
      expect(clock.now).toBe('2027-01-07T16:00:00.000Z');
      expect(clock.offsetSeconds).toBe(30 * 86_400);
      // The January bill the advance issued is still there, once.
      const log = (await (await fetch(`${second.url}/sandbox/clock/event?billingAccount.id=BA-1001`)).json()) as { key: string }[];
      expect(log.filter((e) => e.key === 'bill-run:BA-1001:2027-01')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('refuses a body it cannot read, naming what to send', async () => {
    const sandbox = await startSandbox({ dataDir, port: 0, now, clockTickMs: 0 });
    try {
      const post = (body: unknown) =>
        fetch(`${sandbox.url}/sandbox/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const both = await post({ by: '1d', to: '2028-01-01' });
      expect(both.status).toBe(400);
      expect(((await both.json()) as { message: string }).message).toContain('exactly one of "by"');
      const other = await post({ by: '1d', at: 'noon' });
      expect(other.status).toBe(400);
      expect(((await other.json()) as { message: string }).message).toBe('Unexpected field "at" in the body');
      const notText = await post({ by: { days: 1 } });
      expect(notText.status).toBe(400);
      expect(((await notText.json()) as { message: string }).message).toBe('body.by must be string');
      const impossible = await post({ to: '2027-02-30' });
      expect(impossible.status).toBe(400);
      const tooFar = await post({ by: '11y' });
      expect(tooFar.status).toBe(422);
    } finally {
      await sandbox.close();
    }
  });
});
