// dist/cli/prebuilt.js and dist/prebuilt/: `espace … --help` and `espace … --bogus` answered from
// what the CLI's own main printed at build time (src/cli/prebuilt/), without building commander's
// tree at every call.
import { build } from 'esbuild';
import { join } from 'node:path';
import { withSourceModule } from './from-sources.mjs';

/**
 * Writes dist/cli/prebuilt.js, one small CommonJS file with no chunks (the launcher requires it
 * before anything else: it must not cost what it saves), and the answers, one file per noun and
 * language.
 */
export async function buildPrebuilt(root, outdir) {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/prebuilt/answer.ts'],
    outfile: join(outdir, 'cli/prebuilt.js'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
    // paths.ts's sandboxEntry() reads import.meta.url; the answers never call it.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  await withSourceModule(root, 'src/cli/prebuilt/render.ts', ({ writePrebuilt }) => writePrebuilt(join(outdir, 'prebuilt')));
}
