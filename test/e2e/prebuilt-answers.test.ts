/**
 * `espace … --help` and `espace … --bogus` (an option the command does not take) are answered by
 * the launcher from what the build prepared (src/cli/prebuilt/), without the CLI's main. Checked
 * here: every help page in dist/prebuilt is what the main prints now, piped and on an 80-column
 * terminal, in both languages; the unknown-option answer is the main's, word for word and exit code
 * for exit code, for every command it covers and many mistyped options; the built launcher gives
 * both without loading the main (a preload lists what the process loaded), choosing the language as
 * the main does; any other command line, width or colour goes to the main; and a real terminal
 * (tmux) of 80 columns gets the page, one of 100 the main's own layout.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerPrebuilt } from '../../src/cli/prebuilt/answer.js';
import { KNOWN_OPTIONS_FILE, type PrebuiltCommand, type PrebuiltFile } from '../../src/cli/prebuilt/pages.js';
import { prebuiltRequest } from '../../src/cli/prebuilt/request.js';
import { runCli } from '../helpers/cli.js';
import { cliEnv, NO_CONFIG_DIR, processEnv } from '../helpers/env.js';
import { ESPACE_BIN, espace } from '../helpers/spawn.js';
import { TmuxTerminal } from '../helpers/terminal.js';

const PREBUILT_DIR = fileURLToPath(new URL('../../dist/prebuilt', import.meta.url));

/** Every command the build prepared: [language, command words, what it holds]. */
function builtCommands(): [string, string, PrebuiltCommand][] {
  const all: [string, string, PrebuiltCommand][] = [];
  for (const lang of ['en', 'fr']) {
    for (const name of readdirSync(join(PREBUILT_DIR, lang))) {
      const file = JSON.parse(readFileSync(join(PREBUILT_DIR, lang, name), 'utf8')) as PrebuiltFile;
      for (const [words, command] of Object.entries(file.commands)) all.push([lang, words, command]);
    }
  }
  return all;
}

/** The launcher's answer in this process, recorded, with neither stream a terminal. */
function answerHere(argv: string[], env: Record<string, string | undefined>) {
  const written = { 1: '', 2: '' };
  const unused = () => {
    throw new Error('no stream is needed when nothing is a terminal');
  };
  const code = answerPrebuilt({
    argv,
    env,
    dir: PREBUILT_DIR,
    stdout: unused,
    stderr: unused,
    isTerminal: () => false,
    write: (fd, text) => (written[fd] += text),
  });
  return { code, stdout: written[1], stderr: written[2] };
}

let home: string;
let preload: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-prebuilt-'));
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
  return {
    ...result,
    mainLoaded: loaded.some((file) => file.endsWith(join('dist', 'cli', 'main.js'))),
    answersLoaded: loaded.some((file) => file.endsWith(join('dist', 'cli', 'prebuilt.js'))),
  };
}

