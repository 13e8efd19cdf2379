/**
 * The whole command tree in one language, built without running anything: what the manual page
 * (man/generate.ts) and the build's prebuilt answers (prebuilt/render.ts) read.
 */
import { PassThrough } from 'node:stream';
import { type Lang, translator } from '../i18n/catalog.js';
import { createIO } from '../output/io.js';
import type { CommandUnknownOpts } from './commander.js';
import { buildProgram } from './program.js';

export async function commandTree(lang: Lang): Promise<CommandUnknownOpts> {
  const io = await createIO({ stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), colorAllowed: false });
  return buildProgram({
    t: translator(lang),
    lang,
    io,
    argv: [],
    makeDeps: () => {
      throw new Error('the command tree is read, never run');
    },
  });
}
