// Loading the CLI bundle (dist/cli/main.js): every espace command is a new process, and compiling
// the bundle again each time is most of what start-up costs beyond Node's own.
'use strict';
const { cacheDir, ensureTrusted, pruneCache } = require('./cache-dir.js');

/**
 * Loads dist/cli/main.js (or another entry of dist/cli: `complete`). On Node 22+, with Node's own compile cache (module.enableCompileCache)
 * in espace's cache directory, and plain require(). On Node 20 (any Node without that API),
 * through the launcher's V8 code caches (bin/v8-code-cache.js). `afterRun` is called when the
 * command has ended: it writes what is left to cache and keeps the directory bounded.
 */
function loadCli(entry = 'main') {
  const filename = require.resolve(`../dist/cli/${entry}.js`);
  const dir = cacheDir();
  // A directory named by NODE_COMPILE_CACHE is the user's (Node 22+ enables its cache there
  // itself, before espace starts): it is used as it is, never pruned.
  const ownDir = dir !== undefined && !process.env.NODE_COMPILE_CACHE;
  const { constants, enableCompileCache } = require('node:module');
  if (typeof enableCompileCache !== 'function') {
    const loaded = require('./v8-code-cache.js').loadWithCodeCache(filename, dir);
    return {
      exports: loaded.exports,
      afterRun: () => {
        loaded.save();
        if (ownDir) pruneCache(dir);
      },
    };
  }
  const cached = ownDir && ensureTrusted(dir) && enableCompileCache(dir).status === constants.compileCacheStatus.ENABLED;
  return { exports: require(filename), afterRun: () => cached && pruneCache(dir) };
}

module.exports = { loadCli };
