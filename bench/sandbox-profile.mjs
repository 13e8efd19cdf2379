#!/usr/bin/env node
// Where the sandbox's time goes while it serves bulk `bill show` at its ceiling: it runs under
// V8's CPU profiler while autocannon replays espace's own batch requests (as bench/bulk.mjs
// measures the ceiling), then the profile's self time is mapped back to the sources through the
// bundle's source map and printed by function and by area, as shares of the CPU it used.
//
//   npm run build
//   node bench/sandbox-profile.mjs [--data DIR] [--accounts 10000] [--seconds 15] [--top 15]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ceiling, ensureSeeded, forAccounts, ids, recordPaths } from './replay.mjs';
import { SANDBOX_MAIN, ciToken, startSandbox } from './sandbox-process.mjs';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    accounts: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '15' },
    top: { type: 'string', default: '15' },
  },
});
const accounts = Number(values.accounts);
/** espace's defaults (src/cli/bulk/options.ts): batches of 50, four in flight. */
const BATCH = 50;
const BATCH_CONCURRENCY = 4;
const root = fileURLToPath(new URL('..', import.meta.url));

const dataDir = values.data ?? join(tmpdir(), `espace-bench-${accounts}`);
ensureSeeded(dataDir, accounts);
const profileDir = mkdtempSync(join(tmpdir(), 'espace-sandbox-profile-'));
const sandbox = await startSandbox(dataDir, [], ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval', '250']);
let rate;
try {
  const token = await ciToken(sandbox.url);
  const list = ids(accounts);
  const first = list.slice(0, BATCH);
  const paths = await recordPaths(sandbox.url, token, first, ['--batch-size', String(BATCH)]);
  const batches = [];
  for (let i = 0; i < accounts; i += BATCH) batches.push(forAccounts(paths, first, list.slice(i, i + BATCH)));
  await ceiling(sandbox.url, token, BATCH_CONCURRENCY, 3, batches, paths.length);
  rate = ((await ceiling(sandbox.url, token, BATCH_CONCURRENCY, Number(values.seconds), batches, paths.length)) / paths.length) * BATCH;
} finally {
  // The profile is written as the sandbox exits.
  await sandbox.stop();
}

const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error('the sandbox wrote no profile');
const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8'));
rmSync(profileDir, { recursive: true, force: true });

const bundleMap = new SourceMap(JSON.parse(readFileSync(`${SANDBOX_MAIN}.map`, 'utf8')));
const bundleUrl = `file://${SANDBOX_MAIN}`;

/** Where a frame's code comes from: a source file of espace (through the map), a package, Node, or V8. */
function origin(frame) {
  if (frame.url === bundleUrl) {
    const entry = bundleMap.findEntry(frame.lineNumber, frame.columnNumber);
    const source = entry.originalSource ? relative(root, join(root, 'dist/sandbox', entry.originalSource)) : 'dist/sandbox/main.js';
    // The source's own name where the map has one: the bundle's are minified.
    return { area: areaOf(source), where: `${entry.name || frame.functionName || '(anonymous)'} (${source}:${(entry.originalLine ?? 0) + 1})` };
  }
  // V8's own entries ("(garbage collector)"), and native code called from no JavaScript frame of
  // its own (writev: the socket writes).
  if (frame.url === '') {
    const name = frame.functionName || '(native code)';
    return { area: V8_ENTRIES.has(name) ? name : 'native code (socket writes, …)', where: name };
  }
  const url = frame.url.replace(/^file:\/\//, '');
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  const area = pkg ? pkg[1] : url.startsWith('node:') ? 'Node.js' : relative(root, url);
  return { area, where: `${frame.functionName || '(anonymous)'} (${pkg ? pkg[1] : url.split('/').slice(-2).join('/')})` };
}

const V8_ENTRIES = new Set(['(garbage collector)', '(program)', '(root)']);

/** Groups espace's own files into the sandbox's parts. */
function areaOf(source) {
  const part = source.match(/^src\/sandbox\/([^/]+)\//)?.[1];
  return part ? `src/sandbox/${part}/` : source;
}

const selfTime = new Map();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
const byWhere = new Map();
const byArea = new Map();
let busy = 0;
for (const node of profile.nodes) {
  const time = selfTime.get(node.id) ?? 0;
  if (time === 0 || node.callFrame.functionName === '(idle)') continue;
  busy += time;
  const { area, where } = origin(node.callFrame);
  byWhere.set(where, (byWhere.get(where) ?? 0) + time);
  byArea.set(area, (byArea.get(area) ?? 0) + time);
}

const share = (time) => `${((100 * time) / busy).toFixed(1)} %`;
const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
console.log(
  `node ${process.version}; ${accounts} accounts; ceiling under the profiler: ${Math.round(rate)} accounts/s; ${(busy / 1e6).toFixed(1)} s of CPU profiled (start-up included)`,
);
console.log('\n| function (self time; native calls count for the function making them) | share of CPU |\n|---|---:|');
for (const [where, time] of top(byWhere, Number(values.top))) console.log(`| ${where} | ${share(time)} |`);
console.log('\n| area | share of CPU |\n|---|---:|');
for (const [area, time] of top(byArea, 12)) console.log(`| ${area} | ${share(time)} |`);
