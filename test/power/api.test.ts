/** `espace api` against the sandbox: raw requests, fields, pagination, errors, refusals. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox({ syntheticAccounts: 5 });
  dir = mkdtempSync(join(tmpdir(), 'espace-api-'));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = (who: 'marie' | 'agent' | 'ci') => cliEnv({ url: sandbox.url, token: sandbox.tokens[who] });
const BILLS = '/tmf-api/customerBillManagement/v4/customerBill';
const ACCOUNTS = '/tmf-api/accountManagement/v4/billingAccount';

describe('espace api', () => {
  it('GETs with --field as query parameters, compact JSON when piped, indented on a terminal', async () => {
    const piped = await runCli(['api', 'get', BILLS, '--field', 'limit=2', '-f', 'fields=id'], { env: env('marie') });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.trim().split('\n')).toHaveLength(1);
    const bills = JSON.parse(piped.stdout) as Array<{ id: string }>;
    expect(bills.map((bill) => bill.id)).toHaveLength(2);
    const tty = await runCli(['api', 'GET', `${BILLS}/${bills[0]!.id}`], { env: env('marie'), tty: true });
    expect(tty.stdout).toMatch(/^\{\n {2}"id": "CB-1001-/);
  });

  it('--paginate follows offset/limit and concatenates the pages', async () => {
    const result = await runCli(['api', 'GET', ACCOUNTS, '--paginate', '-F', 'limit=3', '-f', 'fields=id'], { env: env('agent') });
    expect(result.code, result.stderr).toBe(0);
    const ids = (JSON.parse(result.stdout) as Array<{ id: string }>).map((account) => account.id);
    expect(ids).toHaveLength(8); // three seeded customers and five generated accounts, over three pages
    expect(new Set(ids).size).toBe(8);
  });

  it('--include prints the status and headers; PATCH sends fields as a JSON body; --input reads a file', async () => {
    const patched = await runCli(['api', 'PATCH', `${ACCOUNTS}/BA-1001`, '--raw-field', 'name=Maison', '--include'], { env: env('marie') });
    expect(patched.code, patched.stderr).toBe(0);
    expect(patched.stdout).toMatch(/^HTTP 200\n/);
    expect(patched.stdout).toMatch(/^x-request-id: /m);
    expect(patched.stdout).toMatch(/"name":"Maison"/);
    const file = join(dir, 'body.json');
    writeFileSync(file, JSON.stringify({ name: 'Chalet' }));
    const fromFile = await runCli(['api', 'PATCH', `${ACCOUNTS}/BA-1001`, '--input', file], { env: env('marie') });
    expect((JSON.parse(fromFile.stdout) as { name: string }).name).toBe('Chalet');
    const fromStdin = await runCli(['api', 'PATCH', `${ACCOUNTS}/BA-1001`, '--input', '-'], { env: env('marie'), stdin: '{"name": "Condo"}' });
    expect((JSON.parse(fromStdin.stdout) as { name: string }).name).toBe('Condo');
  });

  it('shows the TMF error and exits non-zero on a non-2xx answer', async () => {
    const missing = await runCli(['api', 'GET', `${BILLS}/CB-2001-000000`], { env: env('marie') });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ code: '404', reason: 'Not Found' });
    expect(missing.stderr).toMatch(/HTTP 404/);
    const readOnly = await runCli(['api', 'PATCH', `${ACCOUNTS}/BA-1001`, '-f', 'name=x'], { env: env('ci') });
    expect(readOnly.code).toBe(4);
    expect(readOnly.stderr).toMatch(/HTTP 403/);
  });

  it('refuses full URLs, unknown methods, bad fields and --paginate on writes, before sending anything', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['api', 'GET', 'https://elsewhere.example/steal'], /must start with \//],
      [['api', 'FETCH', BILLS], /unknown method "FETCH"/],
      [['api', 'POST', BILLS, '--field', 'novalue'], /--field expects key=value/],
      [['api', 'POST', BILLS, '--paginate'], /--paginate works only with GET/],
      [['api', 'GET', BILLS, '-H', 'bad header:x'], /invalid header/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(argv, { env: env('marie') });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });
});
