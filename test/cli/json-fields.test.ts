/** `--fields a,b` beside `--json`: picked fields of objects, array items and bulk records' data; unknown ones refused. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_FIELDS } from '../../src/output/json-fields.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

let sandbox: TestSandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), 'espace-fields-'));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = (who: 'marie' | 'luc' | 'agent') => ({ ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens[who], ESPACE_CONFIG_DIR: join(dir, 'config') });
const json = (text: string) => JSON.parse(text) as unknown;

describe('--fields', () => {
  it('keeps only the named fields of an object, with the values --json prints, and implies --json', async () => {
    const full = json((await runCli(['bill', 'show', '--json'], { env: env('marie') })).stdout) as Record<string, unknown>;
    const picked = await runCli(['bill', 'show', '--fields', 'id, totalDue'], { env: env('marie') });
    expect(picked.code, picked.stderr).toBe(0);
    expect(json(picked.stdout)).toEqual({ id: full.id, totalDue: full.totalDue });
    // Before the noun too, as any global option.
    expect(json((await runCli(['--fields', 'state', 'bill', 'show'], { env: env('marie') })).stdout)).toEqual({ state: full.state });
  });

  it('keeps the named fields of each item of a list', async () => {
    const full = json((await runCli(['bill', 'list', '--json'], { env: env('luc') })).stdout) as Array<Record<string, unknown>>;
    const picked = json((await runCli(['bill', 'list', '--json', '--fields', 'number,state'], { env: env('luc') })).stdout) as unknown[];
    expect(full.length).toBeGreaterThan(1);
    expect(picked).toEqual(full.map((bill) => ({ number: bill.number, state: bill.state })));
  });

  it('refuses an unknown field with exit 2 and the list of fields, before sending anything', async () => {
    const result = await runCli(['bill', 'show', '--fields', 'id,totalDu'], { env: { ...env('marie'), ESPACE_API_URL: 'http://127.0.0.1:9' } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`bill show has no JSON field totalDu. Available fields: ${JSON_FIELDS['bill show']!.join(', ')}.`);
    expect(result.stderr).toContain('espace bill show --help lists its JSON fields.');
    const empty = await runCli(['bill', 'show', '--fields', ' , '], { env: env('marie') });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--fields needs at least one field name');
  });

  it('works on a command without a declared list, checking its output’s own keys', async () => {
    const picked = await runCli(['context', 'list', '--fields', 'name,active'], { env: { ESPACE_CONFIG_DIR: join(dir, 'config') } });
    expect(picked.code, picked.stderr).toBe(0);
    expect(json(picked.stdout)).toEqual([{ name: 'sandbox', active: true }]);
    const unknown = await runCli(['context', 'list', '--fields', 'url'], { env: { ESPACE_CONFIG_DIR: join(dir, 'config') } });
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/context list has no JSON field url\. Available fields: name, apiUrl, .*active\./);
  });

  it('lists the declared fields in each command’s help, in both languages', async () => {
    const help = await runCli(['bill', 'show', '--help'], { env: env('marie') });
    expect(help.stdout).toContain(`JSON fields (--json, or --fields to pick some):\n  ${JSON_FIELDS['bill show']!.join(', ')}`);
    const french = await runCli(['--lang', 'fr', 'payment', 'list', '--help'], { env: env('marie') });
    expect(french.stdout).toContain(`Champs JSON (--json, ou --fields pour en choisir)\u00a0:\n  ${JSON_FIELDS['payment list']!.join(', ')}`);
  });

  it.each(['marie', 'luc'] as const)('declares every field each command prints (%s)', async (who) => {
    for (const [path, declared] of Object.entries(JSON_FIELDS)) {
      const result = await runCli([...path.split(' '), '--json'], { env: env(who) });
      expect(result.code, `${path}: ${result.stderr}`).toBe(0);
      const value = json(result.stdout);
      const items = (Array.isArray(value) ? value : [value]) as Array<Record<string, unknown>>;
      for (const item of items) expect(declared, path).toEqual(expect.arrayContaining(Object.keys(item)));
    }
  });

  it('keeps the named fields of each bulk record’s data, and still chooses CSV columns with --format csv', async () => {
    const list = join(dir, 'accounts.txt');
    writeFileSync(list, 'BA-1001\nBA-2001\nBA-404\n');
    const result = await runCli(['bill', 'show', '--accounts-from', list, '--ordered', '--fields', 'totalDue,state'], { env: env('agent') });
    expect(result.code).toBe(3);
    const records = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { account: string; ok: boolean; data?: object; error?: object });
    expect(records.map((record) => record.account)).toEqual(['BA-1001', 'BA-2001', 'BA-404']);
    for (const record of records.filter((each) => each.ok)) expect(Object.keys(record.data!)).toEqual(['totalDue', 'state']);
    expect(records[2]).toMatchObject({ ok: false, error: expect.any(Object) });

    const unknown = await runCli(['bill', 'show', '--accounts-from', list, '--fields', 'total'], { env: env('agent') });
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('bill show has no JSON field total.');

    const csv = await runCli(['bill', 'show', '--accounts-from', list, '--ordered', '--format', 'csv', '--fields', 'account,data.state'], {
      env: env('agent'),
    });
    expect(csv.stdout.split('\n')[0]).toBe('account,data.state');
  });
});
