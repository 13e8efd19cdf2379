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
  external: ['better-sqlite3', 'better-sqlite3-node22', '@napi-rs/keyring', 'fastify'],
  // Bundled CommonJS dependencies (commander, cli-table3, undici) require() Node built-ins.
  // Serving them from process.getBuiltinModule (Node 20.16+) avoids a createRequire per chunk,
  // and commander's child_process (used only for external subcommands, which espace has none
  // of) is loaded on first use instead of on every start.
  banner: {
    js: [
      'const require = (id) => {',
      "  if (id === 'node:child_process' || id === 'child_process') return new Proxy({}, { get: (_, key) => process.getBuiltinModule(id)[key] });",
      '  const found = process.getBuiltinModule(id);',
      '  if (!found) throw new Error(`espace: cannot load ${id}`);',
      '  return found;',
      '};',
    ].join('\n'),
  },
  logLevel: 'warning',
});
