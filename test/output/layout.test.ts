/**
 * Layout within a width: wrapping at word boundaries measured as a terminal shows text (colour
 * takes no room, East Asian characters take two columns), tables fitted to the width, server
 * strings bounded, and the same through the CLI with COLUMNS against a sandbox.
 */
import { PassThrough } from 'node:stream';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIO } from '../../src/output/io.js';
import { fitColumns, renderTable } from '../../src/output/table.js';
import { terminalColumns } from '../../src/output/columns.js';
import { wrapParagraphs, wrapWords } from '../../src/output/wrap.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));

async function terminalIO(columns: number, plain = false) {
  const chunks: string[] = [];
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns });
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const stderr = Object.assign(new PassThrough(), { isTTY: true, columns });
  const io = await createIO({ stdin: new PassThrough(), stdout, stderr, colorAllowed: true, columns, plain });
  return { io, text: () => chunks.join('') };
}

describe('wrapping', () => {
  it('breaks at word boundaries, counting wide characters as two columns and colour as none', () => {
    const text = 'The pre-authorized payment is charged on the due date of each bill 請求書の支払い期日に引き落とされます';
    const wrapped = wrapWords(text, 30);
    expect(widest(wrapped)).toBeLessThanOrEqual(30);
    expect(wrapped.split(/\s+/)).toContain('charged');
    const coloured = wrapWords(`\x1b[1m${'word '.repeat(20)}\x1b[22m`, 24);
    expect(widest(coloured)).toBeLessThanOrEqual(24);
    // eslint-disable-next-line no-control-regex -- the colour codes are what this checks
    expect(coloured.split('\n')[0]).toMatch(/^\x1b\[1m(word ){4}word\x1b\[22m$/);
  });

  it('keeps a bullet’s indentation on the lines that continue it', () => {
    const text = `  ✗ Login: ${'the keychain is locked and '.repeat(4)}\n`;
    const lines = wrapParagraphs(text, 40).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).toMatch(/^ {2}✗ Login:/);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {4}\S/);
    expect(widest(lines.join('\n'))).toBeLessThanOrEqual(40);
  });

  it('reads the width from COLUMNS, else the terminal, else 80', () => {
    expect(terminalColumns({ COLUMNS: '63' }, { columns: 120 })).toBe(63);
    expect(terminalColumns({ COLUMNS: 'wide' }, { columns: 120 })).toBe(120);
    expect(terminalColumns({}, {}, { columns: 99 })).toBe(99);
    expect(terminalColumns({})).toBe(80);
  });
});

