// Writes the manual pages from the command tree: man/espace.1 (English) and man/fr/man1/espace.1
// (French). Run by `npm run build` and `npm run man`. The tree is built from the sources, bundled
// on the fly (dependencies stay in node_modules), so the pages always match the commands.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const work = join(root, 'node_modules', '.cache', 'espace-man');
const entry = join(work, 'generate.mjs');
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/man/generate.ts'],
  outfile: entry,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
try {
  const { renderManPage } = await import(pathToFileURL(entry).href);
  for (const [lang, path] of [
    ['en', join('man', 'espace.1')],
    ['fr', join('man', 'fr', 'man1', 'espace.1')],
  ]) {
    const target = join(root, path);
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, await renderManPage(lang));
    console.log(path);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
