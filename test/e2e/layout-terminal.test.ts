/**
 * The layout in a real terminal (tmux runs the built CLI) at 60, 80 and 120 columns: no line is
 * wider than the terminal, no word is split (a word is whole, or cut with "…"), amounts are
 * never cut nor wrapped; --plain draws no box or block character; the pager takes long output on
 * a terminal only; a spinner says what a slow payment waits for and is gone when it ends.
 */
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { TmuxTerminal } from '../helpers/terminal.js';

const terminal = new TmuxTerminal('layout');
let sandbox: TestSandbox;
let home: string;
let session = 0;

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ESPACE_API_URL: sandbox.url,
    ESPACE_TOKEN: sandbox.tokens.luc,
    ESPACE_CONFIG_DIR: join(home, 'config'),
    ESPACE_DATA_DIR: join(home, 'data'),
    NO_COLOR: '1',
    LANG: 'en_CA.UTF-8',
    ...extra,
  };
}

/** The screen after `espace ARGS` ran to its end in a terminal of `columns`, without the EXIT line. */
async function screenOf(args: string[], columns: number, extra: Record<string, string> = {}, rows = 60): Promise<string> {
  const name = `s${++session}`;
  terminal.startEspace(name, args, env(extra), { columns, rows });
  const screen = await terminal.waitFor(name, /EXIT=\d+/);
  expect(screen).toMatch(/EXIT=0/);
  return screen.slice(0, screen.lastIndexOf('EXIT=')).replace(/\s+$/, '');
}

const BOX = /[\u2500-\u259f]/;
const tokensOf = (text: string) =>
  text
    .split(/[\s\u2500-\u259f]+/)
    .map((token) => token.replace(/:$/, ''))
    .filter(Boolean);
const AMOUNT = /^-?\$[\d,]+\.\d\d$/;

