#!/usr/bin/env node
// Start-up benchmark: every espace command is a new process, so start-up is paid on every call.
// Measures `espace --version` and `espace bill show --help` against bare `node -e 0`, as ratios
// of medians over runs interleaved in this one script (the machine is shared and noisy).
//
//   node bench/startup.mjs [--runs 40]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 40;
const espace = fileURLToPath(new URL('../bin/espace.js', import.meta.url));
// NODE_EXTRA_CA_CERTS costs tens of milliseconds at start: unset for both sides alike.
const env = { ...process.env, NODE_EXTRA_CA_CERTS: '', NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;

const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'espace --version', args: [espace, '--version'], target: 1.3 },
  { name: 'espace bill show --help', args: [espace, 'bill', 'show', '--help'], target: 1.6 },
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
console.log(`node ${process.version}, ${runs} interleaved runs each, medians`);
console.log('| command | median ms | ratio to node -e 0 | target |');
console.log('|---|---:|---:|---:|');
cases.forEach(({ name, target }, index) => {
  const value = median(samples[index]);
  const ratio = value / baseline;
  const verdict = target === undefined ? '' : `≤ ${target}× ${ratio <= target ? 'met' : 'MISSED'}`;
  console.log(`| ${name} | ${value.toFixed(1)} | ${ratio.toFixed(2)}× | ${verdict} |`);
});
