#!/usr/bin/env node
// Where a bulk run's CPU goes, stage by stage: runs one bulk command under `node --cpu-prof`
// against a sandbox and gives each profile sample to the stage of the innermost espace (or zod,
// undici) frame on its stack, read through dist/'s source maps.
//
//   npm run build
//   node bench/bulk-stages.mjs [--accounts 2000] [--data DIR] [--command "bill show"] [--runs 3]
//
// DIR is seeded on first use, then reused. One untimed run first (code caches, the sandbox's
// warm-up); then --runs profiled runs, each stage's median given in µs of samples per account.
// Samples are wall-clock ticks of the profiled thread while it runs, so on a loaded machine they
// include time the process waited for a core: compare shares, and runs made in the same minutes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureSeeded, ids } from './replay.mjs';
import { ESPACE, benchEnv, ciToken, startSandbox } from './sandbox-process.mjs';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '2000' },
    data: { type: 'string' },
    command: { type: 'string', default: 'bill show' },
    runs: { type: 'string', default: '3' },
  },
});
const count = Number(values.accounts);
const work = join(tmpdir(), `espace-bench-stages-${process.pid}`);
mkdirSync(work, { recursive: true });
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** The stages, first match wins, tested on the innermost frame that is not Node's own or V8's. */
const STAGES = [
  [
    'HTTP: request, body read and decode',
    (source) =>
      source.includes('node_modules/undici') ||
      source.endsWith('api/http.ts') ||
      source.endsWith('api/undici-pool.ts') ||
      source.endsWith('api/node-transport.ts'),
  ],
  ['validation (zod)', (source) => source.includes('node_modules/zod') || source === '(eval)'],
  ['mapping to domain objects (api/tmf, domain)', (source) => source.includes('api/tmf/') || source.includes('domain/')],
  ['the record (commands/*/view, bulk lookups)', (source) => source.includes('cli/commands/')],
  ['serialisation and NDJSON write', (source) => source.endsWith('bulk/output.ts') || source.startsWith('output/') || source.includes('/output/')],
  ['journal write', (source) => source.endsWith('bulk/journal.ts')],
  ['bulk scheduling, input, progress', (source) => source.includes('bulk/')],
];

const maps = new Map();
/** The original source file of a profile frame, or undefined for Node's and V8's own frames. */
function sourceOf(frame) {
  if (frame.url === '' && frame.lineNumber >= 0 && frame.functionName === '') return '(eval)'; // zod's compiled checks
  if (!frame.url.includes('/dist/')) return undefined;
  const file = frame.url.replace(/^file:\/\//, '');
  if (!maps.has(file)) maps.set(file, existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : null);
  const entry = maps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber);
  return entry?.originalSource ?? file;
}

/** Microseconds of samples per stage in one profile. */
function stagesOf(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stageOfNode = new Map();
  const stageOf = (id) => {
    if (stageOfNode.has(id)) return stageOfNode.get(id);
    const node = byId.get(id);
    let stage;
    if (node.callFrame.functionName === '(garbage collector)') stage = 'garbage collection';
    else if (node.callFrame.functionName === '(idle)') stage = 'idle (waiting for the network)';
    else {
      const source = sourceOf(node.callFrame);
      const matched = source === undefined ? undefined : STAGES.find(([, test]) => test(source));
      if (matched) stage = matched[0];
      else if (parent.has(id)) stage = stageOf(parent.get(id));
      else stage = 'start-up and the rest';
    }
    stageOfNode.set(id, stage);
    return stage;
  };
  const totals = new Map();
  profile.samples.forEach((id, index) => {
    const stage = stageOf(id);
    totals.set(stage, (totals.get(stage) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  return totals;
}

function profiledRun(url, token, list, accounts) {
  const dir = join(work, `profile-${Date.now()}`);
  const env = benchEnv({ ESPACE_API_URL: url, ESPACE_TOKEN: token, ESPACE_CONFIG_DIR: join(work, 'config'), ESPACE_DATA_DIR: join(work, 'data') });
  const args = [
    `--cpu-prof`,
    `--cpu-prof-dir=${dir}`,
    ESPACE,
    ...values.command.split(' '),
    '--accounts-from',
    list,
    '--journal',
    join(work, `j-${Date.now()}`),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    child.stdout.on('data', (chunk) => (lines += chunk.toString().split('\n').length - 1));
    child.on('error', reject);
    child.on('close', () => {
      if (lines !== accounts) return reject(new Error(`${lines} records for ${accounts} accounts`));
      const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
      resolve(stagesOf(JSON.parse(readFileSync(join(dir, file), 'utf8'))));
    });
  });
}

const dataDir = values.data ?? join(tmpdir(), `espace-bench-${count}`);
ensureSeeded(dataDir, count);
const sandbox = await startSandbox(dataDir);
try {
  const token = await ciToken(sandbox.url);
  const list = join(work, 'accounts.txt');
  writeFileSync(list, `${ids(count).join('\n')}\n`);
  const warm = join(work, 'warm.txt');
  writeFileSync(warm, `${ids(Math.min(count, 500)).join('\n')}\n`);
  await profiledRun(sandbox.url, token, warm, Math.min(count, 500));
  const runs = [];
  for (let run = 0; run < Number(values.runs); run++) runs.push(await profiledRun(sandbox.url, token, list, count));
  const names = [...new Set(runs.flatMap((run) => [...run.keys()]))];
  const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
  const rows = names.map((name) => [name, median(runs.map((run) => (run.get(name) ?? 0) / count))]).sort((a, b) => b[1] - a[1]);
  const busy = rows.filter(([name]) => !name.startsWith('idle')).reduce((total, [, us]) => total + us, 0);
  console.log(`\nNode ${process.version}; ${values.command}, ${count} accounts; median of ${runs.length} profiled run(s); ${dist}\n`);
  console.log('| stage | µs of samples per account | share of the busy samples |');
  console.log('|---|---:|---:|');
  for (const [name, us] of rows) console.log(`| ${name} | ${us.toFixed(1)} | ${name.startsWith('idle') ? '' : `${((100 * us) / busy).toFixed(0)} %`} |`);
  console.log(`| all but idle | ${busy.toFixed(1)} | 100 % |`);
} finally {
  await sandbox.stop();
}
