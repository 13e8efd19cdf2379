#!/usr/bin/env node
// Single calls, as a user in a shell makes them: one lookup (`bill show`, `bill list`,
// `account show`, each --json against a running sandbox), a help page, a usage error, and a TAB
// completing bill ids in bash (from the key to the candidates: in a bash that has sourced
// completions/espace.bash, as a user's shell did when it started, the completion function runs,
// and with it `espace __complete bill`; bash's own clock and `times` measure that call). Each is compared
// with bare `node -e 0` and with a bare node script that makes one HTTP GET of the same bill, as
// ratios of medians over runs interleaved in this one script (the machine is shared and noisy).
// CPU time (user + system, from /usr/bin/time) is given too: it moves less with the load. Its
// median is in 10 ms steps (the kernel's accounting as time reports it); the mean of the runs
// resolves finer, and is given beside it.
//
//   node bench/lookup.mjs [--runs 20] [--node /path/to/node]... [--espace /other/bin/espace.js]... [--keychain]
//
// --keychain adds `bill show` and TAB with the login in the OS keychain instead of ESPACE_TOKEN
// (run it through scripts/with-keyring.sh: marie logs in once, with each build and Node).
//
// Each --node adds a Node binary, each --espace another build (an earlier one, to compare
// before and after); every case of every Node and build is interleaved with the others, run by
// run, and each Node's ratios are taken against its own baselines. Defaults: this Node, this
// checkout's build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEnv, ciToken, ESPACE, startSandbox } from './sandbox-process.mjs';

