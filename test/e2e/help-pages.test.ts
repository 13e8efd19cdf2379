/**
 * `espace … --help` is printed by the launcher from pages rendered at build time
 * (src/cli/help-pages/), without the CLI's main. Checked here: every page in dist/help is what the
 * main prints now, piped and on an 80-column terminal, in both languages; the built launcher shows
 * them without loading the main (a preload lists what the process loaded), choosing the language
 * as the main does; any other command line or width goes to the main; and a real terminal (tmux)
 * of 80 columns gets the page, one of 100 the main's own layout.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpPages } from '../../src/cli/help-pages/pages.js';
import { helpRequest } from '../../src/cli/help-pages/request.js';
import { runCli } from '../helpers/cli.js';
import { cliEnv } from '../helpers/env.js';
import { ESPACE_BIN, espace } from '../helpers/spawn.js';
import { TmuxTerminal } from '../helpers/terminal.js';

const PAGES_DIR = fileURLToPath(new URL('../../dist/help', import.meta.url));

/** Every page of the build: [language, command words, page]. */
function builtPages(): [string, string, HelpPages[string]][] {
  const all: [string, string, HelpPages[string]][] = [];
  for (const lang of ['en', 'fr']) {
    for (const file of readdirSync(join(PAGES_DIR, lang))) {
      const pages = JSON.parse(readFileSync(join(PAGES_DIR, lang, file), 'utf8')) as HelpPages;
      for (const [words, page] of Object.entries(pages)) all.push([lang, words, page]);
    }
  }
  return all;
}

let home: string;
let preload: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-help-pages-'));
  preload = join(home, 'loaded.cjs');
  writeFileSync(preload, "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_FILE, JSON.stringify(Object.keys(require.cache))));\n");
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

let runs = 0;
/** Runs the built espace; resolves its output and whether it loaded the CLI's main. */
async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const loadedFile = join(home, `loaded-${++runs}.json`);
  const result = await espace(args, { env: { ...cliEnv(), ...env, NODE_OPTIONS: `--require=${preload}`, LOADED_FILE: loadedFile } });
  const loaded = JSON.parse(readFileSync(loadedFile, 'utf8')) as string[];
  return { ...result, mainLoaded: loaded.some((file) => file.endsWith(join('dist', 'cli', 'main.js'))) };
}

