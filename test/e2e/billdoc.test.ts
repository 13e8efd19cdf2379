/**
 * The built CLI as a user runs it: `bill download` writes a PDF whose text (pdftotext) shows the
 * totals `bill show --json` gives; `bill explain` and `bill diff` reconcile to the cent; every new
 * command has help with examples in both languages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), 'espace-billdoc-e2e-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const env = (token: string) => cliEnv({ url: sandbox.url, token });

describe('espace bill download | diff | explain', () => {
  it('downloads a PDF whose text has the totals of bill show --json', async () => {
    const show = await espace(['bill', 'show', '--json'], { env: env(sandbox.tokens.luc) });
    expect(show.code, show.stderr).toBe(0);
    const bill = JSON.parse(show.stdout) as { number: string; totalDue: { amount: number }; currentCharges: { amount: number } };
    const path = join(dir, 'luc.pdf');
    const download = await espace(['--lang', 'en', 'bill', 'download', '-o', path], { env: env(sandbox.tokens.luc) });
    expect(download.code, download.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-']).toString('utf8');
    const amount = (label: string) => Number(new RegExp(`${label}\\s{2,}(\\S.*)$`, 'm').exec(text)?.[1]?.replace(/[^\d-]/g, ''));
    expect(amount('Total due')).toBe(bill.totalDue.amount);
    expect(amount('Current charges')).toBe(bill.currentCharges.amount);

    const again = await espace(['bill', 'download', '-o', path], { env: env(sandbox.tokens.luc) });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  it('explains the latest bill to the cent', async () => {
    const result = await espace(['bill', 'explain', '--json'], { env: env(sandbox.tokens.marie) });
    expect(result.code, result.stderr).toBe(0);
    const diff = JSON.parse(result.stdout) as {
      totalChange: { amount: number };
      unexplained: { amount: number };
      changes: Array<{ effect: { amount: number } }>;
    };
    expect(diff.unexplained.amount).toBe(0);
    expect(diff.changes.reduce((total, change) => total + change.effect.amount, 0)).toBe(diff.totalChange.amount);
    const table = await espace(['bill', 'diff'], { env: env(sandbox.tokens.marie) });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.trim().split('\n').length).toBe(diff.changes.length);
  });
});
