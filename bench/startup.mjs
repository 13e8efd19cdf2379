#!/usr/bin/env node
// Start-up benchmark: every espace command is a new process, so start-up is paid on every call.
// Measures `espace --version`, `espace bill show --help`, a usage error (`espace bill show --bogus`,
// exit code 2) and `espace bill show --json` (one lookup
// against a sandbox started here) against bare `node -e 0` and against one HTTP GET from a bare
// node script, as ratios of medians over runs interleaved in this one script (the machine is
// shared and noisy).
//
//   node bench/startup.mjs [--runs 40] [--compare OTHER/bin/espace.js] [--sea dist-sea/espace] [--no-lookup] [--latency MS]
//
// --compare also times another launcher (e.g. a copy of bin/ from another commit, beside a link to
// the same dist/) in the same interleaved runs; --sea times the single executable too (run this
// script with the Node it embeds, for the same floor); --no-lookup skips the sandbox and the lookups;
// --latency holds every request MS ms (a network's round trip), so that round trips show.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ciToken, customerToken, startLatencyProxy, startSandbox } from './sandbox-process.mjs';

const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs')) || 40;
const other = option('--compare');
const sea = option('--sea') && (await import('node:path')).resolve(option('--sea'));
const lookups = !process.argv.includes('--no-lookup');
const espace = fileURLToPath(new URL('../bin/espace.js', import.meta.url));
// NODE_EXTRA_CA_CERTS costs tens of milliseconds at start: unset for both sides alike.
const env = { ...process.env, NODE_EXTRA_CA_CERTS: '', NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;

// A sandbox for the lookups: its own data directory, seeded on start, removed at the end.
const dataDir = mkdtempSync(join(tmpdir(), 'espace-bench-startup-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
env.ESPACE_CONFIG_DIR = join(dataDir, 'config');
const sandbox = lookups ? await startSandbox(dataDir) : undefined;
// --latency MS: every request (the bare GET's too) goes through a proxy that holds it MS ms, as a
// network's round trip would; the sandbox itself answers in well under a millisecond.
const latency = Number(option('--latency')) || 0;
const latencyProxy = sandbox && latency > 0 ? await startLatencyProxy(sandbox.url, latency) : undefined;
if (sandbox) {
  env.ESPACE_API_URL = latencyProxy?.url ?? sandbox.url;
  env.ESPACE_TOKEN = await ciToken(sandbox.url);
}
// A customer's own lookup names no account: espace finds the caller's only one.
const customerEnv = sandbox && { ...env, ESPACE_TOKEN: await customerToken(sandbox.url) };
// One GET of the same bill with node's own http module: the floor for "a process that asks once".
const bareGet = `require('node:http').get(process.env.ESPACE_API_URL + '/tmf-api/customerBillManagement/v4/customerBill/CB-1001-' +
  process.argv[1], { headers: { authorization: 'Bearer ' + process.env.ESPACE_TOKEN } }, (r) => { r.resume(); r.on('end', () => process.exit(r.statusCode === 200 ? 0 : 1)); })`;
const month =
  sandbox &&
  (
    await (
      await fetch(`${sandbox.url}/tmf-api/customerBillManagement/v4/customerBill?billingAccount.id=BA-1001&fields=id&sort=-billDate&limit=1`, {
        headers: { authorization: `Bearer ${env.ESPACE_TOKEN}` },
      })
    ).json()
  )[0].id
    .split('-')
    .at(-1);

const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'espace --version', args: [espace, '--version'], target: 1.2 },
  { name: 'espace bill show --help', args: [espace, 'bill', 'show', '--help'], target: 1.3 },
  { name: 'espace bill show --bogus (usage error)', args: [espace, 'bill', 'show', '--bogus'], status: 2, target: 1.3 },
  ...(other
    ? [
        { name: `${other} --version`, args: [other, '--version'] },
        { name: `${other} bill show --help`, args: [other, 'bill', 'show', '--help'] },
        { name: `${other} bill show --bogus`, args: [other, 'bill', 'show', '--bogus'], status: 2 },
      ]
    : []),
  ...(sea
    ? [
        { name: 'single file --version', command: sea, args: ['--version'], target: 1.5 },
        { name: 'single file bill show --help', command: sea, args: ['bill', 'show', '--help'] },
      ]
    : []),
  ...(sandbox
    ? [
        { name: 'bare node script, one HTTP GET', args: ['-e', bareGet, month], baselineOf: 'lookup' },
        { name: 'espace bill show --account BA-1001 --json (2 requests)', args: [espace, 'bill', 'show', '--account', 'BA-1001', '--json'], against: 'lookup' },
        ...(other
          ? [{ name: `${other} bill show --account BA-1001 --json`, args: [other, 'bill', 'show', '--account', 'BA-1001', '--json'], against: 'lookup' }]
          : []),
        { name: 'espace bill show --json, a customer (3 requests)', args: [espace, 'bill', 'show', '--json'], env: customerEnv, against: 'lookup' },
        ...(other ? [{ name: `${other} bill show --json, a customer`, args: [other, 'bill', 'show', '--json'], env: customerEnv, against: 'lookup' }] : []),
      ]
    : []),
];

function time(args, command = process.execPath, status = 0, caseEnv = env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env: caseEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== status) throw new Error(`${args.join(' ')} exited with ${result.status}, not ${status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// On a shared, loaded machine, wall time mostly measures the other processes; CPU time (user +
// system, from bash's `times`, to the millisecond) much less so. Each run is made once more for it.
const cpuTimes = spawnSync('bash', ['-c', 'times'], { encoding: 'utf8' }).status === 0;
function cpuTime(args, command = process.execPath, status = 0, caseEnv = env) {
  const script = `"$@" >/dev/null 2>&1 </dev/null; [ $? -eq ${status} ] || exit 1; times`;
  const result = spawnSync('bash', ['-c', script, 'bench', command, ...args], { env: caseEnv, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} did not exit with ${status}`);
  const seconds = (text) =>
    text
      .split(/[ms]/)
      .filter(Boolean)
      .reduce((total, part, i) => total + (i === 0 ? Number(part) * 60 : Number(part)), 0);
  const [user, system] = result.stdout.trim().split('\n').at(-1).split(' ');
  return (seconds(user) + seconds(system)) * 1000;
}

