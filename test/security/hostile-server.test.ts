/**
 * A hostile server through every read command: a proxy in front of the sandbox adds window-title,
 * hyperlink and clipboard escapes, clear screen, 8-bit CSI, bidirectional overrides, carriage
 * returns, backspaces, line separators, fake extra lines and 150,000-character names to every
 * string a person reads (test/helpers/hostile-proxy.ts), and to error bodies. Each command runs
 * as a user runs it: the built CLI spawned with stdout piped (tab-separated output); then, in
 * process (what reaches the streams is the same, without a process start per run), with --json,
 * with colour forced, and on a simulated terminal (tables) without and with colour.
 *
 * Whatever the command, nothing a terminal acts on reaches stdout or stderr: no escape sequence
 * but espace's own colours, no C0/C1 control but tab and line feed, no bidirectional formatting, no
 * U+2028/2029, no line a server added, no line of 150,000 characters. JSON keeps the server's
 * strings whole, escaped.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FAKE_LINE, PAYLOAD, type HostileProxy, startHostileProxy } from '../helpers/hostile-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { cliEnv } from '../helpers/env.js';

/* eslint-disable no-control-regex */

interface Case {
  args: string[];
  /** Who runs it (default: a customer). */
  as?: 'marie' | 'agent';
  /** Expected to fail (an error path): the exit code is not 0. */
  fails?: boolean;
  /** A change whose repetition may be refused (added twice): any exit code, the output checked all the same. */
  anyExit?: boolean;
  /** Prints JSON with --json (NDJSON for bulk runs). */
  json?: 'json' | 'ndjson' | false;
  /** Prints the server's JSON as it is whatever the mode (`api`): stdout is checked as JSON. */
  raw?: boolean;
  /** Its --json output holds at least one of the server's hostile strings, whole. */
  jsonShowsPayload?: boolean;
}

let sandbox: TestSandbox;
let proxy: HostileProxy;
let dir: string;
let orderId = 'PO-UNKNOWN';

