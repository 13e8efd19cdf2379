/**
 * The sandbox's security endpoints over HTTP: TOTP per RFC 6238 with one step of drift either way,
 * the last accepted step per user (a code, or an older one, cannot be used again), client tokens
 * refused, and the OpenAPI-documented shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../../src/sandbox/auth/totp.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { DEMO_PASSWORD } from '../helpers/env.js';

let sandbox: TestSandbox;
const clockMs = Date.parse('2026-11-26T15:00:10Z');

beforeAll(async () => {
  sandbox = await startTestSandbox({ now: () => new Date(clockMs) });
});
afterAll(async () => sandbox?.close());

const call = (method: string, path: string, token: string, body?: unknown) =>
  fetch(`${sandbox.url}/espace-api/security/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const grant = (username: string, otp: string) =>
  fetch(`${sandbox.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password: DEMO_PASSWORD, otp }),
  });

describe('sandbox two-factor', () => {
  it('accepts codes one step either side, never a step at or before the last accepted one', async () => {
    const token = sandbox.tokens.james;
    const enrolment = (await (await call('POST', '/twoFactor/enrolment', token, { currentPassword: DEMO_PASSWORD })).json()) as {
      secret: string;
      otpauthUri: string;
    };
    const step = totpStep(clockMs);
    const code = (offset: number) => totpCode(enrolment.secret, step + offset);

    expect((await call('POST', '/twoFactor/confirmation', token, { code: code(2) })).status).toBe(422);
    expect((await call('POST', '/twoFactor/confirmation', token, { code: code(-2) })).status).toBe(422);
    const confirmed = await call('POST', '/twoFactor/confirmation', token, { code: code(-1) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.get('cache-control')).toBe('no-store');

    expect((await grant('james.wilson', code(-1))).status).toBe(400); // used by the confirmation
    expect((await grant('james.wilson', code(1))).status).toBe(200);
    expect((await grant('james.wilson', code(0))).status).toBe(400); // older than the last accepted step
    expect((await grant('james.wilson', code(1))).status).toBe(400); // replay
  });

  it('serves the caller only, and refuses client tokens', async () => {
    expect((await call('GET', '/twoFactor', sandbox.tokens.ci)).status).toBe(403);
    expect((await call('POST', '/twoFactor/enrolment', sandbox.tokens.ci, {})).status).toBe(403);
    const agent = await call('GET', '/twoFactor', sandbox.tokens.agent);
    expect(await agent.json()).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    const sessions = (await (await call('GET', '/session', sandbox.tokens.luc)).json()) as { current: boolean; userAgent: string }[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ current: true, userAgent: 'test helper' });
    expect((await call('DELETE', '/session', sandbox.tokens.luc)).status).toBe(400);
  });

  it('checks the new password on the server too, and confirms nothing without an enrolment', async () => {
    const short = await call('POST', '/passwordChange', sandbox.tokens.luc, { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    const same = await call('POST', '/passwordChange', sandbox.tokens.luc, { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
    expect(same.status).toBe(400);
    expect((await call('POST', '/twoFactor/confirmation', sandbox.tokens.luc, { code: '123456' })).status).toBe(409);
    expect((await call('POST', '/twoFactor/deactivation', sandbox.tokens.luc, { code: '123456' })).status).toBe(409);
  });
});
