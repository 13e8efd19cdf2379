// Bundles the CLI and the sandbox with esbuild, in two passes (every espace command is a new
// process, so start-up is paid on every invocation):
// 1. ES modules with code splitting, so that each command (and each heavy dependency) lives in a
//    chunk that only the processes needing it load;
// 2. every output turned into CommonJS (build/commonjs.mjs), and dist/cli/main.js made to embed
//    the chunks it needs at start-up (build/embed.mjs).
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { compileFunction } from 'node:vm';
import { areaCatalogs } from './build/catalog.mjs';
import { toCommonJS } from './build/commonjs.mjs';
import { compressedDictionaries } from './build/dictionaries.mjs';
import { EMBEDDED_STUB, embedChunks, lazyChunks, reachableChunks, staticChunks } from './build/embed.mjs';
import { buildPrebuilt } from './build/prebuilt.mjs';
import { lazyBuiltins } from './build/lazy-builtins.mjs';
import { lazyUnicode } from './build/lazy-unicode.mjs';

const root = new URL('..', import.meta.url).pathname;
const outdir = join(root, 'dist');
await rm(outdir, { recursive: true, force: true });

const esm = await build({
  absWorkingDir: root,
  entryPoints: {
    'cli/main': 'src/cli/main.ts',
    // `__complete` (every TAB completing an id), answered without commander and the catalog.
    'cli/complete': 'src/cli/completion/main.ts',
    'sandbox/main': 'src/sandbox/main.ts',
  },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Inline, for pass 2 to map its output back to the sources.
  sourcemap: 'inline',
  minify: true,
  metafile: true,
  write: false,
  // Native addons and the server framework stay in node_modules: they load their own files.
  external: ['better-sqlite3', '@napi-rs/keyring'],
  plugins: [
    compressedDictionaries(join(root, 'node_modules/.cache/espace-build/dictionaries')),
    lazyUnicode(),
    lazyBuiltins(join(root, 'src')),
    areaCatalogs(root, outdir),
  ],
  // Bundled CommonJS dependencies (commander, cli-table3, undici) require() Node built-ins.
  // Serving them from process.getBuiltinModule (Node 20.16+) avoids a createRequire per chunk,
  // and commander's child_process (used only for external subcommands, which espace has none
  // of) is loaded on first use instead of on every start. Pass 2 renames this `require`.
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

const outputs = new Map(esm.outputFiles.map((file) => [file.path, file.text]));
const converted = new Map(await Promise.all([...outputs].map(async ([path, text]) => [path, await toCommonJS(path, text, outputs, root)])));

async function emit(path, code, map) {
  const text = `${code}//# sourceMappingURL=${basename(path)}.map\n`;
  // Fail here rather than ship a file that the CommonJS loader rejects.
  compileFunction(text, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: path });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  await writeFile(`${path}.map`, JSON.stringify(map));
}

const cliMain = join(outdir, 'cli/main.js');
// `__complete` embeds its start-up chunks the same way, and also those it imports to ask the
// server (the HTTP client, its transport, the session; not the keychain's, the token endpoint's
// or undici, which a TAB with a token in hand never loads): a TAB reads one file, not a dozen.
const cliComplete = join(outdir, 'cli/complete.js');
const COMPLETE_LAZY_ENTRIES = ['src/api/http.ts', 'src/api/node-transport.ts', 'src/auth/session.ts'];
const startupChunks = new Map([cliMain, cliComplete].map((entry) => [entry, staticChunks(entry, esm.metafile, root)]));
for (const chunk of lazyChunks(esm.metafile, root, COMPLETE_LAZY_ENTRIES)) {
  if (!startupChunks.get(cliComplete).includes(chunk)) startupChunks.get(cliComplete).push(chunk);
}
// A start-up chunk of main.js that nothing else loads from its file (the sandbox, or `__complete`
// without embedding it) is only ever used from main.js's copy: its file stays (require() must find
// the file before it looks in require.cache) as a stub.
const sandboxChunks = reachableChunks(join(outdir, 'sandbox/main.js'), esm.metafile, root);
const completeChunks = reachableChunks(cliComplete, esm.metafile, root);
const completeEmbeds = new Set(startupChunks.get(cliComplete));
const onlyEmbedded = (path) => startupChunks.get(cliMain).includes(path) && !sandboxChunks.has(path) && (!completeChunks.has(path) || completeEmbeds.has(path));
for (const [path, { code, map }] of converted) {
  if (startupChunks.has(path)) continue;
  if (onlyEmbedded(path)) await writeFile(path, EMBEDDED_STUB);
  else await emit(path, code, map);
}
await writeFile(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
for (const [entry, chunks] of startupChunks) {
  const embedded = embedChunks(entry, chunks, converted);
  await emit(entry, embedded.code, embedded.map);
}
// `espace … --help` and unknown options: answered by the launcher from what the main prints now.
await buildPrebuilt(root, outdir);