describe('what the build prepared', () => {
  const commands = builtCommands();

  it('covers every command in both languages', () => {
    const named = (lang: string) => commands.filter(([l]) => l === lang).map(([, words]) => words);
    expect(named('en').length).toBeGreaterThan(90);
    expect(named('fr').sort()).toEqual(named('en').sort());
    for (const words of ['', 'bill', 'bill show', 'auth 2fa enable', 'payment-method add', 'environment']) expect(named('en')).toContain(words);
  });

  it('holds help pages that are what the CLI’s main prints now, piped and on an 80-column terminal', async () => {
    for (const [lang, words, command] of commands) {
      const argv = ['--lang', lang, ...(words ? words.split(' ') : []), '--help'];
      const piped = await runCli(argv);
      expect(piped.code, `${argv.join(' ')}: ${piped.stderr}`).toBe(0);
      expect(piped.stdout, argv.join(' ')).toBe(command.piped);
      // And the launcher's answer is that page (no command it holds is left to the main).
      expect(answerHere(argv, cliEnv()), argv.join(' ')).toEqual({ code: 0, stdout: command.piped, stderr: '' });
      const terminal = await runCli(argv, { tty: true, env: { COLUMNS: '80' } });
      expect(terminal.stdout, `${argv.join(' ')} on a terminal`).toBe(command.terminal ?? command.piped);
    }
  }, 120_000);

  it('lists every option a command takes, for the launcher to leave such a line to the main at once', () => {
    const known = JSON.parse(readFileSync(join(PREBUILT_DIR, KNOWN_OPTIONS_FILE), 'utf8')) as string[];
    const taken = new Set(commands.flatMap(([, , command]) => command.options ?? []));
    expect(taken.size).toBeGreaterThan(50);
    expect(known).toEqual(expect.arrayContaining([...taken]));
    expect(known).toEqual(expect.arrayContaining(['--json', '--account', '--help', '--version', '--no-color']));
    expect(known).not.toContain('--bogus');
  });

  it('keeps a terminal layout only where it differs, and each line fits in 80 columns there', () => {
    const withTerminal = commands.filter(([, , command]) => command.terminal !== undefined);
    expect(withTerminal.length).toBeGreaterThan(0);
    for (const [, , command] of withTerminal) {
      expect(command.terminal).not.toBe(command.piped);
      for (const line of command.terminal!.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    }
  });

  it('answers an unknown option exactly as the main does, for every command it covers', async () => {
    const covered = commands.filter(([, , command]) => command.options !== undefined);
    // Commands that run (not nouns), and not those whose mandatory option commander reports first.
    expect(covered.length).toBeGreaterThan(100);
    expect(covered.map(([, words]) => words)).not.toContain('context add');
    expect(covered.map(([, words]) => words)).not.toContain('bill');
    let compared = 0;
    for (const [lang, words, command] of covered) {
      const own = command.options!.filter((option) => !['--help', '--version'].includes(option));
      const mistyped = [
        '--bogus',
        '--zzzzzzzzzzzzzz',
        // One letter dropped, added or changed: the closest options are suggested.
        ...own.slice(0, 3).map((option) => option.slice(0, -1)),
        ...own.slice(0, 2).map((option) => `${option}s`),
        `${own.at(-1)!.slice(0, -1)}x`,
        '--color',
        '--no-json',
        '--HELP',
      ];
      for (const flag of mistyped) {
        if (command.options!.includes(flag)) continue;
        const argv = ['--lang', lang, ...words.split(' '), flag];
        const quick = answerHere(argv, cliEnv());
        const full = await runCli(argv, { env: cliEnv() });
        expect(quick, argv.join(' ')).toEqual(full);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});

describe('the command lines the build’s answers are for', () => {
  it('are command words, then --help, -h or one long option, with at most one --lang en|fr', () => {
    expect(prebuiltRequest(['--help'])).toEqual({ words: [], last: '--help', lang: undefined });
    expect(prebuiltRequest(['bill', 'show', '-h'])).toEqual({ words: ['bill', 'show'], last: '--help', lang: undefined });
    expect(prebuiltRequest(['--lang', 'fr', 'bill', 'show', '--help'])).toEqual({ words: ['bill', 'show'], last: '--help', lang: 'fr' });
    expect(prebuiltRequest(['bill', '--lang=en', 'show', '--bogus'])).toEqual({ words: ['bill', 'show'], last: '--bogus', lang: 'en' });
    for (const argv of [
      ['bill', 'show'],
      ['bill', '--help', 'show'],
      ['bill', 'show', '--verbose', '--help'],
      ['bill', 'show', '--account=BA-1'],
      ['bill', 'show', '-x'],
      ['bill', 'show', '--b\u001b[31mogus'],
      ['--lang', 'de', 'bill', '--help'],
      ['--lang', 'fr', '--lang', 'en', '--help'],
      ['--lang', '--help'],
      ['help', 'bill', 'show', 'extra', '--help'],
      ['../../etc', '--help'],
      ['Bill', '--help'],
    ]) {
      expect(prebuiltRequest(argv), argv.join(' ')).toBeUndefined();
    }
  });
});

describe('the built launcher', () => {
  it.each([
    [['bill', 'show', '--help'], {}],
    [['--help'], {}],
    [['bill', '-h'], {}],
    [['--lang', 'fr', 'bill', 'show', '-h'], {}],
    [['payment-method', 'add', '--help'], { ESPACE_LANG: 'fr' }],
    [['ticket', 'open', '--help'], { LANG: 'fr_CA.UTF-8' }],
    [['bill', 'show', '--bogus'], {}],
    [['bill', 'show', '--acount'], {}],
    [['--lang', 'fr', 'ticket', 'list', '--stat'], {}],
    [['pay', '--amout'], { LANG: 'fr_CA.UTF-8' }],
  ] as [string[], Record<string, string>][])('answers espace %j as the main does, without loading the main', async (argv, env) => {
    const quick = await run(argv, env);
    const full = await runCli(argv, { env: cliEnv({ extra: env }) });
    expect({ code: quick.code, stdout: quick.stdout, stderr: quick.stderr }).toEqual(full);
    expect(quick.stdout + quick.stderr).not.toBe('');
    expect(quick.mainLoaded).toBe(false);
  });

  it('ends quietly with 0 when the reader is gone before the page is written (`espace --help | head -0`)', async () => {
    // The pipe's reading end is closed before Node has even started: the write meets EPIPE.
    const child = spawn(process.execPath, [ESPACE_BIN, 'bill', 'show', '--help'], { env: processEnv(cliEnv()), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('speaks the language set with `espace config set lang`', async () => {
    const configDir = join(home, 'config-fr');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ defaults: { lang: 'fr' } }));
    for (const argv of [
      ['bill', 'show', '--help'],
      ['bill', 'show', '--acount'],
    ]) {
      const quick = await run(argv, { ESPACE_CONFIG_DIR: configDir });
      expect(quick.mainLoaded).toBe(false);
      const full = await runCli(['--lang', 'fr', ...argv], { env: cliEnv({ extra: { ESPACE_CONFIG_DIR: NO_CONFIG_DIR } }) });
      expect(quick.stdout + quick.stderr).toBe(full.stdout + full.stderr);
      expect(quick.stdout + quick.stderr).toMatch(/^(Utilisation|Erreur)\s:/u);
    }
  });

  it.each([
    [['bill', 'show', '--verbose', '--help'], {}],
    [['bill', 'shw', '--help'], {}],
    [['nothing-here', '--help'], {}],
    [['help', 'bill', 'show'], {}],
    // Colour forced: the main starts the error in colour.
    [['bill', 'show', '--bogus'], { NO_COLOR: undefined, FORCE_COLOR: '1' }],
    // commander reports the missing mandatory option first, and a noun's own rules differ.
    [['context', 'add', '--bogus'], {}],
    [['bill', '--bogus'], {}],
    // An option another command takes (`auth login --username`): the main says this one does not.
    [['bill', 'show', '--username'], {}],
  ] as [string[], Record<string, string | undefined>][])('leaves espace %j to the main, which answers as before', async (argv, env) => {
    const result = await run(argv, env);
    const full = await runCli(argv, { env: cliEnv({ extra: env }) });
    expect(result.mainLoaded).toBe(true);
    expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual(full);
  });

  it.each([[['context', 'list', '--json']], [['context', 'list', '--plain']], [['--lang', 'fr', 'context', 'list', '--no-color']]])(
    'runs espace %j with the main alone: an option some command takes needs none of the build’s answers',
    async (argv) => {
      const result = await run(argv);
      const full = await runCli(argv, { env: cliEnv() });
      expect(result.code, result.stderr).toBe(0);
      expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual(full);
      expect(result.mainLoaded).toBe(true);
      expect(result.answersLoaded).toBe(false);
    },
  );
});

describe('on a real terminal', () => {
  const terminal = new TmuxTerminal('prebuilt');
  afterAll(() => terminal.close());

  /** Runs the built `espace ARGS` in a terminal this wide; resolves the screen and what it loaded. */
  async function onTerminal(session: string, args: string[], columns: number) {
    const loadedFile = join(home, `loaded-${session}.json`);
    const env = `env -u COLUMNS -u ESPACE_LANG -u LC_ALL -u LC_MESSAGES LANG=en_CA.UTF-8 NO_COLOR=1 ESPACE_CONFIG_DIR=${NO_CONFIG_DIR} NODE_OPTIONS=--require=${preload} LOADED_FILE=${loadedFile}`;
    terminal.start(session, `${env} ${process.execPath} ${ESPACE_BIN} ${args.join(' ')}`, { columns, rows: 200 });
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
    'of %i columns shows `bill show --help` as the main lays it out for that width (the main loaded: %s)',
    async (columns, mainExpected) => {
      const { screen, mainLoaded } = await onTerminal(`help-${columns}`, ['bill', 'show', '--help'], columns);
      expect(screen).toMatch(/EXIT=0/);
      expect(mainLoaded).toBe(mainExpected);
      const expected = (await runCli(['bill', 'show', '--help'], { tty: true, env: { COLUMNS: String(columns) } })).stdout;
      expect(lines(screen.slice(0, screen.indexOf('EXIT=')).trimEnd())).toEqual(lines(expected.trimEnd()));
    },
    60_000,
  );

  it('leaves an unknown option to the main, which may colour and wrap the error there', async () => {
    const { screen, mainLoaded } = await onTerminal('bogus', ['bill', 'show', '--bogus'], 80);
    expect(screen).toMatch(/EXIT=2/);
    expect(screen).toContain("Error: unknown option '--bogus'.");
    expect(mainLoaded).toBe(true);
  }, 60_000);
});
