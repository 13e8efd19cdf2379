/**
 * The README's journeys in French against a real sandbox, read as a Quebecer reads the screen:
 * tables on a terminal (LANG=fr_CA.UTF-8), errors from the server, dates and amounts, no English
 * word that is not a name or an id (test/i18n/english-words.ts), and the words of the screen
 * typed back (`--state réglée`, `--status "en cours"`). One journey runs the built CLI as a
 * process with `--lang fr`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { englishIn } from '../i18n/english-words.js';
import { commandWords } from '../i18n/command-words.js';

let sandbox: TestSandbox;
let home: string;
const typed = commandWords();

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = await mkdtemp(join(tmpdir(), 'espace-french-'));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

const env = (who: keyof TestSandbox['tokens'] = 'marie') => ({
  LANG: 'fr_CA.UTF-8',
  // Wide enough that a table's cells stay whole, so the texts read here are not wrapped.
  COLUMNS: '250',
  ESPACE_API_URL: sandbox.url,
  ESPACE_TOKEN: sandbox.tokens[who],
  ESPACE_CONFIG_DIR: join(home, 'config'),
  ESPACE_DATA_DIR: join(home, 'data'),
});

/** A command run as on a terminal, in French; its whole screen (stdout and stderr). */
async function screen(argv: string[], who: keyof TestSandbox['tokens'] = 'marie', code = 0): Promise<string> {
  const result = await runCli(argv, { env: env(who), tty: true });
  expect(result.code, `${argv.join(' ')}\n${result.stderr}`).toBe(code);
  return result.stdout + result.stderr;
}

function expectFrench(text: string, what: string) {
  const words = englishIn(text, typed);
  expect(words, `English in ${what}: ${words.join(', ')}\n${text}`).toEqual([]);
}

describe('the README journeys in French', () => {
  it.each([
    [['bill', 'list']],
    [['bill', 'show']],
    [['bill', 'explain']],
    [['pay', '--dry-run', '--yes']],
    [['plan', 'show']],
    [['plan', 'catalog']],
    [['addon', 'list']],
    [['usage', 'show']],
    [['outage']],
    [['ticket', 'list']],
    [['ticket', 'show', 'TT-1002']],
    [['payment', 'list']],
    [['support', 'contact']],
    [['account', 'show']],
  ])('%j speaks French only', async (argv) => {
    expectFrench(await screen(argv), argv.join(' '));
  });

  it('shows states, channels, teams, server names and dates in French', async () => {
    const bills = await screen(['bill', 'list']);
    expect(bills).toMatch(/réglée/);
    expect(bills).toMatch(/1er déc\. 2026|1er nov\. 2026/);
    const ticket = await screen(['ticket', 'show', 'TT-1002']);
    expect(ticket).toMatch(/Assigné à\s: Service à la clientèle/);
    expect(ticket).toMatch(/Canal\s: libre-service/);
    const catalog = await screen(['plan', 'catalog']);
    expect(catalog).toMatch(/Mobile 15 Go/);
    expect(catalog).toMatch(/10\u00a0000 textos/);
    expect(catalog).not.toMatch(/Mobile 15 GB|Visual Voicemail/);
    const usage = await screen(['usage', 'show']);
    expect(usage).not.toMatch(/\b\d\d-\d\d │/);
    expect(usage).not.toMatch(/illimité\)[^\n]*\n[^\n]*dans l’allocation/);
    const outage = await screen(['outage']);
    expect(outage).toMatch(/Panne d’Internet et de télé — Plateau-Mont-Royal/);
    expect(outage).toMatch(/\d\u00a0h\u00a0\d\d/);
  });

  it('takes the words of the screen back on the command line, in either language', async () => {
    const settled = JSON.parse((await runCli(['bill', 'list', '--state', 'réglée', '--json'], { env: env() })).stdout) as { state: string }[];
    expect(settled.length).toBeGreaterThan(0);
    expect(settled.every((bill) => bill.state === 'settled')).toBe(true);
    const paid = JSON.parse((await runCli(['bill', 'list', '--state', 'paid', '--json'], { env: env() })).stdout);
    expect(paid).toEqual(settled);
    const inProgress = JSON.parse((await runCli(['ticket', 'list', '--status', 'en cours', '--json'], { env: env() })).stdout) as { status: string }[];
    expect(inProgress.map((ticket) => ticket.status)).toEqual(['inProgress']);
    const refused = await runCli(['bill', 'list', '--state', 'perdue'], { env: env() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--state ne prend pas «\sperdue\s»\s; choisissez parmi\s: .*réglée/);
    expectFrench(refused.stderr, 'bill list --state perdue');
    const help = await runCli(['bill', 'list', '--help'], { env: env() });
    expect(help.stdout).toMatch(/émise,\s+réglée/);
  });

  it('dates the last bill in account show as a Quebecer writes it', async () => {
    const shown = await screen(['account', 'show']);
    expect(shown).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(shown).toMatch(/\b(1er|\d{1,2}) (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)/);
  });

  it('shows an order with its states and dates in French', async () => {
    const added = await runCli(['addon', 'add', 'OFF-ADD-WIFI', '--accept-terms', '--yes', '--json'], { env: env() });
    expect(added.code, added.stderr).toBe(0);
    const { order } = JSON.parse(added.stdout) as { order: { id: string } };
    const shown = await screen(['order', 'show', order.id]);
    const list = await screen(['order', 'list']);
    expect(list).toMatch(/terminée/);
    expect(list).toMatch(/ajout\s: Amplificateur Wi-Fi/);
    expectFrench(list, 'order list');
    expect(shown).toMatch(/terminée \(reçue → .*terminée\)/);
    expect(shown).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expectFrench(shown, 'order show');
  });

  it('gives the server’s errors in French: an unknown bill, a declined card', async () => {
    const missing = await screen(['bill', 'show', 'CB-nope'], 'marie', 1);
    expect(missing).toMatch(/Aucune facture avec l’identifiant «\sCB-nope\s»/);
    expectFrench(missing, 'bill show CB-nope');
    const declined = await runCli(['pay', '--method', 'PM-1001-2', '--yes'], { env: env() });
    expect(declined.code).not.toBe(0);
    expect(declined.stderr).toMatch(/La carte Visa •••• 0002 a été refusée par son émetteur/);
    expectFrench(declined.stderr, 'pay with a declined card');
  });

  it('runs the built CLI with --lang fr as a user would', async () => {
    const result = await espace(['--lang', 'fr', 'bill', 'show', 'CB-nope'], { env: { ...env(), LANG: 'en_CA.UTF-8' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Aucune facture avec l’identifiant/);
    expectFrench(result.stderr, 'espace --lang fr bill show CB-nope');
  });
});
