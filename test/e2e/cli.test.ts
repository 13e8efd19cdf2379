/** The built CLI as a user runs it: version, help, usage errors, suggestions, exit codes. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { clientToken, passwordToken } from '../helpers/tokens.js';
import { DEMO_PASSWORD, cliEnv } from '../helpers/env.js';

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

describe('espace', () => {
  it('prints its version', async () => {
    const result = await espace(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has help with examples for every command, in both languages', async () => {
    for (const args of [
      [],
      ['bill'],
      ['bill', 'show'],
      ['bill', 'list'],
      ['auth', 'login'],
      ['auth', 'status'],
      ['auth', 'logout'],
      ['context', 'add'],
      ['sandbox', 'start'],
      ['demo'],
    ]) {
      const english = await espace([...args, '--help']);
      expect(english.code, args.join(' ')).toBe(0);
      expect(english.stdout, args.join(' ')).toMatch(/Examples:\n {2}\$ espace/);
      const french = await espace(['--lang', 'fr', ...args, '--help']);
      expect(french.stdout, args.join(' ')).toMatch(/Exemples\s:\n {2}\$ espace/);
      expect(french.stdout).toMatch(/Utilisation\s:/);
    }
  });

  it('suggests the closest command and exits 2 on a usage error', async () => {
    const result = await espace(['bil', 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'bil'/);
    expect(result.stderr).toMatch(/Did you mean bill\?/);
    const french = await espace(['--lang', 'fr', 'bil']);
    expect(french.stderr).toMatch(/commande inconnue «\sbil\s»\. Vouliez-vous dire bill\s\?/);
  });

  it('shows a bill from a token in the environment, and 404 (exit 1) for another customer’s bill', async () => {
    const marie = (await passwordToken(sandbox.url, 'marie.tremblay', DEMO_PASSWORD)).access_token;
    const james = (await passwordToken(sandbox.url, 'james.wilson', DEMO_PASSWORD)).access_token;
    const env = (token: string) => cliEnv({ url: sandbox.url, token });
    const own = await espace(['bill', 'show', '--json'], { env: env(marie) });
    expect(own.code, own.stderr).toBe(0);
    const bill = JSON.parse(own.stdout) as { id: string; totalDue: { amount: number } };
    expect(Number.isInteger(bill.totalDue.amount)).toBe(true);

    const theirs = await espace(['bill', 'show', bill.id], { env: env(james) });
    expect(theirs.code).toBe(1);
    expect(theirs.stderr).toMatch(/HTTP 404/);
    expect(theirs.stdout).toBe('');
  });

  it('the read-only CI client can read but not write', async () => {
    const token = await clientToken(sandbox.url, 'espace-ci', 'espace-ci-sandbox-secret');
    const read = await espace(['bill', 'list', '--account', 'BA-3001', '--json'], {
      env: cliEnv({ url: sandbox.url, token }),
    });
    expect(read.code, read.stderr).toBe(0);
    const write = await fetch(`${sandbox.url}/tmf-api/accountManagement/v4/billingAccount/BA-3001`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ name: 'changed' }),
    });
    expect(write.status).toBe(403);
  });

  it('strips terminal control characters from what it prints', async () => {
    const env = cliEnv({ home: mkdtempSync(join(tmpdir(), 'espace-e2e-sanitize-')) });
    const result = await espace(['context', 'add', 'evil', '--url', 'https://evil.example', '--description', 'a\u001b[31mred\u0007'], { env });
    expect(result.code, result.stderr).toBe(0);
    const list = await espace(['context', 'list'], { env });

    expect(list.stdout).toContain('ared');
    expect(list.stdout).not.toContain('\u001b');
    expect(list.stdout).not.toContain('\u0007');
  });
});
