/**
 * `espace smoke` against a real sandbox: client credentials or a token from the environment, each
 * step timed, JUnit XML that validates against the JUnit schema (xmllint), the failing step named
 * when staging is broken (bad secret, server stopped), and never the keychain.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney } from '../../src/smoke/journey.js';
import type { WriteStep } from '../../src/smoke/steps.js';
import { translator } from '../../src/i18n/catalog.js';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

const SCHEMA = fileURLToPath(new URL('./junit.xsd', import.meta.url));
let sandbox: TestSandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = await mkdtemp(join(tmpdir(), 'espace-smoke-'));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A vault that fails the test if anything reads it: smoke must never touch the keychain. */
const untouchableVault = {
  load: () => Promise.reject(new Error('smoke read the keychain')),
  save: () => Promise.reject(new Error('smoke wrote the keychain')),
  remove: () => Promise.reject(new Error('smoke touched the keychain')),
};

const ci = { ESPACE_CLIENT_ID: SEED_CREDENTIALS.ci.clientId, ESPACE_CLIENT_SECRET: SEED_CREDENTIALS.ci.clientSecret };
const smoke = (env: Record<string, string>, args: string[] = [], url = sandbox.url) =>
  runCli(['smoke', ...args], { env: cliEnv({ url, home: dir, extra: env }), vault: untouchableVault });

function validJunit(file: string): void {
  // Throws (with xmllint's message) when the file is not valid against the schema.
  execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { stdio: 'pipe' });
}

describe('espace smoke', () => {
  it('passes every step with client credentials and writes valid JUnit XML', async () => {
    const junit = join(dir, 'ok', 'smoke.xml');
    const result = await smoke(ci, ['--junit', junit, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; steps: { name: string; status: string; ms: number }[] };
    expect(report.ok).toBe(true);
    expect(report.steps.map((step) => step.name)).toEqual([
      'token',
      'userinfo',
      'account',
      'bills',
      'bill line items',
      'catalog',
      'usage',
      'tickets',
      'outages',
    ]);
    expect(report.steps.every((step) => step.status === 'passed' && Number.isInteger(step.ms))).toBe(true);
    validJunit(junit);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('tests="9" failures="0"');
    expect(xml.match(/<testcase /g)).toHaveLength(9);
    for (const step of report.steps) expect(xml).toContain(`name="${step.name}"`);
  });

  it('fails at the token step with a bad secret, naming it, in JUnit too', async () => {
    const junit = join(dir, 'bad-secret.xml');
    const result = await smoke({ ...ci, ESPACE_CLIENT_SECRET: 'not-the-secret' }, ['--junit', junit]);
    // Refused credentials are an authentication failure: exit code 4, as the README's table says.
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('smoke test failed at: token');
    expect(result.stderr).not.toContain('not-the-secret');
    validJunit(junit);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/<testcase classname="espace.smoke" name="token" time="[\d.]+">\s*<failure /);
    expect(xml).toContain('failures="1" errors="0" skipped="8"');
  });

  it('exits 4 when a token from the environment is refused', async () => {
    const result = await smoke({ ESPACE_TOKEN: 'not-a-token' }, ['--json']);
    expect(result.code).toBe(4);
    const report = JSON.parse(result.stdout) as { steps: { name: string; status: string; error?: { status: number } }[] };
    expect(report.steps.find((step) => step.status === 'failed')).toMatchObject({ name: 'userinfo', error: { status: 401 } });
  });

  it('fails at the first step that needs the server when staging is down', async () => {
    const stopped = await startTestSandbox();
    await stopped.close();
    const result = await smoke({ ESPACE_TOKEN: sandbox.tokens.ci }, ['--json'], stopped.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('smoke test failed at: userinfo');
    const report = JSON.parse(result.stdout) as { steps: { name: string; status: string; error?: { code: string } }[] };
    expect(report.steps.find((step) => step.name === 'userinfo')).toMatchObject({ status: 'failed', error: { code: 'unreachable' } });
  });

  it('fails fast, without prompting or reading the keychain, when no credentials are given', async () => {
    const result = await smoke({});
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('ESPACE_CLIENT_ID and ESPACE_CLIENT_SECRET');
    expect(result.stdout).toBe('');
  });
});

describe('the write journey', () => {
  it('undoes what it did, in reverse order, even when a later step fails', async () => {
    const events: string[] = [];
    const step = (name: string, fails = false): WriteStep => ({
      name,
      run: async () => {
        events.push(`do ${name}`);
        if (fails) throw new Error(`${name} refused`);
        return { detail: name };
      },
      undo: async () => void events.push(`undo ${name}`),
    });
    const reports = await runJourney(
      { api: undefined as never, tokens: { token: async () => 't', refreshAfterRejection: async () => undefined } },
      { read: [], write: [step('open ticket'), step('add note'), step('attach', true)], t: translator('en') },
    );
    expect(events).toEqual(['do open ticket', 'do add note', 'do attach', 'undo add note', 'undo open ticket']);
    expect(reports.map((report) => [report.name, report.status])).toEqual([
      ['open ticket', 'passed'],
      ['add note', 'passed'],
      ['attach', 'failed'],
      ['undo add note', 'passed'],
      ['undo open ticket', 'passed'],
    ]);
  });
});
