/**
 * Builds the whole command tree without running anything and renders its manual page; used by
 * scripts/man.mjs (`npm run man`) and by the test that reads the page with man(1).
 */
import { PassThrough } from 'node:stream';
import type { Lang } from '../../i18n/catalog.js';
import { translator } from '../../i18n/catalog.js';
import { createIO } from '../../output/io.js';
import { VERSION } from '../../version.js';
import { buildProgram } from '../program.js';
import { manPage } from './roff.js';

/** The page in `lang`, as `man/espace.1` (English) or `man/fr/man1/espace.1` holds it. */
export async function renderManPage(lang: Lang): Promise<string> {
  const t = translator(lang);
  const io = await createIO({ stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), colorAllowed: false });
  const program = buildProgram({
    t,
    lang,
    io,
    argv: [],
    makeDeps: () => {
      throw new Error('the manual page runs no command');
    },
  });
  return manPage(program, { t, version: VERSION });
}
