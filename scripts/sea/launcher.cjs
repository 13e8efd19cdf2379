// The main script of the single executable (see scripts/build-sea.mjs). It answers --version at
// once; anything else runs the bundled program, an asset of the executable, compiled with the V8
// code cache made for it at build time (by the same Node binary) when V8 accepts it.
'use strict';
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${ESPACE_VERSION}\n`);
} else {
  const { getAsset } = require('node:sea');
  const { Script } = require('node:vm');
  const source = Buffer.from(getAsset('espace.cjs')).toString('utf8');
  let cachedData;
  try {
    cachedData = Buffer.from(getAsset('espace.cache'));
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module) {${source}\n})`, { filename: 'espace.cjs', cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod);
}
