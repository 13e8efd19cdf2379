/**
 * `bill download` in-process against a real sandbox: the PDF that lands on disk reads back
 * (pdftotext) with the same totals as `bill show --json`; files are written atomically and never
 * overwritten without --force; stdout works when piped and is refused on a terminal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

type MoneyJson = { amount: number };
type BillJson = {
  id: string;
  number: string;
  totalDue: MoneyJson;
  sections: {
    serviceCharges: { subtotal: MoneyJson };
    addOns: { subtotal: MoneyJson };
    taxesAndFees: { subtotal: MoneyJson };
    previousBalanceAndPayments: { balanceForward: MoneyJson };
    currentChargesAndTotalDue: { currentCharges: MoneyJson; totalDue: MoneyJson };
  };
};

let sandbox: TestSandbox;
let dir: string;
type Who = 'marie' | 'james' | 'luc';
const env = (who: Who, lang = 'en') => cliEnv({ url: sandbox.url, token: sandbox.tokens[who], extra: { ESPACE_LANG: lang } });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = await mkdtemp(join(tmpdir(), 'espace-billdoc-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** "1 234,56 $", "-$10.00" → cents. Amounts on the bill always have two decimals. */
function cents(text: string): number {
  const digits = text.replace(/[^\d-]/g, '');
  return Number(digits);
}

/** The amounts at the end of the lines starting with `label`, in document order. */
function amountsAfter(text: string, label: string): number[] {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      // The label, then the column gap pdftotext -layout keeps, then the amount (headings have none).
      .filter((line) => line.startsWith(label) && /^\s{2,}\S/.test(line.slice(label.length)))
      .map((line) => cents(line.slice(label.length).trim()))
  );
}

const LABELS = {
  en: { subtotal: 'Subtotal', balanceForward: 'Balance carried forward', current: 'Current charges', total: 'Total due' },
  fr: { subtotal: 'Sous-total', balanceForward: 'Solde reporté', current: 'Frais courants', total: 'Total à payer' },
} as const;

describe('bill download', () => {
  it.each([
    ['marie', 'fr'],
    ['james', 'en'],
    ['luc', 'fr'],
  ] as const)("%s's latest bill: pdftotext shows the totals of bill show --json (%s)", async (who, lang) => {
    const shown = await runCli(['--json', 'bill', 'show', 'latest'], { env: env(who, lang) });
    expect(shown.code).toBe(0);
    const bill = JSON.parse(shown.stdout) as BillJson;
    const path = join(dir, `${who}.pdf`);
    const downloaded = await runCli(['bill', 'download', 'latest', '-o', path], { env: env(who, lang) });
    expect(downloaded.stderr).toContain(bill.number);
    expect(downloaded.code).toBe(0);

    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-']).toString('utf8');
    const labels = LABELS[lang];
    expect(text).toContain(bill.number);
    expect(amountsAfter(text, labels.subtotal)).toEqual([
      bill.sections.serviceCharges.subtotal.amount,
      bill.sections.addOns.subtotal.amount,
      bill.sections.taxesAndFees.subtotal.amount,
    ]);
    expect(amountsAfter(text, labels.balanceForward)).toEqual([bill.sections.previousBalanceAndPayments.balanceForward.amount]);
    expect(amountsAfter(text, labels.current)).toEqual([bill.sections.currentChargesAndTotalDue.currentCharges.amount]);
    expect(amountsAfter(text, labels.total)).toEqual([bill.totalDue.amount]);
  });

  it('names the file after the bill in the user’s language, in the current directory', async () => {
    const here = process.cwd();
    const target = await mkdtemp(join(dir, 'cwd-'));
    process.chdir(target);
    try {
      const result = await runCli(['bill', 'download'], { env: env('marie', 'fr') });
      expect(result.code).toBe(0);
      const files = await readdir(target);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^facture-\d{4}-\d{2}-1001\.pdf$/);
      expect((await readFile(join(target, files[0]!))).subarray(0, 5).toString()).toBe('%PDF-');
      const english = await runCli(['bill', 'download'], { env: env('james', 'en') });
      expect(english.code).toBe(0);
      expect((await readdir(target)).filter((name) => name.startsWith('bill-'))).toHaveLength(1);
    } finally {
      process.chdir(here);
    }
  });

  it('writes into a directory given with -o, under the default name', async () => {
    const target = await mkdtemp(join(dir, 'into-'));
    const result = await runCli(['bill', 'download', '-o', target], { env: env('james') });
    expect(result.code).toBe(0);
    expect(await readdir(target)).toEqual([expect.stringMatching(/^bill-\d{4}-\d{2}-2001\.pdf$/)]);
  });

  it('refuses to overwrite without --force, and overwrites with it, leaving no temporary file', async () => {
    const target = await mkdtemp(join(dir, 'force-'));
    const path = join(target, 'bill.pdf');
    await writeFile(path, 'keep me');
    const refused = await runCli(['bill', 'download', '-o', path], { env: env('james') });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`the file ${path} already exists; add --force`);
    expect(await readFile(path, 'utf8')).toBe('keep me');

    const forced = await runCli(['bill', 'download', '-o', path, '--force'], { env: env('james') });
    expect(forced.code).toBe(0);
    expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readdir(target)).toEqual(['bill.pdf']);
  });

  it('reports a directory it cannot write in, and says what to check', async () => {
    const result = await runCli(['bill', 'download', '-o', join(dir, 'missing-dir', 'bill.pdf')], { env: env('james') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ENOENT');
    expect(result.stderr).toContain('Check that the directory exists');
  });

  it('writes to stdout with -o - when piped, and refuses a terminal', async () => {
    const piped = await runCli(['bill', 'download', '-o', '-'], { env: env('luc') });
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith('%PDF-1.4')).toBe(true);
    expect(piped.stdout.trimEnd().endsWith('%%EOF')).toBe(true);
    const terminal = await runCli(['bill', 'download', '-o', '-'], { env: env('luc'), tty: true });
    expect(terminal.code).toBe(2);
    expect(terminal.stderr).toContain('refusing to write a PDF to a terminal');
    expect(terminal.stdout).toBe('');
  });

  it("cannot fetch another customer's bill", async () => {
    const result = await runCli(['bill', 'download', 'CB-2001-000000', '-o', join(dir, 'nope.pdf')], { env: env('marie') });
    expect(result.code).toBe(1);
    await expect(readFile(join(dir, 'nope.pdf'))).rejects.toThrow();
  });

  it('prints where it saved the file with --json', async () => {
    const path = join(dir, 'json.pdf');
    const result = await runCli(['--json', 'bill', 'download', '-o', path], { env: env('marie') });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ path, number: expect.stringMatching(/-1001$/), bytes: expect.any(Number) });
  });
});
