// dist/cli/main.js embeds the chunks it needs at start-up, each registered in require.cache under
// its own file name before main's code runs: start-up reads and compiles one file (which
// bin/v8-code-cache.js keeps a code cache for on Node 20), and lazily loaded chunks that require those chunks get
// the very same module instances (error classes are checked with instanceof). The chunk files
// stay in dist/chunks for the sandbox; those it never loads are stubs (EMBEDDED_STUB).
import { basename, dirname, relative, resolve } from 'node:path';
import { flatten, relocate } from './source-map.mjs';

/** The chunks a file imports statically, in the order they run: each after its own imports. */
export function staticChunks(path, metafile, root) {
  const order = [];
  const visit = (from) => {
    for (const { path: imported, kind, external } of metafile.outputs[relative(root, from)].imports) {
      const chunk = resolve(root, imported);
      if (kind !== 'import-statement' || external || order.includes(chunk)) continue;
      visit(chunk);
      order.push(chunk);
    }
  };
  visit(path);
  return order;
}

/**
 * The chunks of the modules named in `entryPoints` (sources an entry loads with import()), each
 * after the chunks it imports statically. Embedded as well, they come with the entry's one file
 * instead of a file each (its own read, code cache and resolution) when the import() runs.
 */
export function lazyChunks(metafile, root, entryPoints) {
  const order = [];
  for (const entryPoint of entryPoints) {
    const found = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === entryPoint);
    if (!found) throw new Error(`no chunk has the entry point ${entryPoint}`);
    const chunk = resolve(root, found[0]);
    for (const needed of [...staticChunks(chunk, metafile, root), chunk]) if (!order.includes(needed)) order.push(needed);
  }
  return order;
}

/** Every chunk `path` loads, statically or with import(), at any depth. */
export function reachableChunks(path, metafile, root) {
  const found = new Set();
  const visit = (from) => {
    for (const { path: imported, external } of metafile.outputs[relative(root, from)].imports) {
      const chunk = resolve(root, imported);
      if (external || found.has(chunk)) continue;
      found.add(chunk);
      visit(chunk);
    }
  };
  visit(path);
  return found;
}

/**
 * The file of a chunk embedded in dist/cli/main.js and loaded by nothing else: require() resolves
 * it, then finds the module main.js registered under its name, and never runs this.
 */
export const EMBEDDED_STUB = '"use strict";\nthrow new Error("espace: this chunk is embedded in dist/cli/main.js");\n';

/**
 * The code and source map of `entry` with its start-up `chunks` embedded. `converted` maps each
 * output path to its CommonJS `{code, map}`.
 */
export function embedChunks(entry, chunks, converted) {
  if (new Set(chunks.map(dirname)).size > 1) throw new Error('start-up chunks in more than one folder');
  // require() calls between embedded chunks refer to the registered exports directly, padded to
  // the same length (which keeps the source maps' columns).
  const direct = (code, from) =>
    code.replace(/\brequire\("(\.\.?\/[^"]+)"\)/g, (call, specifier) => {
      const index = chunks.indexOf(resolve(dirname(from), specifier));
      return index === -1 ? call : `__espaceChunks[${index}]`.padEnd(call.length);
    });
  const lines = ['"use strict";'];
  const sections = [];
  if (chunks.length > 0) {
    lines.push(
      // Named as Node's resolver names them (it may resolve symbolic links), as require.cache keys.
      `var __espaceChunks=[],__espacePath=require("node:path"),__espaceDir=__espacePath.dirname(require.resolve(${JSON.stringify(relative(dirname(entry), chunks[0]))}));`,
      'function __espaceDefine(name,factory){const Module=module.constructor,filename=__espacePath.join(__espaceDir,name),mod=new Module(filename,module);mod.filename=filename;mod.paths=Module._nodeModulePaths(mod.path);require.cache[filename]=mod;factory.call(mod.exports,mod.exports,(id)=>mod.require(id),mod,filename,mod.path);mod.loaded=true;__espaceChunks.push(mod.exports)}',
    );
  }
  for (const chunk of chunks) {
    const { code, map } = converted.get(chunk);
    // In parentheses, V8 compiles the function with main.js rather than when it is first called, so
    // Node's compile cache (Node 22+), which keeps what was compiled with the file, holds it too.
    lines.push(`__espaceDefine(${JSON.stringify(basename(chunk))},(function(exports,require,module,__filename,__dirname){`);
    sections.push({ offset: { line: lines.length, column: 0 }, map: relocate(map, chunk, entry) });
    lines.push(...direct(code, chunk).replace(/\n$/, '').split('\n'));
    lines.push('}));');
  }
  const main = converted.get(entry);
  sections.push({ offset: { line: lines.length, column: 0 }, map: main.map });
  lines.push(direct(main.code, entry));
  return { code: lines.join('\n'), map: flatten(sections) };
}
