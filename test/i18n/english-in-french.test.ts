/**
 * No English in French: every French message of the catalog and every help page of the command
 * tree, read in French, holds no word of espace's English that is not also French, a name, an id,
 * a command or option the user types, or a documented exception (english-in-french-allowed.json).
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/i18n/catalog.js';
import { runCli } from '../helpers/cli.js';
import { commands, commandWords } from './command-words.js';
import { englishIn } from './english-words.js';

/** A help page without its examples: an example is a command line, typed as it is in any language. */
function prose(page: string): string {
  return page
    .split('\n')
    .filter((line) => !/^\s*\$ /.test(line))
    .join('\n');
}

describe('no English in French', () => {
  const typed = commandWords();

  it('in any French message of the catalog', () => {
    const leaks = Object.entries(catalog).flatMap(([key, message]) => {
      const words = englishIn((message as { fr: string }).fr, typed);
      return words.length ? [`${key}: ${words.join(', ')}`] : [];
    });
    expect(
      leaks,
      `English words in French messages (translate them, or add a word that is French too to test/i18n/english-in-french-allowed.json with the reason):\n  ${leaks.join('\n  ')}\n`,
    ).toEqual([]);
  });

  it('on any help page, read in French', async () => {
    const leaks: string[] = [];
    for (const path of commands()) {
      const page = await runCli(['--lang', 'fr', ...path, '--help']);
      expect(page.code, path.join(' ')).toBe(0);
      const words = englishIn(prose(page.stdout), typed);
      if (words.length) leaks.push(`espace ${path.join(' ')} --help: ${words.join(', ')}`);
    }
    expect(leaks, `English words on French help pages:\n  ${leaks.join('\n  ')}\n`).toEqual([]);
  });

  it('would catch English: a sentence, a raw TMF value, an English product name', () => {
    expect(englishIn('Le paiement was declined by its issuer', typed)).toEqual(expect.arrayContaining(['was', 'declined']));
    expect(englishIn('Canal : selfService', typed)).toEqual(['selfService']);
    expect(englishIn('Messagerie vocale visuelle, Visual Voicemail', typed)).toEqual(expect.arrayContaining(['visual', 'voicemail']));
    expect(englishIn('Réglée le 1er décembre 2026 : 65,00 $', typed)).toEqual([]);
  });
});
