/**
 * Builds the whole command tree without running anything and renders its manual page; used by
 * scripts/man.mjs (`npm run man`) and by the test that reads the page with man(1).
 */
import type { Lang } from '../../i18n/catalog.js';
import { translator } from '../../i18n/catalog.js';
import { VERSION } from '../../version.js';
import { commandTree } from '../command-tree.js';
import { manPage } from './roff.js';

/** The page in `lang`, as `man/espace.1` (English) or `man/fr/man1/espace.1` holds it. */
export async function renderManPage(lang: Lang): Promise<string> {
  return manPage(await commandTree(lang), { t: translator(lang), version: VERSION });
}
