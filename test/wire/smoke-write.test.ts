/**
 * `espace smoke --write` against a real sandbox: with a customer's token it opens a ticket and
 * withdraws it (TMF621 closes only resolved tickets), both steps in the report and the JUnit file,
 * the ticket left behind cancelled; with the read-only CI client it refuses before any request.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = await mkdtemp(join(tmpdir(), 'espace-wire-smoke-'));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string>) => cliEnv({ url: sandbox.url, home: dir, extra });

type Report = { ok: boolean; steps: { name: string; status: string; detail?: string }[] };

describe('espace smoke --write', () => {
  it('opens a ticket as the customer and withdraws it afterwards', async () => {
    const junit = join(dir, 'write.xml');
    const result = await runCli(['smoke', '--write', '--json', '--junit', junit], { env: env({ ESPACE_TOKEN: sandbox.tokens.marie }) });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.ok).toBe(true);
    expect(report.steps.slice(-2).map((step) => [step.name, step.status])).toEqual([
      ['ticket open', 'passed'],
      ['undo ticket open', 'passed'],
    ]);
    const ticketId = report.steps.find((step) => step.name === 'ticket open')!.detail!;
    expect(ticketId).toMatch(/^TT-\d+$/);

    // The ticket stays on the account, withdrawn, for the record.
    const shown = await runCli(['--json', 'ticket', 'show', ticketId], { env: env({ ESPACE_TOKEN: sandbox.tokens.marie }) });
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: ticketId, status: 'cancelled', related: [expect.objectContaining({ id: 'BA-1001' })] });

    // Valid JUnit XML (throws with xmllint's message otherwise).
    execFileSync('xmllint', ['--noout', '--schema', fileURLToPath(new URL('../bulk/junit.xsd', import.meta.url)), junit], { stdio: 'pipe' });
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('name="ticket open"');
    expect(xml).toContain('name="undo ticket open"');
    expect(xml).toContain(`tests="${report.steps.length}" failures="0"`);
  });

  it('refuses client credentials up front: they are read-only', async () => {
    const ci = { ESPACE_CLIENT_ID: SEED_CREDENTIALS.ci.clientId, ESPACE_CLIENT_SECRET: SEED_CREDENTIALS.ci.clientSecret };
    const result = await runCli(['smoke', '--write'], { env: env(ci) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('client credentials are read-only: set ESPACE_TOKEN');
    expect(result.stdout).toBe('');
  });

  it('names the write step that failed when the token may not write', async () => {
    const result = await runCli(['smoke', '--write', '--json'], { env: env({ ESPACE_TOKEN: sandbox.tokens.ci }) });
    // HTTP 403: the account may not do that, exit code 4 as the README's table says.
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('smoke test failed at: ticket open');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.steps.find((step) => step.name === 'ticket open')).toMatchObject({ status: 'failed' });
    expect(report.steps.some((step) => step.name === 'undo ticket open')).toBe(false);
  });
});
