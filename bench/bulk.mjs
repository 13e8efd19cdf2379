#!/usr/bin/env node
// Bulk benchmark, as ratios measured in this one script against baselines of the same run:
//   - throughput: `espace bill show --accounts-from` over N accounts vs the sandbox's own ceiling
//     on the very requests espace makes (recorded through a proxy, then replayed for every batch
//     of the list by a load generator, autocannon, with as many connections as espace uses);
//   - the same for one account at a time (`--batch-size 1`: three requests per account);
//   - vs a shell loop that starts espace once per account (on a sample);
//   - memory: peak RSS of the bulk run at N, and at a larger population when --big-data is given.
//
// Every measure is taken --rounds times, each round measuring every side one after another, and
// each ratio is taken within its round (the same minute's noise on both sides); the table gives
// the median ratio and the range of the rounds.
//
//   npm run build
//   node bench/bulk.mjs [--accounts 10000] [--data DIR] [--loop-sample 15] [--rounds 3]
//                       [--big-data DIR --big-accounts 100000]
// DIR is seeded on first use (`--synthetic-accounts`), then reused. The big population is seeded
// beforehand with `espace sandbox seed --accounts 100000 --data DIR`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ceiling, ensureSeeded, forAccounts, ids, recordPaths } from './replay.mjs';
import { ESPACE, benchEnv, ciToken, startSandbox } from './sandbox-process.mjs';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    data: { type: 'string' },
    'loop-sample': { type: 'string', default: '15' },
    rounds: { type: 'string', default: '3' },
    'big-data': { type: 'string' },
    'big-accounts': { type: 'string', default: '100000' },
  },
});
const accounts = Number(values.accounts);
const loopSample = Number(values['loop-sample']);
const rounds = Number(values.rounds);
const cores = availableParallelism();
/** espace's defaults (src/cli/bulk/options.ts): batches of 50, four in flight; 16 one at a time. */
const BATCH = 50;
const BATCH_CONCURRENCY = 4;
const SINGLE_CONCURRENCY = 16;
const work = join(tmpdir(), `espace-bench-bulk-${process.pid}`);
mkdirSync(work, { recursive: true });
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Runs espace under /usr/bin/time: wall seconds, peak RSS (KiB), CPU seconds, and the records it wrote. */
function timedEspace(args, env) {
  return new Promise((resolve, reject) => {
    const out = join(work, `out-${Date.now()}.ndjson`);
    const child = spawn('/usr/bin/time', ['-f', '%e %M %U %S', 'sh', '-c', `exec "$0" "$@" > "${out}"`, process.execPath, ESPACE, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const [seconds, kib, user, system] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
      const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
      rmSync(out, { force: true });
      resolve({ code, seconds, kib, cpu: user + system, lines, stderr });
    });
  });
}

const espaceEnv = (url, token) => benchEnv({ ESPACE_API_URL: url, ESPACE_TOKEN: token, ESPACE_CONFIG_DIR: join(work, 'config') });

/** A bulk run over the first `count` accounts; every record checked: each account exactly once. */
async function bulkRun(sandbox, token, count, extra = []) {
  const list = join(work, `accounts-${count}.txt`);
  writeFileSync(list, `${ids(count).join('\n')}\n`);
  const url = sandbox.url;
  const sandboxCpuBefore = cpuSecondsOf(sandbox.pid);
  const run = await timedEspace(
    ['bill', 'show', '--accounts-from', list, '--journal', join(work, `j-${count}-${Date.now()}`), ...extra],
    espaceEnv(url, token),
  );
  const seen = new Set();
  let failed = 0;
  for (const line of run.lines) {
    const record = JSON.parse(line);
    if (seen.has(record.account)) throw new Error(`${record.account} written twice`);
    seen.add(record.account);
    if (!record.ok) failed++;
  }
  if (seen.size !== count) throw new Error(`${seen.size} records for ${count} accounts: ${run.stderr}`);
  return { ...run, failed, sandboxCpu: cpuSecondsOf(sandbox.pid) - sandboxCpuBefore };
}