const CASES: Case[] = [
  { args: ['auth', 'status'], jsonShowsPayload: true },
  { args: ['auth', 'sessions'] },
  { args: ['auth', '2fa', 'status'] },
  { args: ['account', 'show'], jsonShowsPayload: true },
  { args: ['bill', 'list'] },
  { args: ['bill', 'show'], jsonShowsPayload: true },
  { args: ['bill', 'show', 'CB-1001-202611'], jsonShowsPayload: true },
  { args: ['bill', 'explain'], jsonShowsPayload: true },
  { args: ['bill', 'diff'], jsonShowsPayload: true },
  { args: ['bill', 'diff', 'CB-1001-202612', 'CB-1001-202610'], jsonShowsPayload: true },
  { args: ['bill', 'download', '--output', '<dir>/bill.pdf', '--force'] },
  { args: ['plan', 'show'], jsonShowsPayload: true },
  { args: ['plan', 'catalog'], jsonShowsPayload: true },
  { args: ['plan', 'next-bill'], json: false },
  { args: ['addon', 'list'], jsonShowsPayload: true },
  { args: ['usage', 'show'] },
  { args: ['profile', 'show'], jsonShowsPayload: true },
  { args: ['ticket', 'list'], jsonShowsPayload: true },
  { args: ['ticket', 'show', 'TT-1001'], jsonShowsPayload: true },
  { args: ['ticket', 'show', 'TT-1002'], jsonShowsPayload: true },
  { args: ['outage', '--all'], jsonShowsPayload: true },
  { args: ['outage', '--postal-code', 'H2X 1Y4'], jsonShowsPayload: true },
  { args: ['outage', '--account', 'BA-1001'] },
  { args: ['payment', 'list'], jsonShowsPayload: true },
  { args: ['payment', 'show', 'PAY-1001-20261118'], jsonShowsPayload: true },
  { args: ['payment-method', 'list'], jsonShowsPayload: true },
  { args: ['autopay', 'status'] },
  { args: ['order', 'list'], jsonShowsPayload: true },
  { args: ['order', 'show', '<order>'], jsonShowsPayload: true },
  { args: ['support', 'contact'], json: false },
  { args: ['doctor'] },
  { args: ['api', 'GET', '/tmf-api/customerBillManagement/v4/customerBill?limit=2'], json: 'json', raw: true, jsonShowsPayload: true },
  { args: ['smoke'] },
  { args: ['account', 'show', '--account', 'BA-2001'], as: 'agent', jsonShowsPayload: true },
  { args: ['ticket', 'list', '--account', 'BA-3001'], as: 'agent', jsonShowsPayload: true },
  // Bulk runs: NDJSON records (and CSV), errors per account included.
  ...(['bill show', 'bill list', 'account show', 'payment list', 'plan show', 'usage show', 'ticket list', 'profile show'] as const).map((name): Case => ({
    args: [...name.split(' '), '--accounts-from', '<dir>/accounts.txt', '--journal', `<dir>/${name.replace(' ', '-')}.journal`],
    as: 'agent',
    json: 'ndjson',
    fails: true,
  })),
  {
    args: [
      'bill',
      'list',
      '--accounts-from',
      '<dir>/accounts.txt',
      '--format',
      'csv',
      '--fields',
      'account,data.0.id,error.message',
      '--journal',
      '<dir>/csv.journal',
    ],
    as: 'agent',
    json: false,
    fails: true,
  },
  // Commands that change something print the server's answer too.
  { args: ['ticket', 'comment', 'TT-1001', '-m', 'Still down'], json: false },
  { args: ['ticket', 'escalate', 'TT-1001', '--reason', 'Every evening'], json: false, anyExit: true },
  { args: ['ticket', 'open', '--subject', 'No TV', '--description', 'Black screen'], jsonShowsPayload: true },
  { args: ['addon', 'add', 'OFF-ADD-PVR', '--yes', '--accept-terms'], anyExit: true },
  { args: ['profile', 'set', '--city', 'Laval', '--yes'], anyExit: true },
  // Money and plan changes: confirmation text (bill, card nickname, offer names), results and refusals.
  // Another account's bill, so that the customer's bills (plan next-bill re-produces the cycle's) stay unpaid.
  { args: ['pay', '--account', 'BA-2001', '--amount', '1', '--yes'], as: 'agent', anyExit: true },
  { args: ['autopay', 'enable', '--accept-terms'], anyExit: true },
  { args: ['autopay', 'disable'], anyExit: true },
  { args: ['plan', 'change', '--service', 'internet', '--to', 'OFF-INT-GIGA-PLUS', '--accept-terms', '--yes'], anyExit: true },
  { args: ['bill', 'dispute', '--reason', 'Never rented'], anyExit: true },
  { args: ['payment', 'reconcile'], anyExit: true },
  // Error paths: the server's message in a 404 and in a 422.
  { args: ['bill', 'show', 'CB-NOPE-404'], fails: true },
  { args: ['ticket', 'show', 'TT-NOPE-404'], fails: true },
  { args: ['order', 'show', 'PO-NOPE-404'], fails: true },
  { args: ['bill', 'show', 'HOSTILE-422'], fails: true },
  { args: ['ticket', 'show', 'HOSTILE-422'], fails: true },
  { args: ['payment', 'show', 'HOSTILE-422'], fails: true },
  { args: ['pay', 'HOSTILE-422', '--amount', '1', '--yes'], fails: true },
  { args: ['payment-method', 'remove', 'HOSTILE-422', '--yes'], fails: true },
  { args: ['bill', 'dispute', 'HOSTILE-422', '--reason', 'Never rented'], fails: true },
  { args: ['api', 'GET', '/tmf-api/customerBillManagement/v4/customerBill/HOSTILE-422'], json: 'json', raw: true, fails: true },
];

const label = (test: Case) => `${test.as === 'agent' ? '[agent] ' : ''}${test.args.join(' ')}`.replaceAll(dir ?? '<dir>', '<dir>');

function argsOf(test: Case): string[] {
  return test.args.map((arg) => arg.replace('<dir>', dir).replace('<order>', orderId));
}