describe('tables', () => {
  const columns = [{ header: 'ID', keep: true }, { header: 'Name' }, { header: 'Monthly', align: 'right' as const }, { header: 'Details' }];
  const rows = [
    ['OFF-INT-GIGA-PLUS', 'Internet Giga Plus', '$99.00', 'needs Internet · with OFF-MOB-10, OFF-MOB-15, OFF-MOB-20 and a very long explanation'],
    ['OFF-X', 'Supercalifragilisticexpialidocious', '$1,234.56', 'short'],
  ];

  it('fit in 60, 80 and 120 columns, amounts and kept columns whole', async () => {
    for (const width of [60, 80, 120]) {
      const { io } = await terminalIO(width);
      const table = renderTable(io, columns, rows);
      expect(widest(table), table).toBeLessThanOrEqual(width);
      expect(table).toContain('$1,234.56');
      expect(table).toContain('OFF-INT-GIGA-PLUS');
    }
  });

  it('give amounts their width and share the rest, or say they cannot fit', () => {
    const all = [columns.map((column) => column.header), ...rows];
    const widths = fitColumns(columns, all, 50, 'cut')!;
    expect(widths[0]).toBe('OFF-INT-GIGA-PLUS'.length);
    expect(widths[2]).toBe('$1,234.56'.length);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(50);
    expect(fitColumns(columns, all, 20, 'cut')).toBeUndefined();
    expect(fitColumns(columns, all, 50, 'wrap')).toBeUndefined();
  });

  it('too narrow for any table: one Label: value line per cell', async () => {
    const { io } = await terminalIO(30);
    const text = renderTable(io, columns, rows);
    expect(widest(text)).toBeLessThanOrEqual(30);
    expect(text).toMatch(/^Monthly: \$1,234\.56$/m);
    expect(text).not.toMatch(/[\u2500-\u259f]/);
  });

  it('bound a 150,000-character server string: wrapped in the width, a few lines, cut with …', async () => {
    const { io } = await terminalIO(80);
    const huge = 'x'.repeat(150_000);
    const table = renderTable(io, columns, [['OFF-1', huge, '$1.00', `${'word '.repeat(30_000)}`]]);
    expect(widest(table)).toBeLessThanOrEqual(80);
    expect(table.split('\n').length).toBeLessThan(60);
    expect(table).toContain('…');
  });

  it('a long paragraph written to a terminal is wrapped; piped, it is left as it is', async () => {
    const { io, text } = await terminalIO(60);
    io.out(`${'charged '.repeat(40)}\n`);
    expect(widest(text())).toBeLessThanOrEqual(60);
    expect(
      text()
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => word === 'charged'),
    ).toBe(true);
    const piped: string[] = [];
    const stdout = new PassThrough();
    stdout.on('data', (chunk: Buffer) => piped.push(chunk.toString('utf8')));
    const plainIO = await createIO({ stdin: new PassThrough(), stdout, stderr: new PassThrough(), colorAllowed: false, columns: 60 });
    plainIO.out(`${'charged '.repeat(40)}\n`);
    expect(piped.join('').split('\n')[0]!.length).toBe(320);
  });
});

describe('through the CLI with COLUMNS', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const run = (args: string[], env: Record<string, string>) =>
    runCli([...args, '--no-pager'], { tty: true, env: { ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens.luc, ...env } });

  it('bill list, bill show and plan catalog fit 60 and 80 columns', async () => {
    for (const width of ['60', '80']) {
      for (const args of [
        ['bill', 'list'],
        ['bill', 'show', 'latest'],
        ['plan', 'catalog'],
        ['usage', 'show'],
      ]) {
        const result = await run(args, { COLUMNS: width });
        expect(result.code, result.stderr).toBe(0);
        expect(widest(result.stdout), `${args.join(' ')} at ${width}\n${result.stdout}`).toBeLessThanOrEqual(Number(width));
      }
    }
  });

  it('--json and a raw API answer on a narrow terminal are the same bytes as piped: data is never wrapped', async () => {
    for (const args of [
      ['bill', 'show', 'latest', '--json'],
      ['api', 'GET', '/tmf-api/customerBillManagement/v4/customerBill?limit=2'],
    ]) {
      const onTerminal = await run(args, { COLUMNS: '20' });
      const piped = await runCli(args, { env: { ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens.luc } });
      expect(onTerminal.code, onTerminal.stderr).toBe(0);
      expect(widest(onTerminal.stdout)).toBeGreaterThan(20);
      // `espace api` indents its answer on a terminal: the same document, every string whole.
      if (args[0] === 'api') expect(JSON.parse(onTerminal.stdout)).toEqual(JSON.parse(piped.stdout));
      else expect(onTerminal.stdout).toBe(piped.stdout);
    }
  });

  it('--plain and TERM=dumb draw no box or block character (usage chart included)', async () => {
    for (const args of [
      ['bill', 'list', '--plain'],
      ['usage', 'show', '--plain'],
      ['plan', 'catalog'],
    ]) {
      const result = await run(args, args.includes('--plain') ? {} : { TERM: 'dumb' });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(0);
      expect(result.stdout, args.join(' ')).not.toMatch(/[\u2500-\u259f]/);
    }
  });
});
