/**
 * Finds English in French text: a word of espace's English (every English message of the catalog,
 * the sandbox's English reference texts and errors) that is not also French, nor a name, an id or a
 * documented exception (english-in-french-allowed.json). Shared by the catalog and help walk and by
 * the French journeys against the sandbox.
 */
import { readFileSync } from 'node:fs';
import { catalog } from '../../src/i18n/catalog.js';
import { referencePairs } from '../../src/sandbox/language/reference-texts.js';
import { BILL_STATES, ORDER_STATES, PAYMENT_CHANNELS, PAYMENT_STATES, TICKET_CHANNELS } from '../../src/i18n/vocabularies.js';
import { TICKET_STATUSES } from '../../src/domain/ticket.js';

interface Allowed {
  /** Words that are French too, or that French writes as English does, each with why. */
  words: Record<string, string>;
}

const allowed = JSON.parse(readFileSync(new URL('./english-in-french-allowed.json', import.meta.url), 'utf8')) as Allowed;

/** Words as they are compared: lower case, letters and inner apostrophes/hyphens only. */
function wordsOf(text: string): string[] {
  return (
    text
      // What is not prose: placeholders, code spans, options, URLs, paths, e-mail addresses.
      .replace(/\{\w+\}/g, ' ')
      .replace(/`[^`]*`/g, ' ')
      .replace(/(?:^|[\s(«\u00a0])--?[\w-]+(?:[= ]<[^>]*>)?/g, ' ')
      // Dotted paths and names (data.totalDue.amount, error.code, queue.csv).
      .replace(/\S*\p{L}\.\p{L}\S*/gu, ' ')
      .replace(/\b[\w.+-]+@[\w.-]+/g, ' ')
      .replace(/\w+:\/\/\S+/g, ' ')
      .replace(/(?:\.{0,2}\/|~\/)[\w./-]+/g, ' ')
      // Tokens mixing letters and digits are ids (request ids, hashes: e43be9b3-bf62-…), not words.
      .replace(/[\p{L}\d-]*\d[\p{L}\d-]*/gu, ' ')
      .split(/[^\p{L}'’-]+/u)
      .map((word) => word.replace(/^['’-]+|['’-]+$/g, ''))
      // Identifiers are not words: ESPACE_LANG, BA-1001, PRD-1001-INT, camelCase field names.
      .filter((word) => word.length > 1 && !/^\p{Lu}[\p{Lu}\d_-]+$/u.test(word) && !/\p{Ll}\p{Lu}/u.test(word))
      .map((word) => word.toLowerCase())
  );
}

/** The TMF values a French screen must show in words, never as sent (settled, inProgress, selfService…). */
export const TMF_VALUES = new Set<string>([...BILL_STATES, ...TICKET_STATUSES, ...TICKET_CHANNELS, ...PAYMENT_CHANNELS, ...PAYMENT_STATES, ...ORDER_STATES]);

let vocabulary: Set<string> | undefined;

/** Every word espace's English uses. */
export function englishVocabulary(): Set<string> {
  if (vocabulary) return vocabulary;
  const texts = [...Object.values(catalog).map((message) => (message as { en: string }).en), ...referencePairs().map(([en]) => en)];
  // A word the sandbox's French reference texts use too is a name (Giga, Super Écran, Illico, Wi-Fi).
  const french = new Set(referencePairs().flatMap(([, fr]) => wordsOf(fr)));
  vocabulary = new Set(texts.flatMap(wordsOf).filter((word) => !french.has(word)));
  return vocabulary;
}

/** Words taken as they are in French text: the allow-list, and the names of commands and options. */
export function isAllowed(word: string, commandWords: ReadonlySet<string>): boolean {
  return Object.hasOwn(allowed.words, word) || commandWords.has(word);
}

/**
 * The English words of a French text (each once), and the TMF values it shows raw. French words
 * spelled like English ones are in the allow-list, with the reason.
 */
export function englishIn(text: string, commandWords: ReadonlySet<string> = new Set()): string[] {
  const english = englishVocabulary();
  const found = new Set<string>();
  for (const word of wordsOf(text)) if (english.has(word) && !isAllowed(word, commandWords)) found.add(word);
  // A camelCase TMF value shown as sent (selfService, inProgress) is English, though it is an id.
  const prose = text.replace(/\{\w+\}/g, ' ').replace(/`[^`]*`/g, ' ');
  for (const raw of prose.match(/(?<![\p{L}\d_.-])\p{Ll}+\p{Lu}\p{L}*(?![\p{L}\d_-])/gu) ?? []) if (TMF_VALUES.has(raw)) found.add(raw);
  return [...found];
}
