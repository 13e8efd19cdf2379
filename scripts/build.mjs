// Bundles the CLI and the sandbox with esbuild. Code splitting keeps each command in its own
// chunk, so a process only parses the command it runs (start-up is paid on every invocation).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const root = new URL('..', import.meta.url).pathname;
await rm(`${root}dist`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: {
    'cli/main': 'src/cli/main.ts',
    'sandbox/main': 'src/sandbox/main.ts',
  },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  // Native addons and the server framework stay in node_modules: they load their own files.
  external: ['better-sqlite3', '@napi-rs/keyring', 'fastify'],
  // Bundled CommonJS dependencies (commander, cli-table3) require() Node built-ins. Serving those
  // from process.getBuiltinModule (Node 20.16+) costs nothing, where createRequire in every chunk
  // cost milliseconds of start-up.
  banner: {
    js: "const require = (id) => { const found = process.getBuiltinModule(id); if (!found) throw new Error(`espace: cannot load ${id}`); return found; };",
  },
  logLevel: 'warning',
});
