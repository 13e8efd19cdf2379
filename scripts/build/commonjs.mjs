// Pass 2 of the build: an ES module output of esbuild as CommonJS. On Node 20, starting the ES
// module loader and linking a graph of modules costs more than all of espace's own start-up work.
import { transform } from 'esbuild';
import { basename, dirname, relative, resolve } from 'node:path';

/**
 * Packages left in node_modules that are CommonJS, loaded with require() too: through import()
 * the ES module loader would start and scan the package's source for its exports (≈ 30 ms of CPU
 * for @napi-rs/keyring's index.js, on every command that reads a login from the keychain).
 */
const COMMONJS_PACKAGES = new Set(['@napi-rs/keyring']);

/**
 * Converts one output file. `outputs` maps every output path to its text: an import() of
 * another output (a chunk), of a Node built-in or of a package of COMMONJS_PACKAGES becomes a
 * require() inside a promise (same instance, same order); other packages keep import().
 */
export async function toCommonJS(path, text, outputs, root) {
  let imports = false;
  // The function's name is as long as `import`, which keeps the columns of the inline source map.
  if (text.includes('__lazy')) throw new Error(`${relative(root, path)}: __lazy is taken`);
  const source = text.replace(/\bimport\("([^"]+)"\)/g, (call, specifier) => {
    const chunk = specifier.startsWith('.') && outputs.has(resolve(dirname(path), specifier));
    if (!chunk && !specifier.startsWith('node:') && !COMMONJS_PACKAGES.has(specifier)) return call;
    imports = true;
    return `__lazy${call.slice('import'.length)}`;
  });
  // A chunk left to import() would still work, but through the ES module loader.
  if (/\bimport\("\.\.?\//.test(source)) throw new Error(`${relative(root, path)}: an import() of a chunk was not converted`);
  if (/\bimport\.meta\b(?!\.url\b)/.test(source)) throw new Error(`${relative(root, path)}: import.meta other than import.meta.url`);
  // ES modules are strict mode code: so stays their CommonJS form.
  const prelude = ['"use strict";'];
  if (imports) {
    // The namespace of a built-in module has `default` besides its exports.
    prelude.push('var __lazy=(id)=>Promise.resolve().then(()=>{const m=require(id);return id.startsWith("node:")?{...m,default:m}:m});');
  }
  if (source.includes('import.meta')) {
    prelude.push('var __espaceMeta={get url(){return require("node:url").pathToFileURL(__filename).href}};');
  }
  const { code, map } = await transform(source, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    sourcemap: 'external',
    sourcefile: basename(path),
    define: { 'import.meta.url': '__espaceMeta.url' },
    banner: prelude.join('\n'),
    logLevel: 'warning',
  });
  return { code, map: JSON.parse(map) };
}
