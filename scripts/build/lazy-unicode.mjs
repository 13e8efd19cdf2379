// string-width, wrap-ansi and slice-ansi prepare their Unicode machinery when their modules load:
// each creates an Intl.Segmenter (the first one loads ICU's break-iterator data: 30–100 ms), and
// string-width compiles /^\p{RGI_Emoji}$/v (90–140 ms: V8 builds the set of every emoji
// sequence). That is more than all of Node's own start-up, paid by every command, although text
// in printable ASCII (help, usage errors, most output) reaches neither. This esbuild plugin makes
// each such construction in a bundled package a stand-in that builds the real object on first use,
// with the same arguments.
import { readFile } from 'node:fs/promises';

const SEGMENTER = /\bnew Intl\.Segmenter\(/g;
/** A regular expression literal using \p{RGI_Emoji}, without the g or y flags (no lastIndex state). */
const EMOJI_REGEXP = /\/((?:[^/\\\n[]|\\.|\[(?:[^\]\\\n]|\\.)*\])*\\p\{RGI_Emoji\}(?:[^/\\\n[]|\\.|\[(?:[^\]\\\n]|\\.)*\])*)\/([dimsuv]*)(?![\w$])/g;
const SEGMENTER_HELPER = '__espaceLazySegmenter';
const REGEXP_HELPER = '__espaceLazyRegExp';

const helpers = {
  [SEGMENTER_HELPER]: [
    `function ${SEGMENTER_HELPER}(...args) {`,
    '  let real;',
    '  const get = () => (real ??= new Intl.Segmenter(...args));',
    '  return { segment: (text) => get().segment(text), resolvedOptions: () => get().resolvedOptions() };',
    '}',
  ],
  [REGEXP_HELPER]: [
    `function ${REGEXP_HELPER}(source, flags) {`,
    '  let real;',
    '  const get = () => (real ??= new RegExp(source, flags));',
    '  return { test: (text) => get().test(text), exec: (text) => get().exec(text), source, flags };',
    '}',
  ],
};

/**
 * `source` (a module's JavaScript) with those constructions deferred to first use; undefined when
 * it has none.
 */
export function deferUnicodeSetup(source) {
  let text = source.replace(SEGMENTER, `${SEGMENTER_HELPER}(`);
  text = text.replace(EMOJI_REGEXP, (_literal, body, flags) => `${REGEXP_HELPER}(${JSON.stringify(body)}, ${JSON.stringify(flags)})`);
  const used = Object.keys(helpers).filter((name) => text.includes(`${name}(`));
  if (used.length === 0) return undefined;
  for (const name of used) if (source.includes(name)) throw new Error(`${name} is taken`);
  return `${used.map((name) => helpers[name].join('\n')).join('\n')}\n${text}`;
}

/** The esbuild plugin, for the JavaScript of node_modules (espace's own modules build nothing at load). */
export function lazyUnicode() {
  return {
    name: 'lazy-unicode',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, async ({ path }) => {
        const contents = deferUnicodeSetup(await readFile(path, 'utf8'));
        return contents === undefined ? undefined : { contents, loader: 'js', resolveDir: path.replace(/[\\/][^\\/]+$/, '') };
      });
    },
  };
}