// Warm-up: the OS file cache and Node's compile cache (Node 22+).
for (const { args, command, status, env: caseEnv } of cases) for (let i = 0; i < 3; i++) time(args, command, status, caseEnv);

const samples = cases.map(() => []);
const cpu = cases.map(() => []);
for (let run = 0; run < runs; run++) {
  cases.forEach(({ args, command, status, env: caseEnv }, index) => {
    samples[index].push(time(args, command, status, caseEnv));
    if (cpuTimes) cpu[index].push(cpuTime(args, command, status, caseEnv));
  });
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const baseline = median(samples[0]);
const lookupIndex = cases.findIndex((c) => c.baselineOf === 'lookup');
const lookupBaseline = lookupIndex === -1 ? NaN : median(samples[lookupIndex]);
const cpuBaseline = cpuTimes ? median(cpu[0]) : NaN;
console.log(
  `node ${process.version}, ${runs} interleaved runs each, medians${latency ? `, ${latency} ms a request` : ''}; load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
);
console.log('| command | median ms | ratio to node -e 0 | ratio to one bare GET | target | CPU ms (user + sys) | CPU ratio |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
cases.forEach(({ name, target, against }, index) => {
  const value = median(samples[index]);
  const ratio = value / baseline;
  const verdict = target === undefined ? '' : `≤ ${target}× ${ratio <= target ? 'met' : 'MISSED'}`;
  const versusGet = against === 'lookup' ? `${(value / lookupBaseline).toFixed(2)}×` : '';
  const cpuValue = cpuTimes ? median(cpu[index]) : NaN;
  const cpuColumns = cpuTimes ? `${cpuValue.toFixed(1)} | ${(cpuValue / cpuBaseline).toFixed(2)}×` : ' | ';
  console.log(`| ${name} | ${value.toFixed(1)} | ${ratio.toFixed(2)}× | ${versusGet} | ${verdict} | ${cpuColumns} |`);
});
latencyProxy?.stop();
await sandbox?.stop();
