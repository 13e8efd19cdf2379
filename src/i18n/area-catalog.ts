/**
 * The message catalog as the bundle loads it: one table per area and language, read the first time
 * one of its messages is needed (scripts/build/catalog.mjs writes the tables and the prefix index,
 * and serves this in place of catalog.ts). A command's help reads a few small tables instead of
 * every sentence of every command in both languages.
 */
import type { Lang, MessageKey, MessageParams, Translate } from './catalog.js';
import { fillPlaceholders } from './fill.js';

/** Key prefixes (`bill.show`, `commander`) to the area whose table holds every key under them. */
export type PrefixIndex = Readonly<Record<string, string>>;
/** Reads one area's table in one language: its keys and their templates. */
export type LoadArea = (area: string, lang: Lang) => Readonly<Record<string, string>>;

/** The area holding `key`: that of its shortest prefix in the index; undefined when none is. */
export function areaOf(prefixes: PrefixIndex, key: string): string | undefined {
  let end = -1;
  do {
    end = key.indexOf('.', end + 1);
    const prefix = end === -1 ? key : key.slice(0, end);
    if (Object.prototype.hasOwnProperty.call(prefixes, prefix)) return prefixes[prefix];
  } while (end !== -1);
  return undefined;
}

/** translate, translator and hasMessage as catalog.ts has them, over tables loaded on demand. */
export function areaCatalog(prefixes: PrefixIndex, load: LoadArea) {
  const tables = new Map<string, Readonly<Record<string, string>>>();
  const template = (lang: Lang, key: string): string | undefined => {
    const area = areaOf(prefixes, key);
    if (area === undefined) return undefined;
    const id = `${area}.${lang}`;
    let table = tables.get(id);
    if (!table) tables.set(id, (table = load(area, lang)));
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  };
  const translate = (lang: Lang, key: MessageKey, params?: MessageParams): string => {
    const found = template(lang, key);
    if (found === undefined) throw new Error(`no message ${key} in the catalog`);
    return fillPlaceholders(found, params);
  };
  return {
    translate,
    translator:
      (lang: Lang): Translate =>
      (key, params) =>
        translate(lang, key, params),
    hasMessage: (key: string): key is MessageKey => template('en', key) !== undefined,
  };
}
