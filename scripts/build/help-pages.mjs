// dist/cli/help.js and dist/help/: `espace … --help` answered from pages rendered here, by the
// CLI's own main (src/cli/help-pages/), without building commander's tree at every call.
import { build } from 'esbuild';
import { join } from 'node:path';
import { withSourceModule } from './from-sources.mjs';

/**
 * Writes dist/cli/help.js, one small CommonJS file with no chunks (the launcher requires it before
 * anything else: it must not cost what it saves), and the pages, one file per noun and language.
 */
export async function buildHelpPages(root, outdir) {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/help-pages/show.ts'],
    outfile: join(outdir, 'cli/help.js'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
    // paths.ts's sandboxEntry() reads import.meta.url; the help pages never call it.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  await withSourceModule(root, 'src/cli/help-pages/render.ts', ({ writeHelpPages }) => writeHelpPages(join(outdir, 'help')));
}