const COMMANDS: string[][] = [
  ['bill', 'list'],
  ['bill', 'show', 'latest'],
  ['plan', 'catalog'],
  ['outage', '--all'],
  ['payment', 'list'],
  ['ticket', 'list'],
  ['plan', 'show'],
];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-layout-'));
});
afterAll(async () => {
  await terminal.close();
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('every table and paragraph fits the terminal', () => {
  for (const args of COMMANDS) {
    it(`espace ${args.join(' ')} at 60, 80 and 120 columns`, async () => {
      // At 400 columns nothing needs wrapping: its words are the words every width must show.
      const wide = await screenOf([...args, '--no-pager'], 400);
      const wideTokens = new Set(tokensOf(wide));
      const amounts = tokensOf(wide)
        .filter((token) => AMOUNT.test(token))
        .sort();
      for (const columns of [60, 80, 120]) {
        const screen = await screenOf([...args, '--no-pager'], columns);
        for (const line of screen.split('\n')) expect(stringWidth(line), `${columns} columns: ${line}`).toBeLessThanOrEqual(columns);
        const tokens = tokensOf(screen);
        // No fragment of a split word: every word shown is a word of the wide layout, or one cut with "…".
        for (const token of tokens) {
          if (token.endsWith('…'))
            expect(
              [...wideTokens].some((word) => word.startsWith(token.slice(0, -1))),
              `${columns}: ${token}`,
            ).toBe(true);
          else expect(wideTokens.has(token), `${columns} columns: "${token}" is no word of\n${wide}\n---\n${screen}`).toBe(true);
        }
        // Amounts are never cut nor wrapped: the same amounts, each whole.
        expect(tokens.filter((token) => AMOUNT.test(token)).sort(), `${columns} columns`).toEqual(amounts);
      }
    });
  }
});

describe('--plain', () => {
  it('draws no box drawing or block character, and says the same in Label: value lines', async () => {
    for (const args of [...COMMANDS, ['usage', 'show']]) {
      const screen = await screenOf([...args, '--plain', '--no-pager'], 80);
      expect(screen, args.join(' ')).not.toMatch(BOX);
    }
    const bills = await screenOf(['bill', 'list', '--plain', '--no-pager'], 80);
    expect(bills).toMatch(/^ID: CB-3001-202612$/m);
    expect(bills).toMatch(/^Total due: \$354\.09$/m);
    expect(await screenOf(['bill', 'show', 'latest', '--no-pager'], 80, { TERM: 'dumb' })).toMatch(/^Total due: \$354\.09$/m);
  });
});

describe('the pager', () => {
  let pager: string;
  beforeAll(() => {
    // A pager that marks every line it shows, so the screen tells whether it ran.
    pager = join(home, 'mark-pager.sh');
    writeFileSync(pager, '#!/bin/sh\nsed "s/^/PAGED|/"\n');
    chmodSync(pager, 0o755);
  });

  it('shows long output through ESPACE_PAGER (before PAGER) on a terminal', async () => {
    const screen = await screenOf(['bill', 'list'], 120, { ESPACE_PAGER: pager, PAGER: 'false' }, 10);
    expect(screen).toMatch(/^PAGED\|.*CB-3001-202612/m);
    expect(
      screen
        .split('\n')
        .filter((line) => line.includes('CB-30'))
        .every((line) => line.startsWith('PAGED|')),
    ).toBe(true);
  });

  it('uses PAGER when ESPACE_PAGER is not set, and nothing when the output fits on the screen', async () => {
    expect(await screenOf(['bill', 'list'], 120, { PAGER: pager }, 10)).toMatch(/^PAGED\|/m);
    expect(await screenOf(['bill', 'list'], 120, { PAGER: pager }, 80)).not.toMatch(/PAGED\|/);
  });

  it('is off with --no-pager and when stdout is not a terminal', async () => {
    expect(await screenOf(['bill', 'list', '--no-pager'], 120, { PAGER: pager }, 10)).not.toMatch(/PAGED\|/);
    const piped = await espace(['bill', 'list'], { env: { ...env(), PAGER: pager } });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^CB-3001-202612\t/m);
    expect(piped.stdout).not.toContain('PAGED|');
  });
});

describe('a slow payment', () => {
  const proxies: FaultProxy[] = [];
  /** A proxy that holds the answer to the next payment until released. */
  async function slowPayments(): Promise<FaultProxy> {
    const proxy = await startFaultProxy(sandbox.url, (method, path) => method === 'POST' && path.includes('/payment'));
    proxies.push(proxy);
    proxy.plan('hold');
    return proxy;
  }
  afterAll(async () => {
    for (const proxy of proxies) {
      proxy.release();
      await proxy.close();
    }
  });
  const payer = (proxy: FaultProxy) => env({ ESPACE_API_URL: proxy.url, ESPACE_TOKEN: sandbox.tokens.marie });

  it('shows what it waits for on a terminal, and erases it when the answer comes', async () => {
    const proxy = await slowPayments();
    terminal.startEspace('spin', ['pay', '--amount', '12.50', '--yes'], payer(proxy), { columns: 80, rows: 30 });
    await terminal.waitFor('spin', /Waiting for the payment…/);
    proxy.release();
    const final = await terminal.waitFor('spin', /EXIT=\d+/);
    expect(final).toMatch(/EXIT=0/);
    expect(final).toMatch(/Paid \$12\.50/);
    expect(final).not.toContain('Waiting for the payment');
  });

  it('shows nothing when not on a terminal', async () => {
    const proxy = await slowPayments();
    const paying = espace(['pay', '--amount', '12.50', '--yes'], { env: payer(proxy) });
    await proxy.waitFor((log) => log.length > 0);
    // The payment stays unanswered while a whole other command runs: long enough for any spinner.
    expect((await espace(['bill', 'list'], { env: env() })).code).toBe(0);
    proxy.release();
    const piped = await paying;
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stderr).not.toContain('Waiting for');
    expect(piped.stderr).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
  });
});
