// Writes the manual pages from the command tree: man/espace.1 (English) and man/fr/man1/espace.1
// (French). Run by `npm run build` and `npm run man`. The tree is built from the sources, bundled
// on the fly (dependencies stay in node_modules), so the pages always match the commands.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withSourceModule } from './build/from-sources.mjs';

const root = new URL('..', import.meta.url).pathname;
await withSourceModule(root, 'src/cli/man/generate.ts', async ({ renderManPage }) => {
  for (const [lang, path] of [
    ['en', join('man', 'espace.1')],
    ['fr', join('man', 'fr', 'man1', 'espace.1')],
  ]) {
    const target = join(root, path);
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, await renderManPage(lang));
    console.log(path);
  }
});
