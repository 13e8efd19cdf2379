// Runs a module of src/ at build time, bundled on the fly (dependencies stay in node_modules):
// the manual pages and the help pages are rendered from the command tree as the sources define it.
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Calls `use` with the module at `source` (a path under `root`), then removes the bundle. */
export async function withSourceModule(root, source, use) {
  const cache = join(root, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  // A folder of its own: the man pages and the help pages may be rendered at the same time.
  const work = await mkdtemp(join(cache, 'espace-sources-'));
  const entry = join(work, 'module.mjs');
  try {
    await build({
      absWorkingDir: root,
      entryPoints: [source],
      outfile: entry,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    return await use(await import(pathToFileURL(entry).href));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
