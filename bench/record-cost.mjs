#!/usr/bin/env node
// Bundles bench/record-cost.ts (it measures espace's own functions, from the sources) and runs it.
//   node bench/record-cost.mjs
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the project, so that the native and server packages left out of the bundle resolve.
const outdir = `${root}node_modules/.cache/espace-bench`;
mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: ['bench/record-cost.ts'],
  outfile: `${outdir}/record-cost.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', '@napi-rs/keyring', 'fastify'],
  banner: { js: "import { createRequire as espaceBenchRequire } from 'node:module'; const require = espaceBenchRequire(import.meta.url);" },
  logLevel: 'warning',
});
await import(pathToFileURL(`${outdir}/record-cost.mjs`).href);
