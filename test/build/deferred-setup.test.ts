/**
 * What the build defers from module load to first use (scripts/build/lazy-unicode.mjs,
 * scripts/build/lazy-builtins.mjs): the packages must behave exactly as before, and loading them
 * must no longer build a segmenter, compile the emoji expression, run the width packages or load
 * node:child_process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, without types.
import { lazyUnicode } from '../../scripts/build/lazy-unicode.mjs';
// @ts-expect-error: a build script, without types.
import { lazyBuiltins } from '../../scripts/build/lazy-builtins.mjs';

const root = new URL('../..', import.meta.url).pathname;
const scratch = await mkdtemp(join(tmpdir(), 'espace-deferred-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** `source` bundled to CommonJS as the CLI's build does (packages from the repository), with `plugins`. */
async function bundle(name: string, source: string, plugins: unknown[]): Promise<{ file: string; code: string }> {
  const entry = join(scratch, `${name}.mjs`);
  await writeFile(entry, source);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    nodePaths: [join(root, 'node_modules')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    plugins: plugins as never,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  const file = join(scratch, `${name}.cjs`);
  const code = result.outputFiles[0]!.text;
  await writeFile(file, code);
  return { file, code };
}

/** Runs `script` in a new Node process (nothing loaded yet) and returns what it printed, parsed. */
function inNewProcess(script: string): unknown {
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

const SAMPLES = ['plain ASCII', 'Réglée à 12 h', '日本語のテキスト', '👍🏽 ok', '👨‍👩‍👧 family', '1️⃣', 'e\u0301', '\u001b[31mred\u001b[39m', '한국어', 'ｶﾀｶﾅ'];
const WIDTHS = [
  "export { default as stringWidth } from 'string-width';",
  "export { default as wrapAnsi } from 'wrap-ansi';",
  "export { default as cliTruncate } from 'cli-truncate';",
].join('\n');

/** Segmenters made while loading `file`, and the packages' answers for SAMPLES. */
function widthsOf(file: string) {
  return inNewProcess(`
    const made = { atLoad: 0, total: 0 };
    const Real = Intl.Segmenter;
    Intl.Segmenter = class extends Real { constructor(...args) { super(...args); made.total++; } };
    const m = require(${JSON.stringify(file)});
    made.atLoad = made.total;
    const answers = ${JSON.stringify(SAMPLES)}.map((s) => [m.stringWidth(s), m.wrapAnsi(s + ' ' + s, 6, { hard: true }), m.cliTruncate(s + s, 5)]);
    process.stdout.write(JSON.stringify({ made, answers }));
  `) as { made: { atLoad: number; total: number }; answers: unknown[] };
}

describe('the Unicode set-up of the width packages', () => {
  it('is made on first use, and measures, wraps and cuts as the packages do', async () => {
    const plain = await bundle('widths-plain', WIDTHS, []);
    const deferred = await bundle('widths-deferred', WIDTHS, [lazyUnicode()]);
    const before = widthsOf(plain.file);
    const after = widthsOf(deferred.file);
    expect(before.made.atLoad).toBeGreaterThan(0);
    expect(after.made.atLoad).toBe(0);
    expect(after.made.total).toBeGreaterThan(0);
    expect(after.answers).toEqual(before.answers);
    // The emoji expression is compiled by the stand-in, not when the module loads.
    expect(plain.code).toMatch(/RGI_Emoji\}\$\/v|new RegExp\("\^\\\\p\{RGI_Emoji\}\$", "v"\)/);
    expect(deferred.code).not.toMatch(/RGI_Emoji\}\$\/v|new RegExp\("\^\\\\p\{RGI_Emoji\}\$", "v"\)/);
    expect(deferred.code).toContain('__espaceLazyRegExp("^\\\\p{RGI_Emoji}$", "v")');
  });
});

describe('the width packages imported by espace', () => {
  it('load on their first call, and answer as the packages do', async () => {
    const plain = await bundle('packages-plain', WIDTHS, []);
    // Imported as espace's sources import them (the plugin applies to imports from its source folder).
    const deferred = await bundle('packages-deferred', WIDTHS, [lazyBuiltins(scratch)]);
    const before = widthsOf(plain.file);
    const after = widthsOf(deferred.file);
    expect(before.made.atLoad).toBeGreaterThan(0);
    expect(after.made.atLoad).toBe(0);
    expect(after.answers).toEqual(before.answers);
  });
});

describe('node:child_process imported by espace', () => {
  it('is loaded on the first call, which works as the built-in', async () => {
    const source = [
      "import { spawnSync } from 'node:child_process';",
      "const loaded = () => process.moduleLoadList.includes('NativeModule child_process');",
      'const atLoad = loaded();',
      "const out = spawnSync(process.execPath, ['-e', 'process.stdout.write(\"ok\")'], { encoding: 'utf8' }).stdout;",
      'process.stdout.write(JSON.stringify({ atLoad, out, after: loaded() }));',
    ].join('\n');
    const plain = await bundle('spawn-plain', source, []);
    const deferred = await bundle('spawn-deferred', source, [lazyBuiltins(scratch)]);
    expect(inNewProcess(`require(${JSON.stringify(plain.file)})`)).toEqual({ atLoad: true, out: 'ok', after: true });
    expect(inNewProcess(`require(${JSON.stringify(deferred.file)})`)).toEqual({ atLoad: false, out: 'ok', after: true });
  });
});
