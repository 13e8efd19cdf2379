/**
 * Quebec French typography rules (Office québécois de la langue française) for espace's French
 * messages, in one place for the test that checks every message (test/i18n/french-typography.test.ts)
 * and for the fixer (`node scripts/french-typography.mjs --fix`), which rewrites the French side of
 * src/i18n/messages/*.ts where a rule can be applied mechanically.
 *
 * The space is U+00A0 (no-break space), the one Intl uses for fr-CA (`10 000`, `65,00 $`), so that
 * figures and punctuation look alike everywhere.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NBSP = '\u00a0';

/**
 * Each rule: a name, what it asks, a pattern that finds a fault, and (when mechanical) a fix.
 * Placeholders (`{name}`) are left alone by the patterns that look at words.
 * @type {{ name: string; says: string; find: RegExp; fix?: (text: string) => string }[]}
 */
export const RULES = [
  {
    name: 'space-before-high-punctuation',
    says: 'a no-break space (U+00A0), not a plain space, goes before « : », « ; », « ? » and « ! »',
    find: /[ \u202f][:;?!](?=\s|$|[)»"'’.,])/,
    fix: (text) => text.replace(/[ \u202f]([:;?!])(?=\s|$|[)»"'’.,])/g, `${NBSP}$1`),
  },
  {
    name: 'missing-space-before-high-punctuation',
    says: 'a no-break space (U+00A0) goes before « : », « ; », « ? » and « ! » (none is there)',
    // After a word, a closing bracket or a placeholder, before a space or the end (not 14:05, not https://).
    find: /[\p{L}\p{N})}»’][:;?!](?=[ \u00a0]|$)/u,
    fix: (text) => text.replace(/([\p{L}\p{N})}»’])([:;?!])(?=[ \u00a0]|$)/gu, `$1${NBSP}$2`),
  },
  {
    name: 'guillemets-spacing',
    says: 'a no-break space (U+00A0) goes inside « and » (« ainsi »)',
    find: /«(?!\u00a0)|(?<!\u00a0)»/,
    fix: (text) => text.replace(/«[ \u202f]?(?!\u00a0)/g, `«${NBSP}`).replace(/(?<!\u00a0)[ \u202f]?»/g, `${NBSP}»`),
  },
  {
    name: 'typographic-apostrophe',
    says: "the apostrophe is the typographic one (’), not the straight one (')",
    find: /\p{L}'\p{L}/u,
    fix: (text) => text.replace(/(\p{L})'(?=\p{L})/gu, '$1’'),
  },
  {
    name: 'percent-spacing',
    says: 'a no-break space (U+00A0) goes between a number and « % » (9,975 %)',
    find: /\d ?%|\} ?%/,
    fix: (text) => text.replace(/(\d|\}) ?%/g, `$1${NBSP}%`),
  },
  {
    name: 'contraction',
    says: '« de le », « de les », « à le », « à les » are written « du », « des », « au », « aux »',
    // Not before an infinitive, where « le » is a pronoun: « permet de le demander ».
    find: /(?<![\p{L}])(?:de|à) (?:le|les) (?!\p{L}*(?:er|ir|re|oir)(?![\p{L}]))/iu,
  },
  {
    name: 'elision',
    says: 'before a vowel, « de », « que », « le », « la », « ne », « se », « je » elide (d’, qu’, l’, n’, s’, j’)',
    // « la ou les » is no elision; identifiers in capitals (ESPACE_CLIENT_ID) are not words.
    find: /(?<![\p{L}-])(?:de|que|le|la|ne|se|je|jusque|lorsque|puisque) (?!ou |où )(?:[aeiouyâàéèêëîïôœù]|h(?:eure|iver|ier|omme|uile)|Internet\b|Ontario\b|Île)/u,
  },
  {
    name: 'elision-before-placeholder',
    // Placeholders that hold a number, a date, an amount or an identifier (a flag, a URL, an id) are
    // not words that elide; any other one (a name, a product, a service) is.
    says: 'no « de », « que », « le », « la », « ne », « se » right before a {placeholder} holding words: whether it elides depends on the value (rephrase, or name the thing first: « le forfait {name} »)',
    find: /(?<![\p{L}-])(?:de|que|le|la|ne|se|lorsque|puisque|jusque) \{(?!(?:flag|option|resource|field|url|from|to|api|source|profiles|id|account|bill|path|file|key|method|where|origin|header|value|filter|context|username|user|requestId|code|amount|before|after|date|when|until|start|end|min|max|seconds|count|months|days|n|line|limit|total|price|cost|change|used|projected|allowance|rateBefore|rateAfter|percent|number|minutes|texts|gb|size|bytes|items|requests|offset|attempt|attempts|max\w*|min\w*|\w*Date|\w*At|\w*Count|\w*Amount)\})\w+\}/u,
  },
];

/**
 * The faults of one French message: each rule it breaks, with the offending excerpt.
 * @param {string} text
 * @returns {{ rule: string; says: string; excerpt: string }[]}
 */
export function typographyProblems(text) {
  const found = [];
  for (const rule of RULES) {
    const match = rule.find.exec(text);
    if (!match) continue;
    const from = Math.max(0, match.index - 15);
    const excerpt = text.slice(from, match.index + match[0].length + 15).replace(/\u00a0/g, '⍽');
    found.push({ rule: rule.name, says: rule.says, excerpt });
  }
  return found;
}

/**
 * The message with every mechanical rule applied (spaces, guillemets, apostrophes).
 * @param {string} text
 */
export function fixTypography(text) {
  return RULES.reduce((fixed, rule) => (rule.fix ? rule.fix(fixed) : fixed), text);
}

/** `fr: '…'` or `fr: "…"` on one line, as the message tables write them. */
const FRENCH_LITERAL = /(\bfr:\s*)(['"])((?:\\.|(?!\2)[^\\])*)\2/g;

function unescape(body) {
  return body.replace(/\\(['"\\])/g, '$1');
}

function escape(body, quote) {
  return body.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
}

/** Rewrites the French side of every message file; returns the files it changed. */
export function fixMessageFiles(dir) {
  const changed = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
    const path = join(dir, name);
    const source = readFileSync(path, 'utf8');
    const next = source.replace(FRENCH_LITERAL, (_whole, head, quote, body) => `${head}${quote}${escape(fixTypography(unescape(body)), quote)}${quote}`);
    if (next !== source) {
      writeFileSync(path, next);
      changed.push(path);
    }
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--fix')) {
    console.error('usage: node scripts/french-typography.mjs --fix   (rewrites the French side of src/i18n/messages/*.ts)');
    process.exit(2);
  }
  const dir = fileURLToPath(new URL('../src/i18n/messages/', import.meta.url));
  for (const path of fixMessageFiles(dir)) console.log(`fixed ${path}`);
}
