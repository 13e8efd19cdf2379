/**
 * The password-strength dictionaries as the build bundles them (scripts/build/dictionaries.mjs):
 * Brotli-compressed in the bundle, they must come out as the very word lists of the packages,
 * and take less room than the originals.
 */
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, without types.
import { compressedDictionaries } from '../../scripts/build/dictionaries.mjs';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const cacheDir = join(root, 'node_modules/.cache/espace-build/dictionaries');
const scratch = await mkdtemp(join(tmpdir(), 'espace-dictionaries-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The package bundled with the plugin, as the CLI's build does, and loaded. */
async function bundled(name: string, plugins: unknown[]): Promise<{ code: string; exports: { dictionary: Record<string, unknown> } }> {
  const outfile = join(scratch, `${name.replace(/\W/g, '-')}-${plugins.length}.cjs`);
  const result = await build({
    absWorkingDir: root,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    outfile,
    write: true,
    plugins: plugins as never,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  const code = (await import('node:fs')).readFileSync(outfile, 'utf8');
  return { code, exports: require(outfile) };
}

describe('the bundled password-strength dictionaries', () => {
  for (const name of ['@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en', '@zxcvbn-ts/language-fr']) {
    it(`${name}: the package's words, compressed`, async () => {
      const original = require(name).dictionary as Record<string, unknown>;
      const plain = await bundled(name, []);
      const compressed = await bundled(name, [compressedDictionaries(cacheDir)]);
      expect(compressed.code).toContain('brotliDecompressSync');
      expect(Object.keys(compressed.exports.dictionary).sort()).toEqual(Object.keys(original).sort());
      for (const [list, words] of Object.entries(original)) expect(compressed.exports.dictionary[list], list).toEqual(words);
      const { gzipSync } = await import('node:zlib');
      expect(gzipSync(compressed.code).length).toBeLessThan(gzipSync(plain.code).length);
    }, 300_000);
  }
});