const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 20;
const nodes = argv.flatMap((arg, index) => (arg === '--node' ? [argv[index + 1]] : []));
if (nodes.length === 0) nodes.push(process.execPath);
const keychain = argv.includes('--keychain');
const builds = argv.flatMap((arg, index) => (arg === '--espace' ? [argv[index + 1]] : []));
if (builds.length === 0) builds.push(ESPACE);
const completionScript = fileURLToPath(new URL('../completions/espace.bash', import.meta.url));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const dataDir = mkdtempSync(join(tmpdir(), 'espace-bench-lookup-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
const sandbox = await startSandbox(dataDir);
const env = benchEnv({
  ESPACE_API_URL: sandbox.url,
  ESPACE_TOKEN: await ciToken(sandbox.url),
  ESPACE_CONFIG_DIR: join(dataDir, 'config'),
  // Every side gets its own compile cache directory, made by the warm-up runs.
  NODE_COMPILE_CACHE: join(dataDir, 'compile-cache'),
});
const latest = (
  await (
    await fetch(`${sandbox.url}/tmf-api/customerBillManagement/v4/customerBill?billingAccount.id=BA-1001&fields=id,billDate`, {
      headers: { authorization: `Bearer ${env.ESPACE_TOKEN}` },
    })
  ).json()
).sort((a, b) => b.billDate.localeCompare(a.billDate))[0].id;

// The floor for "a process that asks once": one GET of the latest bill with node's own http.
const bareGet = `require('node:http').get(process.env.ESPACE_API_URL + '/tmf-api/customerBillManagement/v4/customerBill/' +
  process.argv[1], { headers: { authorization: 'Bearer ' + process.env.ESPACE_TOKEN } }, (r) => { r.resume(); r.on('end', () => process.exit(r.statusCode === 200 ? 0 : 1)); })`;

// TAB in bash: what bash does when the key is pressed after `espace bill show ` (the completion
// function runs, and with it `espace __complete bill`). The shell starting and sourcing the
// completion script happen once per shell, not per key, so they are left out: the script times
// the function alone, with bash's clock (EPOCHREALTIME) and the CPU `times` gives for the shell
// and its children (the espace process), and prints the candidates to check them. `espace` is
// found on PATH as npm installs it: a link to bin/espace.js, whose `#!/usr/bin/env node` finds
// the Node of the case first on PATH.
const tabScript = join(dataDir, 'tab.sh');
writeFileSync(
  tabScript,
  [
    'PATH=$1:$PATH',
    `source ${completionScript}`,
    'COMP_WORDS=(espace bill show "")',
    'COMP_CWORD=3',
    'times >&2',
    'start=$EPOCHREALTIME',
    '_espace',
    'end=$EPOCHREALTIME',
    'times >&2',
    'printf "tab %s %s\\n" "$start" "$end" >&2',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n'),
);

/** The cases of one Node binary; `expect` is the exit status the case must end with. */
function casesOf(node) {
  return [
    { name: 'node -e 0', args: [node, '-e', '0'], floor: true },
    { name: 'bare node script, one HTTP GET', args: [node, '-e', bareGet, latest], get: true },
    ...builds.flatMap((build) => espaceCases(node, build).map((kase) => ({ ...kase, name: builds.length > 1 ? `${kase.name} [${build}]` : kase.name }))),
  ];
}

/** The environment of a login kept in the OS keychain: marie's, stored by `auth login` (once per build and Node). */
const keychainEnvs = new Map();
function keychainEnv(node, build) {
  const key = `${node}\0${build}`;
  if (!keychainEnvs.has(key)) {
    const loginEnv = { ...env, ESPACE_CONFIG_DIR: join(dataDir, `keychain-config-${keychainEnvs.size}`) };
    delete loginEnv.ESPACE_TOKEN;
    // The sandbox's demo password (the seed's, as `espace demo` prints it).
    const login = spawnSync(node, [build, 'auth', 'login', '--username', 'marie.tremblay', '--password-stdin'], {
      env: loginEnv,
      input: 'Espace-Demo-2026!\n',
    });
    if (login.status !== 0 || !String(login.stderr).includes('OS keychain')) throw new Error(`keychain login: exit ${login.status}: ${login.stderr}`);
    keychainEnvs.set(key, loginEnv);
  }
  return keychainEnvs.get(key);
}

/** A directory to put first on PATH for a TAB: `node` (the case's Node) and `espace` (a link to the build), as npm installs it. */
const tabDirs = new Map();
function tabDir(node, build) {
  const key = `${node}\0${build}`;
  if (!tabDirs.has(key)) {
    const dir = join(dataDir, `tab-${tabDirs.size}`);
    mkdirSync(dir);
    symlinkSync(node, join(dir, 'node'));
    symlinkSync(build, join(dir, 'espace'));
    tabDirs.set(key, dir);
  }
  return tabDirs.get(key);
}

function espaceCases(node, ESPACE) {
  const withKeychain = keychain
    ? [
        {
          name: '`espace bill show --account BA-1001 --json`, login in the keychain',
          args: [node, ESPACE, 'bill', 'show', '--account', 'BA-1001', '--json'],
          env: keychainEnv(node, ESPACE),
          target: { of: 'get', at: 1.8 },
        },
        {
          name: 'TAB after `espace bill show `, login in the keychain',
          args: ['bash', tabScript, tabDir(node, ESPACE)],
          tab: true,
          env: keychainEnv(node, ESPACE),
          target: { of: 'get', at: 1.5 },
        },
      ]
    : [];
  return [
    { name: '`espace bill show --help`', args: [node, ESPACE, 'bill', 'show', '--help'], target: { of: 'floor', at: 1.3 } },
    { name: 'usage error (`espace bill show --bogus`)', args: [node, ESPACE, 'bill', 'show', '--bogus'], expect: 2, target: { of: 'floor', at: 1.3 } },
    {
      name: '`espace bill show --account BA-1001 --json`',
      args: [node, ESPACE, 'bill', 'show', '--account', 'BA-1001', '--json'],
      target: { of: 'get', at: 1.8 },
    },
    {
      name: '`espace bill list --account BA-1001 --json`',
      args: [node, ESPACE, 'bill', 'list', '--account', 'BA-1001', '--json'],
      target: { of: 'get', at: 1.8 },
    },
    {
      name: '`espace account show --account BA-1001 --json`',
      args: [node, ESPACE, 'account', 'show', '--account', 'BA-1001', '--json'],
      target: { of: 'get', at: 1.8 },
    },
    { name: 'TAB after `espace bill show ` in bash (bill ids)', args: ['bash', tabScript, tabDir(node, ESPACE)], tab: true, target: { of: 'get', at: 1.5 } },
    ...withKeychain,
  ];
}

/** Runs one case; resolves its wall time and CPU time in ms. */
function time(kase) {
  const cpuFile = join(dataDir, 'cpu');
  const command = timeBin ? [timeBin, '-f', '%U %S', '-o', cpuFile, ...kase.args] : kase.args;
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { env: kase.env ?? env, stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== (kase.expect ?? 0)) throw new Error(`${kase.name}: exit ${result.status}: ${result.stderr}`);
  if (kase.tab && !String(result.stdout).split('\n').includes(latest)) throw new Error(`${kase.name}: ${latest} not offered: ${result.stdout}`);
  if (kase.tab) return tabTime(String(result.stderr));
  const cpu = timeBin
    ? readFileSync(cpuFile, 'utf8')
        .trim()
        .split(/\s+/)
        .slice(-2)
        .reduce((sum, value) => sum + Number(value) * 1000, 0)
    : NaN;
  return { wall, cpu };
}

/**
 * The completion function's wall and CPU time, from what tab.sh printed: `times` before and after
 * (the shell's user and system time, then its children's, as `0m0.012s`) and bash's clock.
 */
function tabTime(stderr) {
  const seconds = (text) => [...text.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, [, min, sec]) => sum + Number(min) * 60 + Number(sec), 0);
  const lines = stderr.trim().split('\n');
  const clock = lines.pop().split(' ');
  if (clock[0] !== 'tab' || lines.length < 4) throw new Error(`tab.sh printed no timing: ${stderr}`);
  const [before, after] = [lines.slice(-4, -2).join(' '), lines.slice(-2).join(' ')];
  return { wall: (Number(clock[2]) - Number(clock[1])) * 1000, cpu: (seconds(after) - seconds(before)) * 1000 };
}

const all = nodes.map((node) => ({ node, version: spawnSync(node, ['--version']).stdout.toString().trim(), cases: casesOf(node) }));
// Warm-up: the OS file cache, espace's code caches and Node's compile cache.
for (const { cases } of all) for (const kase of cases) for (let i = 0; i < 3; i++) time(kase);

for (const { cases } of all) for (const kase of cases) kase.samples = [];
for (let run = 0; run < runs; run++) {
  for (const { cases } of all) for (const kase of cases) kase.samples.push(time(kase));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
console.log(
  `${runs} interleaved runs of each case, medians; ${new Date().toISOString()}; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
for (const { version, cases } of all) {
  const wallOf = (kase) => median(kase.samples.map((sample) => sample.wall));
  const cpuOf = (kase) => median(kase.samples.map((sample) => sample.cpu));
  const floor = cases.find((kase) => kase.floor);
  const get = cases.find((kase) => kase.get);
  console.log(`\nNode ${version}`);
  const cpuMeanOf = (kase) => kase.samples.reduce((sum, sample) => sum + sample.cpu, 0) / kase.samples.length;
  console.log('| case | wall ms | × `node -e 0` | × one GET | target | CPU ms | CPU × one GET | CPU ms, mean | mean × one GET |');
  console.log('|---|---:|---:|---:|---|---:|---:|---:|---:|');
  for (const kase of cases) {
    const wall = wallOf(kase);
    const ratio = { floor: wall / wallOf(floor), get: wall / wallOf(get) };
    const verdict = kase.target
      ? `≤ ${kase.target.at}× ${kase.target.of === 'floor' ? 'node' : 'GET'}: ${ratio[kase.target.of] <= kase.target.at ? 'met' : 'missed'}`
      : '';
    console.log(
      `| ${kase.name} | ${wall.toFixed(1)} | ${ratio.floor.toFixed(2)}× | ${ratio.get.toFixed(2)}× | ${verdict} | ${cpuOf(kase).toFixed(0)} | ${(cpuOf(kase) / cpuOf(get)).toFixed(2)}× | ${cpuMeanOf(kase).toFixed(1)} | ${(cpuMeanOf(kase) / cpuMeanOf(get)).toFixed(2)}× |`,
    );
  }
}
await sandbox.stop();
