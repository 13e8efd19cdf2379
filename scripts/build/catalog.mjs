// The message catalog as the bundle carries it: one JSON file per area and language
// (dist/i18n/<area>.<lang>.json), read when a message of that area is first needed, instead of
// every sentence of every command in both languages compiled and built into objects on every start
// (over half of the start-up bundle). The areas are the files of src/i18n/messages/; a small index
// of key prefixes, built here, tells which area holds a key, so that any key still resolves
// whatever area the running command started with (an error may come from anywhere).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

export const LANGS = ['en', 'fr'];

/**
 * The catalog of the sources, split: `areas` maps each area (a file of src/i18n/messages/) to its
 * tables per language, holding exactly the keys that the merged catalog takes from that file (a key
 * defined twice is the later file's, as in the merge); `prefixes` maps key prefixes to areas.
 */
export async function catalogAreas(root) {
  const dir = join(root, 'src/i18n/messages');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort();
  const imports = files.map((file, index) => `import * as a${index} from ${JSON.stringify(`./src/i18n/messages/${file}`)};`);
  const contents = [
    "import { catalog } from './src/i18n/catalog.ts';",
    ...imports,
    `module.exports = { catalog, areas: { ${files.map((file, index) => `${JSON.stringify(file.replace(/\.ts$/, ''))}: a${index}`).join(', ')} } };`,
  ].join('\n');
  const result = await build({
    absWorkingDir: root,
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'catalog-areas.ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  runInNewContext(result.outputFiles[0].text, { module, exports: module.exports });
  const { catalog, areas: modules } = module.exports;

  // Which area the merged catalog took each message from: the one whose table holds that very object.
  const areaOfKey = new Map();
  for (const [area, exported] of Object.entries(modules)) {
    for (const table of Object.values(exported)) {
      for (const [key, message] of Object.entries(table)) if (catalog[key] === message) areaOfKey.set(key, area);
    }
  }
  const areas = {};
  for (const [key, message] of Object.entries(catalog)) {
    const area = areaOfKey.get(key);
    if (area === undefined) throw new Error(`message ${key} comes from no file of src/i18n/messages`);
    areas[area] ??= Object.fromEntries(LANGS.map((lang) => [lang, {}]));
    for (const lang of LANGS) areas[area][lang][key] = message[lang];
  }
  return { areas, prefixes: prefixIndex(areaOfKey) };
}

/**
 * For each key, its shortest dotted prefix under which every key is of one area (`bill.explain` →
 * bill-explain while `bill.show` → bill): the index the loader walks, shortest prefix first.
 */
export function prefixIndex(areaOfKey) {
  const areasUnder = new Map();
  for (const [key, area] of areaOfKey) {
    const parts = key.split('.');
    for (let length = 1; length <= parts.length; length++) {
      const prefix = parts.slice(0, length).join('.');
      if (!areasUnder.has(prefix)) areasUnder.set(prefix, new Set());
      areasUnder.get(prefix).add(area);
    }
  }
  const prefixes = {};
  for (const key of areaOfKey.keys()) {
    const parts = key.split('.');
    for (let length = 1; length <= parts.length; length++) {
      const prefix = parts.slice(0, length).join('.');
      const under = areasUnder.get(prefix);
      if (under.size === 1) {
        prefixes[prefix] = [...under][0];
        break;
      }
    }
  }
  return prefixes;
}

/**
 * The esbuild plugin: writes `outdir/i18n/<area>.<lang>.json` and serves, for every import of
 * src/i18n/catalog.ts, a module with the same functions (translate, translator, hasMessage) that
 * reads those files on demand (src/i18n/area-catalog.ts). The merged `catalog` object is not
 * there: code that needs it fails to build rather than loading everything.
 */
export function areaCatalogs(root, outdir) {
  const catalogFile = join(root, 'src/i18n/catalog.ts');
  return {
    name: 'area-catalogs',
    setup(b) {
      let index;
      b.onStart(async () => {
        const { areas, prefixes } = await catalogAreas(root);
        await mkdir(join(outdir, 'i18n'), { recursive: true });
        await Promise.all(
          Object.entries(areas).flatMap(([area, tables]) =>
            LANGS.map((lang) => writeFile(join(outdir, 'i18n', `${area}.${lang}.json`), JSON.stringify(tables[lang]))),
          ),
        );
        index = prefixes;
      });
      b.onResolve({ filter: /[\\/]catalog\.js$/ }, ({ path, resolveDir }) =>
        resolve(resolveDir, path.replace(/\.js$/, '.ts')) === catalogFile ? { path: 'catalog', namespace: 'area-catalogs' } : undefined,
      );
      b.onLoad({ filter: /^catalog$/, namespace: 'area-catalogs' }, () => ({
        resolveDir: join(root, 'src/i18n'),
        loader: 'js',
        contents: [
          "import { areaCatalog } from './area-catalog.ts';",
          `export const { translate, translator, hasMessage } = areaCatalog(${JSON.stringify(index)}, (area, lang) =>`,
          "  JSON.parse(process.getBuiltinModule('node:fs').readFileSync(new URL(`../i18n/${area}.${lang}.json`, import.meta.url), 'utf8')),",
          ');',
        ].join('\n'),
      }));
    },
  };
}
