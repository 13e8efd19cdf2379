/**
 * The message catalog as the bundle carries it (scripts/build/catalog.mjs, src/i18n/area-catalog.ts):
 * one table per area and language, read on first use. Every key must come out as the sources'
 * catalog gives it, whichever area it belongs to, and a command must read only the areas it uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, without types.
import { catalogAreas, LANGS } from '../../scripts/build/catalog.mjs';
import { areaCatalog, areaOf } from '../../src/i18n/area-catalog.js';
import { catalog, hasMessage, translate, type Lang, type MessageKey } from '../../src/i18n/catalog.js';
import { espace } from '../helpers/spawn.js';

const root = new URL('../..', import.meta.url).pathname;
const { areas, prefixes } = (await catalogAreas(root)) as {
  areas: Record<string, Record<Lang, Record<string, string>>>;
  prefixes: Record<string, string>;
};

/** The bundle's catalog over the tables built here, recording which tables it read. */
function loaded() {
  const reads: string[] = [];
  const api = areaCatalog(prefixes, (area, lang) => {
    reads.push(`${area}.${lang}`);
    return areas[area]![lang];
  });
  return { ...api, reads };
}

describe('the catalog split per area', () => {
  it('gives every key, in both languages, exactly as the sources do', () => {
    const split = loaded();
    const keys = Object.keys(catalog) as MessageKey[];
    for (const key of keys) {
      for (const lang of LANGS as Lang[])
        expect(split.translate(lang, key, { name: 'x\ny', count: 2 }), key).toBe(translate(lang, key, { name: 'x\ny', count: 2 }));
      expect(split.hasMessage(key), key).toBe(true);
    }
    // Each message in one table only.
    const tabled = Object.values(areas).reduce((total, tables) => total + Object.keys(tables.en).length, 0);
    expect(tabled).toBe(keys.length);
  });

  it('reads only the table of the area a key belongs to, once', () => {
    const split = loaded();
    split.translate('fr', 'bill.show.description');
    split.translate('fr', 'bill.show.argument');
    expect(split.reads).toEqual([`${areaOf(prefixes, 'bill.show.description')}.fr`]);
    // An error of another area still resolves, from its own table.
    expect(split.translate('en', 'context.used', { name: 'staging' })).toBe('Now using context staging.');
    expect(split.reads).toHaveLength(2);
  });

  it('knows which keys it lacks', () => {
    const split = loaded();
    for (const key of ['commander.term.nosuchword', 'nosucharea.key', 'bill']) expect(split.hasMessage(key), key).toBe(hasMessage(key));
    expect(() => split.translate('en', 'nosucharea.key' as MessageKey)).toThrow(/nosucharea\.key/);
  });
});

describe('the built CLI', () => {
  const dist = join(root, 'dist');

  it('carries the tables beside the bundle, not inside it', () => {
    const files = readdirSync(join(dist, 'i18n'));
    expect(files.sort()).toEqual(
      Object.keys(areas)
        .flatMap((area) => LANGS.map((lang: string) => `${area}.${lang}.json`))
        .sort(),
    );
    const bundle = readFileSync(join(dist, 'cli/main.js'), 'utf8');
    for (const key of ['bill.show.description', 'doctor.description', 'payment.description'] as MessageKey[]) {
      expect(bundle).not.toContain(JSON.stringify(catalog[key].fr).slice(1, -1));
    }
  });

  it('shows help in French and a usage error of another area from those tables', async () => {
    const help = await espace(['--lang', 'fr', 'bill', 'show', '--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain(translate('fr', 'bill.show.description'));
    expect(help.stdout).toContain(translate('fr', 'help.usage'));
    const usage = await espace(['--lang', 'fr', 'bill', 'show', '--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain(translate('fr', 'core.usageHint'));
  });
});
