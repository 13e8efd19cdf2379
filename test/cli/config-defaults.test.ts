/** `espace config get/set/list/unset` and where the defaults rank: flag > environment > config > default. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configuredDefault, configuredPlain } from '../../src/config/defaults.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'espace-defaults-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = (extra: Record<string, string | undefined> = {}) => ({ ESPACE_CONFIG_DIR: join(dir, 'config'), ...extra });
const file = () => join(dir, 'config', 'config.json');
const ESC = '\u001b[';

describe('espace config', () => {
  it('sets, gets, lists and unsets defaults, keeping the contexts beside them', async () => {
    expect((await runCli(['context', 'add', 'staging', '--url', 'https://staging.example.com', '--use'], { env: env() })).code).toBe(0);
    for (const [key, value] of [
      ['lang', 'FR'],
      ['pager', 'less -R'],
      ['plain', 'true'],
      ['color', 'never'],
    ]) {
      const set = await runCli(['config', 'set', key!, value!], { env: env({ LANG: 'en_CA.UTF-8' }) });
      expect(set.code, set.stderr).toBe(0);
    }
    const stored = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ currentContext: 'staging', contexts: { staging: { apiUrl: 'https://staging.example.com' } } });
    expect(stored.defaults).toEqual({ lang: 'fr', pager: 'less -R', plain: 'true', color: 'never' });

    const got = await runCli(['config', 'get', 'pager'], { env: env() });
    expect(got).toMatchObject({ code: 0, stdout: 'less -R\n' });
    const listed = JSON.parse((await runCli(['config', 'list', '--json'], { env: env({ ESPACE_LANG: 'en' }) })).stdout) as Array<Record<string, unknown>>;
    expect(listed.map((row) => [row.key, row.value, row.overriddenBy])).toEqual([
      ['lang', 'fr', 'ESPACE_LANG'],
      ['pager', 'less -R', null],
      ['plain', 'true', null],
      ['color', 'never', 'NO_COLOR'],
    ]);
    expect(configuredDefault('pager', env())).toBe('less -R');
    expect(configuredPlain(env())).toBe(true);

    const unset = await runCli(['config', 'unset', 'pager'], { env: env() });
    expect(unset.code, unset.stderr).toBe(0);
    expect((JSON.parse(readFileSync(file(), 'utf8')) as { defaults: object }).defaults).toEqual({ lang: 'fr', plain: 'true', color: 'never' });
    const gone = await runCli(['config', 'get', 'pager', '--lang', 'en'], { env: env() });
    expect(gone.code).toBe(1);
    expect(gone.stdout).toBe('');
    expect(gone.stderr).toContain('pager is not set');
    expect(configuredDefault('pager', env())).toBeUndefined();
  });

  it('refuses an unknown key by listing the keys, and a bad value by listing the allowed ones, writing nothing', async () => {
    const unknown = await runCli(['config', 'set', 'langue', 'fr'], { env: env() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("invalid value 'langue' for <key>; use one of: lang, pager, plain, color.");
    const french = await runCli(['--lang', 'fr', 'config', 'get', 'langue'], { env: env() });
    expect(french.code).toBe(2);
    expect(french.stderr).toContain('lang, pager, plain, color');
    const bad = await runCli(['config', 'set', 'color', 'sometimes'], { env: env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'sometimes' is not a value of color. Allowed: auto, always, never.");
    const badLang = await runCli(['config', 'set', 'lang', 'de'], { env: env() });
    expect(badLang.stderr).toContain('Allowed: en, fr.');
    const badPager = await runCli(['config', 'set', 'pager', ' '], { env: env() });
    expect(badPager.code).toBe(2);
    expect(badPager.stderr).toContain('pager must be a command');
    expect(() => readFileSync(file())).toThrow(/ENOENT/);
  });

  it('leaves a broken config file as it is rather than replacing it', async () => {
    mkdirSync(join(dir, 'config'));
    writeFileSync(file(), '{"contexts": {');
    const set = await runCli(['config', 'set', 'lang', 'fr'], { env: env() });
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('is not valid JSON');
    expect(readFileSync(file(), 'utf8')).toBe('{"contexts": {');
  });
});

describe('defaults at start-up', () => {
  it('lang: --lang > ESPACE_LANG > config > locale', async () => {
    const probe = (extra: Record<string, string | undefined>, args: string[] = []) => runCli([...args, 'config', 'get', 'pager'], { env: env(extra) });
    expect((await probe({ LANG: 'en_CA.UTF-8' })).stderr).toContain('pager is not set');
    expect((await runCli(['config', 'set', 'lang', 'fr'], { env: env() })).code).toBe(0);
    expect((await probe({ LANG: 'en_CA.UTF-8' })).stderr).toContain('pager n’est pas défini');
    expect((await probe({ LANG: 'en_CA.UTF-8', ESPACE_LANG: 'en' })).stderr).toContain('pager is not set');
    expect((await probe({ LANG: 'fr_CA.UTF-8', ESPACE_LANG: undefined }, ['--lang', 'en'])).stderr).toContain('pager is not set');
  });

  it('color: never and always rank below --no-color and the environment', async () => {
    const probe = (extra: Record<string, string | undefined>, options: { tty?: boolean; args?: string[] } = {}) =>
      runCli([...(options.args ?? []), 'config', 'get', 'pager'], { env: env({ NO_COLOR: undefined, ...extra }), tty: options.tty });
    expect((await probe({}, { tty: true })).stderr).toContain(ESC);
    expect((await probe({})).stderr).not.toContain(ESC);

    expect((await runCli(['config', 'set', 'color', 'never'], { env: env() })).code).toBe(0);
    expect((await probe({}, { tty: true })).stderr).not.toContain(ESC);
    expect((await probe({ FORCE_COLOR: '1' }, { tty: true })).stderr).toContain(ESC);

    expect((await runCli(['config', 'set', 'color', 'always'], { env: env() })).code).toBe(0);
    expect((await probe({})).stderr).toContain(ESC);
    expect((await probe({ NO_COLOR: '1' })).stderr).not.toContain(ESC);
    expect((await probe({ TERM: 'dumb' })).stderr).not.toContain(ESC);
    expect((await probe({}, { args: ['--no-color'] })).stderr).not.toContain(ESC);

    expect((await runCli(['config', 'set', 'color', 'auto'], { env: env() })).code).toBe(0);
    expect((await probe({})).stderr).not.toContain(ESC);
  });
});

describe('the built CLI', () => {
  it('reads the defaults it wrote, at the next start', async () => {
    const { espace } = await import('../helpers/spawn.js');
    const set = await espace(['config', 'set', 'lang', 'fr'], { env: env() });
    expect(set.code, set.stderr).toBe(0);
    const next = await espace(['config', 'get', 'pager'], { env: env() });
    expect(next.code).toBe(1);
    expect(next.stderr).toContain('pager n’est pas défini');
    const listed = await espace(['config', 'list', '--fields', 'key,value'], { env: env() });
    expect(JSON.parse(listed.stdout)).toEqual([
      { key: 'lang', value: 'fr' },
      { key: 'pager', value: null },
      { key: 'plain', value: null },
      { key: 'color', value: null },
    ]);
  });
});