function envOf(test: Case, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return cliEnv({ url: proxy.url, token: test.as === 'agent' ? sandbox.tokens.agent : sandbox.tokens.marie, home: dir, extra });
}

/** Controls a terminal acts on, except ESC (checked on its own) and tab and line feed. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const SEPARATORS = /[\u2028\u2029]/;
/** The SGR sequences espace's palette produces (chalk, 16 colours): bold, dim, cyan, red, yellow, green, and their resets. */
const OWN_SGR = /\u001b\[(?:0|1|2|22|31|32|33|36|39)m/g;
/** The longest line a terminal may get (a table row of several bounded cells). */
const LONGEST_LINE = 5_000;

function describeChar(text: string, pattern: RegExp): string {
  const index = text.search(pattern);
  return `U+${text.codePointAt(index)!.toString(16).padStart(4, '0')} at ${index}: …${JSON.stringify(text.slice(Math.max(0, index - 40), index + 40))}…`;
}

/** What a terminal shows is inert: see the file's comment. `colour` allows espace's own SGR sequences. */
function expectInert(text: string, where: string, colour: boolean): void {
  const rest = colour ? text.replace(OWN_SGR, '') : text;
  expect(rest.includes('\u001b'), `${where}: an escape sequence ${rest.includes('\u001b') ? describeChar(rest, /\u001b/) : ''}`).toBe(false);
  expect(CONTROLS.test(rest), `${where}: a control character ${CONTROLS.test(rest) ? describeChar(rest, CONTROLS) : ''}`).toBe(false);
  expect(BIDI.test(rest), `${where}: bidirectional formatting ${BIDI.test(rest) ? describeChar(rest, BIDI) : ''}`).toBe(false);
  expect(SEPARATORS.test(rest), `${where}: a line separator ${SEPARATORS.test(rest) ? describeChar(rest, SEPARATORS) : ''}`).toBe(false);
  const lines = rest.split('\n');
  const fake = lines.find((line) => /^[\s│|┌└├─]*@@FAKE-LINE@@/.test(line));
  expect(fake, `${where}: a line the server added`).toBeUndefined();
  const longest = Math.max(0, ...lines.map((line) => line.length));
  expect(longest, `${where}: a line of ${longest} characters`).toBeLessThanOrEqual(LONGEST_LINE);
}

/** JSON (or NDJSON) that parses, holds no raw character a terminal acts on, and keeps the server's strings. */
function expectInertJson(text: string, where: string, kind: 'json' | 'ndjson'): unknown[] {
  expect(text.includes('\u001b'), `${where}: raw ESC in JSON`).toBe(false);
  expect(CONTROLS.test(text), `${where}: a raw control in JSON ${CONTROLS.test(text) ? describeChar(text, CONTROLS) : ''}`).toBe(false);
  expect(BIDI.test(text), `${where}: raw bidirectional formatting in JSON`).toBe(false);
  expect(SEPARATORS.test(text), `${where}: a raw line separator in JSON`).toBe(false);
  const documents = kind === 'json' ? [text] : text.split('\n').filter((line) => line !== '');
  return documents.map((document) => JSON.parse(document) as unknown);
}

function expectExit(test: Case, result: { code: number; stderr: string }): void {
  if (test.anyExit) return;
  if (test.fails) expect(result.code, result.stderr.slice(0, 2000)).not.toBe(0);
  else expect(result.code, result.stderr.slice(0, 2000)).toBe(0);
}

/** stdout as a terminal shows it, or as JSON where the command prints JSON whatever the mode. */
function checkStdout(test: Case, stdout: string, colour: boolean): void {
  if (test.json === 'ndjson') expectInertJson(stdout, 'stdout', 'ndjson');
  else if (test.raw) expectInertJson(stdout, 'stdout', 'json');
  else expectInert(stdout, `stdout${colour ? ' (colour)' : ''}`, colour);
}

function strings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, into);
  return into;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'espace-hostile-'));
  sandbox = await startTestSandbox();
  await writeFile(join(dir, 'accounts.txt'), 'BA-1001\nBA-2001\nBA-9999\n');
  // An order to show: a feature added through the real sandbox, before the proxy is in the way.
  const direct = cliEnv({ url: sandbox.url, token: sandbox.tokens.marie, home: dir });
  const added = await runCli(['--json', 'addon', 'add', 'OFF-ADD-WIFI', '--yes', '--accept-terms'], { env: direct });
  expect(added.code, added.stderr).toBe(0);
  orderId = (JSON.parse(added.stdout) as { order: { id: string } }).order.id;
  proxy = await startHostileProxy(sandbox.url);
}, 300_000);

afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a hostile server, through every read command and some that change things', () => {
  describe.concurrent('spawned, stdout piped, NO_COLOR: no escape sequence at all', () => {
    it.each(CASES.map((test) => [label(test), test] as const))('%s', async (_name, test) => {
      const result = await espace(argsOf(test), { env: envOf(test) });
      expectExit(test, result);
      checkStdout(test, result.stdout, false);
      expectInert(result.stderr, 'stderr', false);
    });
  });

  describe('--json: the server strings kept whole, escaped', () => {
    it.each(CASES.filter((test) => test.json !== false).map((test) => [label(test), test] as const))('%s', async (_name, test) => {
      const args = argsOf(test);
      const result = await runCli(test.json === 'ndjson' ? args : ['--json', ...args], { env: envOf(test) });
      expectExit(test, result);
      expectInert(result.stderr, 'stderr', false);
      if (result.stdout === '') return;
      const documents = expectInertJson(result.stdout, 'stdout', test.json === 'ndjson' ? 'ndjson' : 'json');
      if (test.jsonShowsPayload) {
        expect(
          strings(documents).some((text) => text.includes(PAYLOAD)),
          'the hostile string, whole',
        ).toBe(true);
        // The raw text holds it escaped, e.g. U+202E as \u202e.
        expect(result.stdout).toContain('\\u202e');
      }
    });
  });

  describe('colour forced, stdout not a terminal: only espace’s own colours', () => {
    it.each(CASES.map((test) => [label(test), test] as const))('%s', async (_name, test) => {
      const result = await runCli(argsOf(test), { env: envOf(test, { NO_COLOR: undefined, FORCE_COLOR: '1' }) });
      expectExit(test, result);
      checkStdout(test, result.stdout, true);
      expectInert(result.stderr, 'stderr', true);
    });
  });

  describe('on a terminal (tables, headings, prompts off): without and with colour', () => {
    it.each(CASES.filter((test) => test.json !== 'ndjson' && !test.args.includes('--format')).map((test) => [label(test), test] as const))(
      '%s',
      async (_name, test) => {
        for (const colour of [false, true]) {
          // A terminal wide enough that nothing wraps: a line that starts with the payload can only come
          // from a line break the server slipped in (wrapping itself: test/output/layout.test.ts).
          const wide = { COLUMNS: '100000' };
          const result = await runCli(argsOf(test), { env: envOf(test, colour ? { ...wide, NO_COLOR: undefined } : wide), tty: true });
          expectExit(test, result);
          checkStdout(test, result.stdout, colour);
          expectInert(result.stderr, `stderr${colour ? ' (colour)' : ''}`, colour);
        }
      },
    );
  });

  it('went through the proxy, and the error paths showed the server’s message on one line', async () => {
    expect(proxy.paths.length).toBeGreaterThan(CASES.length);
    const notFound = await espace(['bill', 'show', 'CB-NOPE-404'], { env: envOf({ args: [] }) });
    const refused = await espace(['bill', 'show', 'HOSTILE-422'], { env: envOf({ args: [] }) });
    for (const result of [notFound, refused]) {
      const errorLine = result.stderr.split('\n').find((line) => line.includes('OSC-LINK'));
      // The server's words are there, made visible text: its escapes gone, its line breaks folded.
      expect(errorLine, result.stderr.slice(0, 2000)).toBeDefined();
      expect(errorLine).toContain(FAKE_LINE);
      expect(errorLine).toContain('CR-OVERWRITE');
      expect(errorLine).not.toContain('OSC-TITLE');
    }
  });
});
