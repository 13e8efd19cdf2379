// Loading the CLI bundle (dist/cli/main.js) with a V8 code cache: every espace command is a new
// process, and compiling main.js again each time is most of what start-up costs beyond Node's own.
'use strict';

/**
 * Loads dist/cli/main.js, which every command runs, from a V8 code cache when there is a usable
 * one: made by the same Node for the very same file contents, and intact. Without a usable cache
 * directory, or with a stale or damaged entry, the file is compiled as usual. The cache is made
 * after a run, so it also holds the functions compiled on the way.
 *
 * The chunks a command loads later (its own code, undici, zod…) are cached the same way: by
 * Node's own compile cache on 22.1+, and by this loader on older Node, where compiling them was a
 * sixth of a network command's time.
 */
function loadCli() {
  const filename = require.resolve('../dist/cli/main.js');
  const nodeCachesChunks = Number(process.versions.node.split('.')[0]) >= 22;
  if (nodeCachesChunks) require('node:module').enableCompileCache?.();
  let cache;
  try {
    cache = openCodeCache(filename);
  } catch {
    cache = undefined;
  }
  if (!cache) return { exports: require(filename) };
  const saves = [cache.save];
  const saveAll = () => saves.splice(0).forEach((save) => save());
  // V8 uses a code cache only under the flags it was made with, and src/api/http.ts changes a
  // flag on Node 20 before loading undici: it announces it, and what was compiled until then is
  // cached first. What is compiled after is cached when the command ends.
  process.once('espace:before-v8-flags', saveAll);
  if (!nodeCachesChunks) cacheChunks(require('node:path').join(filename, '../../chunks/'), saves);
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
  return { exports: mod.exports, saveCodeCache: saveAll };
}

/**
 * Compiles the files of `chunksDir` that require() loads from then on through the code cache, and
 * adds the function saving each one's entry to `saves`. Any other file, and any chunk without a
 * usable cache, goes through Node's own compilation.
 */
function cacheChunks(chunksDir, saves) {
  const Module = module.constructor;
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileFromCache(content, filename) {
    let cache;
    try {
      cache = filename.startsWith(chunksDir) ? openCodeCache(filename, content) : undefined;
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
 * its code cache, or undefined to let Node compile it.
 */
function openCodeCache(filename, content) {
  const { env } = process;
  // Node's own switch for its compile cache; source maps, coverage and import() need Node's loader.
  if (env.NODE_DISABLE_COMPILE_CACHE || env.NODE_V8_COVERAGE || process.sourceMapsEnabled) return undefined;
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  const { crc32 } = require('node:zlib');
  const source = content === undefined ? fs.readFileSync(filename) : Buffer.from(content);
  const text = content ?? source.toString('utf8');
  if (typeof crc32 !== 'function' || text.includes('import(')) return undefined;

  const uid = process.getuid?.() ?? -1;
  const dir = env.NODE_COMPILE_CACHE || path.join(require('node:os').tmpdir(), uid === -1 ? 'espace-compile-cache' : `espace-compile-cache-${uid}`);
  const wrapper = '(function (exports, require, module, __filename, __dirname) {\n';
  // Entry: this identity, crc32 of what follows the header, the source's length, the source, V8's data.
  const identity = Buffer.from(`espace code cache 1\0${process.version}\0${process.arch}\0${filename}\0${wrapper}`);
  const file = path.join(dir, `${path.basename(filename, '.js')}-${crc32(identity).toString(16)}.cache`);
  const header = identity.length + 8;
  // Only a directory of this user's that nobody else can write to.
  const trusted = () => {
    const stat = fs.lstatSync(dir);
    return stat.isDirectory() && (uid === -1 || (stat.uid === uid && (stat.mode & 0o022) === 0));
  };

  let cachedData;
  try {
    const entry = trusted() && fs.readFileSync(file);
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
      // Not recursive: that loops forever where mkdir fails with ENOENT, as in /proc.
      try {
        fs.mkdirSync(dir, { mode: 0o700 });
      } catch (error) {
        if (error.code !== 'EEXIST') throw error;
      }
      if (!trusted()) return;
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

module.exports = { loadCli };
