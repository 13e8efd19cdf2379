#!/usr/bin/env node
// How long the sandbox program takes to answer once started on a seeded database, as `espace demo`,
// `espace sandbox start` and the tests start it: from the spawn to the moment it has written its
// state file (it does so once it listens), and the CPU it spent until then (from /proc). The first
// request to each route is not included: the sandbox compiles a route's schemas at that request
// (src/sandbox/contract/compilers.ts); `--first-request` adds one lookup (a bill list) after ready.
// Builds and Nodes are interleaved run by run; each is compared with the first build on the same
// Node, as a ratio of medians.
//
//   node bench/sandbox-start.mjs [--runs 15] [--node /path/to/node]... [--espace /other/bin/espace.js]... [--first-request]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ciToken, ESPACE, startSandbox } from './sandbox-process.mjs';

const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 15;
const nodes = argv.flatMap((arg, index) => (arg === '--node' ? [argv[index + 1]] : []));
if (nodes.length === 0) nodes.push(process.execPath);
const builds = argv.flatMap((arg, index) => (arg === '--espace' ? [argv[index + 1]] : []));
if (builds.length === 0) builds.push(ESPACE);
const firstRequest = argv.includes('--first-request');
const CLOCK_TICKS_PER_MS = 100 / 1000; // USER_HZ, as /proc counts CPU time

const programOf = (espace) => join(dirname(espace), '..', 'dist', 'sandbox', 'main.js');

/** The sandbox's CPU so far (user + system), in ms, from /proc/PID/stat. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_MS;
}

async function startOnce(node, program, dataDir) {
  const started = performance.now();
  const sandbox = await startSandbox(dataDir, [], [], { node, program, pollMs: 2 });
  if (firstRequest) {
    const answer = await fetch(`${sandbox.url}/tmf-api/customerBillManagement/v4/customerBill?billingAccount.id=BA-1001`, {
      headers: { authorization: `Bearer ${await ciToken(sandbox.url)}` },
    });
    await answer.arrayBuffer();
  }
  const result = { ms: performance.now() - started, cpu: cpuMs(sandbox.pid) };
  await sandbox.stop();
  return result;
}

const cases = nodes.flatMap((node) => builds.map((espace) => ({ node, espace, dataDir: mkdtempSync(join(tmpdir(), 'espace-bench-start-')), results: [] })));
process.on('exit', () => cases.forEach(({ dataDir }) => rmSync(dataDir, { recursive: true, force: true })));
// The first start of each seeds its database: not measured.
for (const c of cases) await startOnce(c.node, programOf(c.espace), c.dataDir);
for (let run = 0; run < runs; run++) for (const c of cases) c.results.push(await startOnce(c.node, programOf(c.espace), c.dataDir));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
console.log(`${runs} interleaved runs${firstRequest ? ', to the answer of a first bill list' : ', to ready'}; medians`);
for (const node of nodes) {
  const version = spawnVersion(node);
  const baseline = cases.find((c) => c.node === node);
  for (const c of cases.filter((each) => each.node === node)) {
    const ms = median(c.results.map((r) => r.ms));
    const cpu = median(c.results.map((r) => r.cpu));
    const ratio = ms / median(baseline.results.map((r) => r.ms));
    console.log(`${version}  ${c.espace}  ${ms.toFixed(0)} ms (${ratio.toFixed(2)}× the first build), CPU ${cpu.toFixed(0)} ms`);
  }
}

function spawnVersion(node) {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}
