/**
 * `espace sandbox start --profile plain` as a user runs it: the built CLI starts the sandbox program
 * in the background with that profile, `sandbox status` names it, and the server answers as the
 * plain profile does (pages of 20, no espace extension). ESPACE_SANDBOX_PROFILE does the same, and
 * `sandbox reset` restarts the sandbox with the profile it had.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_PROGRAM, espace } from '../helpers/spawn.js';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';

const home = mkdtempSync(join(tmpdir(), 'espace-e2e-profile-'));
const data = join(home, 'sandbox');
const env = { ESPACE_DATA_DIR: join(home, 'data'), ESPACE_CONFIG_DIR: join(home, 'config'), ESPACE_SANDBOX_PROFILE: undefined };

afterEach(async () => {
  await espace(['sandbox', 'stop', '--data', data], { env });
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function status(extraEnv: Record<string, string | undefined> = {}): Promise<{ url: string; profile: string; text: string }> {
  const json = await espace(['sandbox', 'status', '--data', data, '--json'], { env: { ...env, ...extraEnv } });
  expect(json.code, json.stderr).toBe(0);
  const text = await espace(['sandbox', 'status', '--data', data], { env: { ...env, ...extraEnv } });
  expect(text.code, text.stderr).toBe(0);
  const state = JSON.parse(json.stdout) as { url: string; profile: string };
  return { url: state.url, profile: state.profile, text: text.stdout };
}

/** The first page of bills the CI client reads, without asking for a page size. */
async function firstBills(url: string): Promise<{ count: number; total: number; bill: Record<string, unknown> }> {
  const { clientId, clientSecret } = SEED_CREDENTIALS.ci;
  const grant = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
  });
  const { access_token: token } = (await grant.json()) as { access_token: string };
  const answer = await fetch(`${url}/tmf-api/customerBillManagement/v4/customerBill?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  const bills = (await answer.json()) as Record<string, unknown>[];
  return { count: bills.length, total: Number(answer.headers.get('x-total-count')), bill: bills[0]! };
}

describe('sandbox profiles from the CLI', () => {
  it('sandbox start --profile plain starts a plain server, and sandbox status says so', async () => {
    const started = await espace(['sandbox', 'start', '--data', data, '--port', '0', '--profile', 'plain'], { env });
    expect(started.code, started.stderr).toBe(0);
    expect(started.stderr).toMatch(/Sandbox running at http:\/\/127\.0\.0\.1:\d+ .*profile plain/);
    const { url, profile, text } = await status();
    expect(profile).toBe('plain');
    expect(text).toContain('profile plain');
    const bills = await firstBills(url);
    expect(bills).toMatchObject({ count: 20, total: 36 });
    expect(bills.bill['@type']).toBe('CustomerBill');
    expect(bills.bill.previousBalance).toBeUndefined();
  });

  it('without --profile the sandbox is the default one, and says so', async () => {
    const started = await espace(['sandbox', 'start', '--data', data, '--port', '0'], { env });
    expect(started.code, started.stderr).toBe(0);
    const { url, profile, text } = await status();
    expect(profile).toBe('default');
    expect(text).toContain('profile default');
    const bills = await firstBills(url);
    expect(bills).toMatchObject({ count: 36, total: 36 });
    expect(bills.bill['@type']).toBe('EspaceCustomerBill');
  });

  it('ESPACE_SANDBOX_PROFILE=plain starts a plain sandbox, and sandbox reset keeps its profile', async () => {
    const plainEnv = { ESPACE_SANDBOX_PROFILE: 'plain' };
    const started = await espace(['sandbox', 'start', '--data', data, '--port', '0'], { env: { ...env, ...plainEnv } });
    expect(started.code, started.stderr).toBe(0);
    expect((await status()).profile).toBe('plain');
    // The restart after a reset runs without the variable: the profile comes from the running sandbox.
    const reset = await espace(['sandbox', 'reset', '--data', data], { env });
    expect(reset.code, reset.stderr).toBe(0);
    const after = await status();
    expect(after.profile).toBe('plain');
    expect((await firstBills(after.url)).count).toBe(20);
  });

  it('refuses an unknown profile, naming the ones there are', async () => {
    const flag = await espace(['sandbox', 'start', '--data', data, '--port', '0', '--profile', 'strict'], { env });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('default, plain');
    const variable = await espace(['sandbox', 'start', '--data', data, '--port', '0'], { env: { ...env, ESPACE_SANDBOX_PROFILE: 'strict' } });
    expect(variable.code).toBe(2);
    expect(variable.stderr).toContain("ESPACE_SANDBOX_PROFILE must be one of default, plain, not 'strict'.");
    // The sandbox program itself refuses it too, for whoever starts it without the CLI.
    const program = spawnSync(process.execPath, [SANDBOX_PROGRAM, '--data', data, '--port', '0'], {
      env: { ...process.env, ESPACE_SANDBOX_PROFILE: 'strict' },
      encoding: 'utf8',
    });
    expect(program.status).toBe(2);
    expect(program.stderr).toContain('ESPACE_SANDBOX_PROFILE: unknown profile "strict"; known profiles: default, plain');
  });
});