describe('the help pages of the build', () => {
  const pages = builtPages();

  it('cover every command in both languages', () => {
    const commands = (lang: string) => pages.filter(([l]) => l === lang).map(([, words]) => words);
    expect(commands('en').length).toBeGreaterThan(90);
    expect(commands('fr').sort()).toEqual(commands('en').sort());
    for (const words of ['', 'bill', 'bill show', 'auth 2fa enable', 'payment-method add', 'environment']) expect(commands('en')).toContain(words);
  });

  it('are what the CLI’s main prints now, piped and on an 80-column terminal', async () => {
    for (const [lang, words, page] of pages) {
      const argv = ['--lang', lang, ...(words ? words.split(' ') : []), '--help'];
      const piped = await runCli(argv);
      expect(piped.code, `${argv.join(' ')}: ${piped.stderr}`).toBe(0);
      expect(piped.stdout, argv.join(' ')).toBe(page.piped);
      const terminal = await runCli(argv, { tty: true, env: { COLUMNS: '80' } });
      expect(terminal.stdout, `${argv.join(' ')} on a terminal`).toBe(page.terminal ?? page.piped);
    }
  }, 120_000);

  it('keep a terminal layout only where it differs, and each line fits in 80 columns there', () => {
    const withTerminal = pages.filter(([, , page]) => page.terminal !== undefined);
    expect(withTerminal.length).toBeGreaterThan(0);
    for (const [, , page] of withTerminal) {
      expect(page.terminal).not.toBe(page.piped);
      for (const line of page.terminal!.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    }
  });
});

describe('the command lines a page answers', () => {
  it('are command words and --help or -h last, with at most one --lang en|fr', () => {
    expect(helpRequest(['--help'])).toEqual({ words: [], lang: undefined });
    expect(helpRequest(['bill', 'show', '-h'])).toEqual({ words: ['bill', 'show'], lang: undefined });
    expect(helpRequest(['--lang', 'fr', 'bill', 'show', '--help'])).toEqual({ words: ['bill', 'show'], lang: 'fr' });
    expect(helpRequest(['bill', '--lang=en', 'show', '--help'])).toEqual({ words: ['bill', 'show'], lang: 'en' });
    for (const argv of [
      ['bill', 'show'],
      ['bill', '--help', 'show'],
      ['bill', 'show', '--verbose', '--help'],
      ['--lang', 'de', 'bill', '--help'],
      ['--lang', 'fr', '--lang', 'en', '--help'],
      ['--lang', '--help'],
      ['help', 'bill', 'show', 'extra', '--help'],
      ['../../etc', '--help'],
      ['Bill', '--help'],
    ]) {
      expect(helpRequest(argv), argv.join(' ')).toBeUndefined();
    }
  });
});

describe('espace … --help from the built launcher', () => {
  it.each([
    [['bill', 'show', '--help'], {}],
    [['--help'], {}],
    [['bill', '-h'], {}],
    [['--lang', 'fr', 'bill', 'show', '-h'], {}],
    [['payment-method', 'add', '--help'], { ESPACE_LANG: 'fr' }],
    [['ticket', 'open', '--help'], { LANG: 'fr_CA.UTF-8' }],
  ] as [string[], Record<string, string>][])('espace %j prints the main’s help without loading the main', async (argv, env) => {
    const quick = await run(argv, env);
    const full = await runCli(argv, { env });
    expect(quick.code, quick.stderr).toBe(0);
    expect(quick.stderr).toBe('');
    expect(quick.stdout).toBe(full.stdout);
    expect(quick.mainLoaded).toBe(false);
  });

  it('speaks the language set with `espace config set lang`', async () => {
    const configDir = join(home, 'config-fr');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ defaults: { lang: 'fr' } }));
    const quick = await run(['bill', 'show', '--help'], { ESPACE_CONFIG_DIR: configDir });
    expect(quick.mainLoaded).toBe(false);
    expect(quick.stdout).toBe((await runCli(['--lang', 'fr', 'bill', 'show', '--help'])).stdout);
    expect(quick.stdout).toMatch(/^Utilisation\s: espace bill show/u);
  });

  it.each([[['bill', 'show', '--verbose', '--help']], [['bill', 'shw', '--help']], [['nothing-here', '--help']], [['help', 'bill', 'show']]])(
    'leaves espace %j to the main, which answers as before',
    async (argv) => {
      const result = await run(argv);
      const full = await runCli(argv);
      expect(result.mainLoaded).toBe(true);
      expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual(full);
    },
  );
});

describe('espace bill show --help on a real terminal', () => {
  const terminal = new TmuxTerminal('help-pages');
  afterAll(() => terminal.close());

  /** Runs the built `espace bill show --help` in a terminal this wide; resolves the screen and what it loaded. */
  async function onTerminal(session: string, columns: number) {
    const loadedFile = join(home, `loaded-${session}.json`);
    const env = `env -u COLUMNS -u ESPACE_LANG -u LC_ALL -u LC_MESSAGES LANG=en_CA.UTF-8 NO_COLOR=1 ESPACE_CONFIG_DIR=${join(home, 'none')} NODE_OPTIONS=--require=${preload} LOADED_FILE=${loadedFile}`;
    terminal.start(session, `${env} ${process.execPath} ${ESPACE_BIN} bill show --help`, { columns, rows: 200 });
    const screen = await terminal.waitFor(session, /EXIT=\d+/);
    const loaded = JSON.parse(readFileSync(loadedFile, 'utf8')) as string[];
    return { screen, mainLoaded: loaded.some((file) => file.endsWith(join('dist', 'cli', 'main.js'))) };
  }
  const lines = (text: string) => text.split('\n').map((line) => line.trimEnd());

  // 80 columns: the page laid out for it, without the main; 100: the main's layout for 100 columns.
  it.each([
    [80, false],
    [100, true],
  ])(
    'of %i columns gets what the main lays out for that width (the main loaded: %s)',
    async (columns, mainExpected) => {
      const { screen, mainLoaded } = await onTerminal(`width-${columns}`, columns);
      expect(screen).toMatch(/EXIT=0/);
      expect(mainLoaded).toBe(mainExpected);
      const expected = (await runCli(['bill', 'show', '--help'], { tty: true, env: { COLUMNS: String(columns) } })).stdout;
      expect(lines(screen.slice(0, screen.indexOf('EXIT=')).trimEnd())).toEqual(lines(expected.trimEnd()));
    },
    60_000,
  );
});
