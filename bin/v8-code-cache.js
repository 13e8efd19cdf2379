// The launcher's V8 code caches, for Node 20, which has no compile cache of its own (Node 22+
// uses module.enableCompileCache: see bin/load-cli.js). Every espace command is a new process,
// and compiling the bundle again each time is most of what start-up costs beyond Node's own.
'use strict';
const { ensureTrusted, isTrusted } = require('./cache-dir.js');

/**
 * Loads `filename` (dist/cli/main.js) from a V8 code cache in `dir` when there is a usable one:
 * made by the same Node for the very same file contents, and intact. Without a usable cache
 * directory, or with a stale or damaged entry, the file is compiled as usual. The cache is made
 * by `save`, after a run, so it also holds the functions compiled on the way; the chunks the
 * command loads later (its own code, undici, zod…) are cached the same way.
 */
function loadWithCodeCache(filename, dir) {
  let cache;
  try {
    cache = dir === undefined ? undefined : openCodeCache(filename, dir);
  } catch {
    cache = undefined;
  }
  if (!cache) return { exports: require(filename), save: () => {} };
  const saves = [cache.save];
  const saveAll = () => saves.splice(0).forEach((save) => save());
  // V8 uses a code cache only under the flags it was made with, and src/api/http.ts changes a
  // flag on Node 20 before loading undici: it announces it, and what was compiled until then is
  // cached first. What is compiled after is cached when the command ends.
  process.once('espace:before-v8-flags', saveAll);
  cacheChunks(require('node:path').join(filename, '../../chunks/'), dir, saves);
  // What require() does, with a script compiled from the cache.
  const Module = module.constructor;
  const mod = new Module(filename, module);
  mod.filename = filename;
  mod.paths = Module._nodeModulePaths(mod.path);
  require.cache[filename] = mod;
  try {
    cache.script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(filename), mod, filename, mod.path);
  } catch (error) {
    delete require.cache[filename];
    throw error;
  }
  mod.loaded = true;
  return { exports: mod.exports, save: saveAll };
}

/**
 * Compiles the files of `chunksDir` that require() loads from then on through the code cache, and
 * adds the function saving each one's entry to `saves`. Any other file, and any chunk without a
 * usable cache, goes through Node's own compilation.
 */
function cacheChunks(chunksDir, dir, saves) {
  const Module = module.constructor;
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileFromCache(content, filename) {
    let cache;
    try {
      cache = filename.startsWith(chunksDir) ? openCodeCache(filename, dir, content) : undefined;
    } catch {
      cache = undefined;
    }
    if (!cache) return compile.call(this, content, filename);
    saves.push(cache.save);
    const run = cache.script.runInThisContext();
    return run.call(this.exports, this.exports, Module.createRequire(filename), this, filename, this.path);
  };
}

/**
 * The compiled script of `filename` (whose text is `content`, or read here) and a function saving
 * its code cache in `dir`, or undefined to let Node compile it.
 */
function openCodeCache(filename, dir, content) {
  // Source maps, coverage and import() need Node's loader.
  if (process.env.NODE_V8_COVERAGE || process.sourceMapsEnabled) return undefined;
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  const { crc32 } = require('node:zlib');
  const source = content === undefined ? fs.readFileSync(filename) : Buffer.from(content);
  const text = content ?? source.toString('utf8');
  if (typeof crc32 !== 'function' || text.includes('import(')) return undefined;

  const wrapper = '(function (exports, require, module, __filename, __dirname) {\n';
  // Entry: this identity, crc32 of what follows the header, the source's length, the source, V8's data.
  const identity = Buffer.from(`espace code cache 1\0${process.version}\0${process.arch}\0${filename}\0${wrapper}`);
  const file = path.join(dir, `${path.basename(filename, '.js')}-${crc32(identity).toString(16)}.cache`);
  const header = identity.length + 8;

  let cachedData;
  try {
    // Only a directory of this user's that nobody else can write to.
    const entry = isTrusted(dir) && fs.readFileSync(file);
    if (
      entry &&
      entry.length > header + source.length &&
      entry.subarray(0, identity.length).equals(identity) &&
      entry.readUInt32LE(identity.length + 4) === source.length &&
      entry.readUInt32LE(identity.length) === crc32(entry.subarray(header)) &&
      entry.subarray(header, header + source.length).equals(source)
    ) {
      cachedData = entry.subarray(header + source.length);
    }
  } catch {
    cachedData = undefined;
  }

  // lineOffset keeps line numbers in stack traces those of the file.
  const script = new vm.Script(`${wrapper}${text}\n})`, { filename, lineOffset: -1, cachedData });
  const save = () => {
    if (cachedData && !script.cachedDataRejected) return;
    let temp;
    try {
      // Made after the command ran, so that it holds the functions compiled on the way.
      const data = script.createCachedData();
      const lengths = Buffer.alloc(8);
      lengths.writeUInt32LE(crc32(data, crc32(source)), 0);
      lengths.writeUInt32LE(source.length, 4);
      if (!ensureTrusted(dir)) return;
      // Written aside, then renamed: readers never see a partial entry.
      temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, Buffer.concat([identity, lengths, source, data]), { mode: 0o600, flag: 'wx' });
      fs.renameSync(temp, file);
      temp = undefined;
    } catch {
      // Only an optimisation: never an error.
    } finally {
      if (temp) fs.rmSync(temp, { force: true });
    }
  };
  return { script, save };
}

module.exports = { loadWithCodeCache };