function shellLoop(url, token, sample) {
  const env = { ...espaceEnv(url, token), ESPACE, NODE: process.execPath };
  // One untimed run first: the code caches of the single-account path are made on a first run
  // (the bulk run was warmed the same way by the recording runs).
  spawnSync(process.execPath, [ESPACE, 'bill', 'show', '--account', sample[0], '--json'], { env, stdio: 'ignore' });
  const script = `for a in ${sample.join(' ')}; do "$NODE" "$ESPACE" bill show --account "$a" --json > /dev/null || exit 1; done`;
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', ['-c', script], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('shell loop failed');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const dataDir = values.data ?? join(tmpdir(), `espace-bench-${accounts}`);
ensureSeeded(dataDir, accounts);
const sandbox = await startSandbox(dataDir);
const rows = [];
try {
  const token = await ciToken(sandbox.url);
  const list = ids(accounts);

  // The requests of one batch and of one account, then the same for every batch / account of the list.
  const firstBatch = list.slice(0, BATCH);
  const batchPaths = await recordPaths(sandbox.url, token, firstBatch, ['--batch-size', String(BATCH)]);
  if (batchPaths.length !== 2) throw new Error(`a batch made ${batchPaths.length} requests, not 2: ${batchPaths.join(' ')}`);
  const batches = [];
  for (let i = 0; i < accounts; i += BATCH) batches.push(forAccounts(batchPaths, firstBatch, list.slice(i, i + BATCH)));
  const singlePaths = await recordPaths(sandbox.url, token, [list[0]], ['--batch-size', '1']);
  if (singlePaths.length !== 3) throw new Error(`one account made ${singlePaths.length} requests, not 3: ${singlePaths.join(' ')}`);
  const singles = list.map((account) => forAccounts(singlePaths, [list[0]], [account]));

  // Warm-up: the sandbox's JIT and SQLite's page cache, for every side alike.
  await ceiling(sandbox.url, token, BATCH_CONCURRENCY, 5, batches, 2);
  await ceiling(sandbox.url, token, SINGLE_CONCURRENCY, 5, singles, 3);

  const sample = list.filter((_, i) => i % Math.floor(accounts / loopSample) === 0).slice(0, loopSample);
  const measured = [];
  for (let round = 1; round <= rounds; round++) {
    const batchCeiling = ((await ceiling(sandbox.url, token, BATCH_CONCURRENCY, 10, batches, 2)) / 2) * BATCH;
    const batched = await bulkRun(sandbox, token, accounts);
    const singleCeiling = (await ceiling(sandbox.url, token, SINGLE_CONCURRENCY, 10, singles, 3)) / 3;
    const oneByOne = await bulkRun(sandbox, token, accounts, ['--batch-size', '1']);
    const loopRate = sample.length / shellLoop(sandbox.url, token, sample);
    const m = { batchCeiling, batched, batchedRate: accounts / batched.seconds, singleCeiling, oneByOne, oneByOneRate: accounts / oneByOne.seconds, loopRate };
    measured.push(m);
    console.error(
      `round ${round}: batched ${Math.round(m.batchedRate)}/s (ceiling ${Math.round(batchCeiling)}, ${(m.batchedRate / batchCeiling).toFixed(2)}×), ` +
        `loop ${loopRate.toFixed(2)}/s (${Math.round(m.batchedRate / loopRate)}×), one at a time ${Math.round(m.oneByOneRate)}/s (ceiling ${Math.round(singleCeiling)}), ${(batched.kib / 1024).toFixed(0)} MiB`,
    );
  }

  // Each bill endpoint on its own, for the sandbox's figures.
  const endpoints = [];
  for (const [index, name] of [
    'batch: latest bills of 50 accounts (customerBill?billingAccount.id=…&billDate.gte=…&fields=…)',
    'batch: their line items (appliedCustomerBillingRate?bill.id=…&fields=…)',
  ].entries()) {
    endpoints.push([
      name,
      await ceiling(
        sandbox.url,
        token,
        BATCH_CONCURRENCY,
        5,
        batches.map((paths) => [paths[index]]),
        1,
      ),
    ]);
  }
  for (const [index, name] of [
    'one account: its bill ids (customerBill?billingAccount.id=…&fields=id,billDate)',
    'one account: the bill (customerBill/{id})',
    'one account: its line items (appliedCustomerBillingRate?bill.id=…)',
  ].entries()) {
    endpoints.push([
      name,
      await ceiling(
        sandbox.url,
        token,
        SINGLE_CONCURRENCY,
        5,
        singles.map((paths) => [paths[index]]),
        1,
      ),
    ]);
  }

  /** The median of the rounds, and their range when there are several. */
  const spread = (pick, digits = 0) => {
    const values = measured.map(pick).sort((a, b) => a - b);
    const median = values[values.length >> 1].toFixed(digits);
    return values.length > 1 ? `${median} (${values[0].toFixed(digits)}–${values.at(-1).toFixed(digits)})` : median;
  };
  const medianOf = (pick) => measured.map(pick).sort((a, b) => a - b)[measured.length >> 1];
  const failed = (run) => measured.reduce((sum, m) => sum + m[run].failed, 0);
  const meets = (ok) => (ok ? 'met' : 'MISSED');
  const toCeiling = (m) => m.batchedRate / m.batchCeiling;
  const toLoop = (m) => m.batchedRate / m.loopRate;
  rows.push(
    `| sandbox ceiling, batches of ${BATCH} (autocannon, ${BATCH_CONCURRENCY} connections, espace's 2 requests per batch) | ${spread((m) => m.batchCeiling)} accounts/s | 1.00× | |`,
  );
  rows.push(
    `| espace bill show --accounts-from (defaults: batches of ${BATCH}, ${BATCH_CONCURRENCY} in flight) | ${spread((m) => m.batchedRate)} accounts/s, ${spread((m) => m.batched.seconds, 2)} s, ${failed('batched')} failed | ${spread(toCeiling, 2)}× ceiling | ≥ 0.80× ${meets(medianOf(toCeiling) >= 0.8)} |`,
  );
  rows.push(
    `| shell loop, espace bill show --account A --json per account (${sample.length} sampled) | ${spread((m) => m.loopRate, 2)} accounts/s | bulk = ${spread(toLoop)}× loop | ≥ 1000× ${meets(medianOf(toLoop) >= 1000)} |`,
  );
  rows.push(`| peak RSS of the bulk run, ${accounts} accounts | ${spread((m) => m.batched.kib / 1024)} MiB | | |`);
  // What the two processes cost together, against what the machine's cores could give them.
  const perAccount = (seconds) => (seconds / accounts) * 1e6;
  rows.push(`| CPU per account in that run: espace (user + system) | ${spread((m) => perAccount(m.batched.cpu))} µs | | |`);
  rows.push(`| CPU per account in that run: the sandbox | ${spread((m) => perAccount(m.batched.sandboxCpu))} µs | | |`);
  rows.push(`| CPU per account the machine's ${cores} cores can give at 0.80× the ceiling | ${spread((m) => (cores * 1e6) / (0.8 * m.batchCeiling))} µs | | |`);
  rows.push(
    `| sandbox ceiling, one account at a time (autocannon, ${SINGLE_CONCURRENCY} connections, 3 requests per account) | ${spread((m) => m.singleCeiling)} accounts/s | 1.00× | |`,
  );
  rows.push(
    `| espace bill show --accounts-from --batch-size 1 (${SINGLE_CONCURRENCY} in flight) | ${spread((m) => m.oneByOneRate)} accounts/s, ${failed('oneByOne')} failed | ${spread((m) => m.oneByOneRate / m.singleCeiling, 2)}× its ceiling; ${spread((m) => m.oneByOneRate / m.loopRate)}× loop | |`,
  );
  for (const [name, rps] of endpoints) rows.push(`| sandbox alone, ${name} | ${Math.round(rps)} req/s | | |`);
} finally {
  await sandbox.stop();
}

if (values['big-data']) {
  const big = Number(values['big-accounts']);
  const bigSandbox = await startSandbox(values['big-data']);
  try {
    const token = await ciToken(bigSandbox.url);
    const run = await bulkRun(bigSandbox, token, big);
    rows.push(
      `| peak RSS of the bulk run, ${big} accounts | ${(run.kib / 1024).toFixed(0)} MiB (${run.seconds.toFixed(1)} s, ${Math.round(big / run.seconds)} accounts/s, ${run.failed} failed) | | ≤ 160 MiB ${run.kib / 1024 <= 160 ? 'met' : 'MISSED'} |`,
    );
  } finally {
    await bigSandbox.stop();
  }
}

console.log(`node ${process.version}; ${accounts} accounts; ${rounds} round(s), medians (range); ${new Date().toISOString().slice(0, 10)}`);
console.log('| measure | value | ratio | target |');
console.log('|---|---:|---:|---:|');
for (const row of rows) console.log(row);
