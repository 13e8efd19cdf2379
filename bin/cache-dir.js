// The directory of espace's compile caches: the launcher's V8 code caches on Node 20
// (bin/v8-code-cache.js) and Node's own compile cache on Node 22+ (bin/load-cli.js).
'use strict';

/** Entries not written for this long are removed: a Node or an espace that is no longer used. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** How often a run looks for such entries (a file's modification time records the last look). */
const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;
const PRUNED_MARK = 'pruned';

/**
 * The cache directory (`NODE_COMPILE_CACHE`, or `$TMPDIR/espace-compile-cache-<uid>`), or
 * undefined when caching is off (`NODE_DISABLE_COMPILE_CACHE`).
 */
function cacheDir() {
  const { env } = process;
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.NODE_COMPILE_CACHE) return env.NODE_COMPILE_CACHE;
  const uid = process.getuid?.() ?? -1;
  return require('node:path').join(tmpdir(), uid === -1 ? 'espace-compile-cache' : `espace-compile-cache-${uid}`);
}

/** os.tmpdir(), without loading node:os on every start where it is this simple (not Windows). */
function tmpdir() {
  if (process.platform === 'win32') return require('node:os').tmpdir();
  const { env } = process;
  const dir = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
}

/** Whether `dir` is a directory of this user's that nobody else can write to. */
function isTrusted(dir) {
  const stat = require('node:fs').lstatSync(dir);
  const uid = process.getuid?.() ?? -1;
  return stat.isDirectory() && (uid === -1 || (stat.uid === uid && (stat.mode & 0o022) === 0));
}

/** Creates `dir` (0700) if it is missing; true if it may hold caches (isTrusted). */
function ensureTrusted(dir) {
  const fs = require('node:fs');
  try {
    // Not recursive: that loops forever where mkdir fails with ENOENT, as in /proc.
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') return false;
  }
  try {
    return isTrusted(dir);
  } catch {
    return false;
  }
}

/**
 * Keeps `dir` bounded: at most once a day, removes its entries (files, and the per-version
 * directories of Node's own cache) not written for 30 days. An entry still in use is simply made
 * again on its next run. Only an optimisation: never an error.
 */
function pruneCache(dir, now = Date.now()) {
  const fs = require('node:fs');
  const path = require('node:path');
  try {
    if (!isTrusted(dir)) return;
    const mark = path.join(dir, PRUNED_MARK);
    try {
      if (now - fs.statSync(mark).mtimeMs < PRUNE_EVERY_MS) return;
    } catch {
      // Never pruned.
    }
    fs.writeFileSync(mark, '', { mode: 0o600 });
    fs.utimesSync(mark, now / 1000, now / 1000);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === PRUNED_MARK || !isCacheEntry(entry)) continue;
      const file = path.join(dir, entry.name);
      try {
        if (now - fs.lstatSync(file).mtimeMs > MAX_AGE_MS) fs.rmSync(file, { recursive: true, force: true });
      } catch {
        // Removed meanwhile by another run.
      }
    }
  } catch {
    // Unreadable directory: nothing to prune.
  }
}

/** The launcher's entries (`main-1a2b.cache`, their temporary files) and Node's (`v26.1.0-x64-…`). */
function isCacheEntry(entry) {
  if (entry.isFile()) return /\.cache(\.\d+\.tmp)?$/.test(entry.name);
  return entry.isDirectory() && /^v\d+\.\d+\.\d+-/.test(entry.name);
}

module.exports = { cacheDir, ensureTrusted, isTrusted, pruneCache, MAX_AGE_MS };
