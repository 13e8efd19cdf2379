#!/usr/bin/env node
// Start-up benchmark: every espace command is a new process, so start-up is paid on every call.
// Measures `espace --version`, `espace bill show --help` and `espace bill show --json` (one lookup
// against a sandbox started here) against bare `node -e 0` and against one HTTP GET from a bare
// node script, as ratios of medians over runs interleaved in this one script (the machine is
// shared and noisy).
//
//   node bench/startup.mjs [--runs 40]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ciToken, startSandbox } from './sandbox-process.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 40;
const espace = fileURLToPath(new URL('../bin/espace.js', import.meta.url));
// NODE_EXTRA_CA_CERTS costs tens of milliseconds at start: unset for both sides alike.
const env = { ...process.env, NODE_EXTRA_CA_CERTS: '', NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;

// A sandbox for the lookups: its own data directory, seeded on start, removed at the end.
const dataDir = mkdtempSync(join(tmpdir(), 'espace-bench-startup-'));
const sandbox = await startSandbox(dataDir);
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
env.ESPACE_API_URL = sandbox.url;
env.ESPACE_TOKEN = await ciToken(sandbox.url);
env.ESPACE_CONFIG_DIR = join(dataDir, 'config');
// One GET of the same bill with node's own http module: the floor for "a process that asks once".
const bareGet = `require('node:http').get(process.env.ESPACE_API_URL + '/tmf-api/customerBillManagement/v4/customerBill/CB-1001-' +
  process.argv[1], { headers: { authorization: 'Bearer ' + process.env.ESPACE_TOKEN } }, (r) => { r.resume(); r.on('end', () => process.exit(r.statusCode === 200 ? 0 : 1)); })`;
const month = (await (await fetch(`${sandbox.url}/tmf-api/customerBillManagement/v4/customerBill?billingAccount.id=BA-1001&fields=id&sort=-billDate&limit=1`, {
  headers: { authorization: `Bearer ${env.ESPACE_TOKEN}` },
})).json())[0].id.split('-').at(-1);

const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'espace --version', args: [espace, '--version'], target: 1.3 },
  { name: 'espace bill show --help', args: [espace, 'bill', 'show', '--help'], target: 1.6 },
  { name: 'bare node script, one HTTP GET', args: ['-e', bareGet, month], baselineOf: 'lookup' },
  { name: 'espace bill show --json (3 requests)', args: [espace, 'bill', 'show', '--account', 'BA-1001', '--json'], against: 'lookup' },
];

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Warm-up: the OS file cache and Node's compile cache (Node 22+).
for (const { args } of cases) for (let i = 0; i < 3; i++) time(args);

const samples = cases.map(() => []);
for (let run = 0; run < runs; run++) {
  cases.forEach(({ args }, index) => samples[index].push(time(args)));
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const baseline = median(samples[0]);
const lookupBaseline = median(samples[cases.findIndex((c) => c.baselineOf === 'lookup')]);
console.log(`node ${process.version}, ${runs} interleaved runs each, medians`);
console.log('| command | median ms | ratio to node -e 0 | ratio to one bare GET | target |');
console.log('|---|---:|---:|---:|---:|');
cases.forEach(({ name, target, against }, index) => {
  const value = median(samples[index]);
  const ratio = value / baseline;
  const verdict = target === undefined ? '' : `≤ ${target}× ${ratio <= target ? 'met' : 'MISSED'}`;
  const versusGet = against === 'lookup' ? `${(value / lookupBaseline).toFixed(2)}×` : '';
  console.log(`| ${name} | ${value.toFixed(1)} | ${ratio.toFixed(2)}× | ${versusGet} | ${verdict} |`);
});
await sandbox.stop();
