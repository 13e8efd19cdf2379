#!/usr/bin/env node
// Bulk benchmark, as ratios measured in this one script against baselines of the same run:
//   - throughput: `espace bill show --accounts-from` over N accounts vs the sandbox's own ceiling on
//     the same three requests per account (latest bill id, the bill, its line items), measured by a
//     load generator (autocannon) with the same number of connections;
//   - vs a shell loop that starts espace once per account (on a sample);
//   - memory: peak RSS of the bulk run at N, and at a larger population when --big-data is given.
//
//   npm run build
//   node bench/bulk.mjs [--accounts 10000] [--data DIR] [--concurrency 16] [--loop-sample 15]
//                       [--big-data DIR --big-accounts 100000]
// DIR is seeded on first use (`--synthetic-accounts`), then reused. The big population is seeded
// beforehand with `espace sandbox seed --accounts 100000 --data DIR`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ESPACE, SANDBOX_MAIN, benchEnv, ciToken, startSandbox } from './sandbox-process.mjs';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    data: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    'loop-sample': { type: 'string', default: '15' },
    'big-data': { type: 'string' },
    'big-accounts': { type: 'string', default: '100000' },
  },
});
const accounts = Number(values.accounts);
const concurrency = Number(values.concurrency);
const loopSample = Number(values['loop-sample']);
const work = join(tmpdir(), `espace-bench-bulk-${process.pid}`);
mkdirSync(work, { recursive: true });
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const ids = (count) => Array.from({ length: count }, (_, i) => `BA-${100001 + i}`);

function ensureSeeded(dir, count) {
  if (existsSync(join(dir, 'sandbox.db'))) return;
  console.error(`seeding ${count} accounts into ${dir}…`);
  const started = Date.now();
  const seeded = spawnSync(process.execPath, [SANDBOX_MAIN, '--data', dir, '--synthetic-accounts', String(count), '--seed-only'], { stdio: 'inherit' });
  if (seeded.status !== 0) throw new Error('seeding failed');
  console.error(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The id suffix (YYYYMM) of the latest bill: generated accounts all have one that month. */
async function latestMonth(url, token) {
  const response = await fetch(`${url}/tmf-api/customerBillManagement/v4/customerBill?billingAccount.id=BA-100001&fields=id,billDate&limit=1000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const bills = await response.json();
  return bills.reduce((latest, bill) => (latest === undefined || bill.billDate > latest.billDate ? bill : latest), undefined).id.split('-').at(-1);
}

/** The three requests `bill show` makes for account number i, as autocannon requests (`only`: one of them). */
function sameRequests(list, month, token, seconds, only) {
  let next = 0;
  const api = '/tmf-api/customerBillManagement/v4';
  return {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    // A fixed duration: autocannon ends a run of a fixed amount only at its next one-second tick.
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          const n = only === undefined ? next++ : 3 * next++ + only;
          const account = list[Math.floor(n / 3) % list.length];
          const bill = `CB-${account.slice(3)}-${month}`;
          const paths = [
            `${api}/customerBill?billingAccount.id=${account}&fields=id,billDate&sort=-billDate&offset=0&limit=1000`,
            `${api}/customerBill/${bill}`,
            `${api}/appliedCustomerBillingRate?bill.id=${bill}&offset=0&limit=200`,
          ];
          return { ...request, path: paths[n % 3] };
        },
      },
    ],
  };
}

async function ceiling(url, list, month, token, seconds, only) {
  const result = await autocannon({ url, connections: concurrency, ...sameRequests(list, month, token, seconds, only) });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`ceiling run: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.total / ((result.finish - result.start) / 1000);
}

/** Runs espace under /usr/bin/time: wall seconds, peak RSS (KiB), and the records it wrote. */
function timedEspace(args, env) {
  return new Promise((resolve, reject) => {
    const out = join(work, `out-${Date.now()}.ndjson`);
    const child = spawn('/usr/bin/time', ['-f', '%e %M', 'sh', '-c', `exec "$0" "$@" > "${out}"`, process.execPath, ESPACE, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const [seconds, kib] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
      const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
      rmSync(out, { force: true });
      resolve({ code, seconds, kib, lines, stderr });
    });
  });
}

async function bulkRun(url, token, count) {
  const list = join(work, `accounts-${count}.txt`);
  writeFileSync(list, `${ids(count).join('\n')}\n`);
  const env = benchEnv({ ESPACE_API_URL: url, ESPACE_TOKEN: token, ESPACE_CONFIG_DIR: join(work, 'config') });
  const run = await timedEspace(['bill', 'show', '--accounts-from', list, '--concurrency', String(concurrency), '--journal', join(work, `j-${count}-${Date.now()}`)], env);
  const seen = new Set();
  let failed = 0;
  for (const line of run.lines) {
    const record = JSON.parse(line);
    if (seen.has(record.account)) throw new Error(`${record.account} written twice`);
    seen.add(record.account);
    if (!record.ok) failed++;
  }
  if (seen.size !== count) throw new Error(`${seen.size} records for ${count} accounts`);
  return { ...run, failed };
}

function shellLoop(url, token, sample) {
  const env = benchEnv({ ESPACE_API_URL: url, ESPACE_TOKEN: token, ESPACE_CONFIG_DIR: join(work, 'config'), ESPACE: ESPACE, NODE: process.execPath });
  const script = `for a in ${sample.join(' ')}; do "$NODE" "$ESPACE" bill show --account "$a" --json > /dev/null || exit 1; done`;
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', ['-c', script], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('shell loop failed');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const dataDir = values.data ?? join(tmpdir(), `espace-bench-${accounts}`);
ensureSeeded(dataDir, accounts);
const sandbox = await startSandbox(dataDir);
try {
  const token = await ciToken(sandbox.url);
  const month = await latestMonth(sandbox.url, token);
  const list = ids(accounts);
  // Warm-up: the sandbox's JIT and SQLite's page cache, for both sides alike.
  await ceiling(sandbox.url, list, month, token, 5);
  const ceilingRps = await ceiling(sandbox.url, list, month, token, 10);
  // Each bill endpoint on its own, for the sandbox's figures.
  const endpoints = [];
  for (const [only, name] of ['latest bill id (customerBill list, fields=id,billDate)', 'one bill (customerBill/{id})', 'line items (appliedCustomerBillingRate?bill.id=)'].entries()) {
    endpoints.push([name, await ceiling(sandbox.url, list, month, token, 5, only)]);
  }
  const bulk = await bulkRun(sandbox.url, token, accounts);
  const bulkRps = (accounts * 3) / bulk.seconds;
  const sample = list.filter((_, i) => i % Math.floor(accounts / loopSample) === 0).slice(0, loopSample);
  const loopSeconds = shellLoop(sandbox.url, token, sample);
  const loopAccountsPerSecond = sample.length / loopSeconds;
  const bulkAccountsPerSecond = accounts / bulk.seconds;

  console.log(`node ${process.version}; ${accounts} accounts; concurrency ${concurrency}; ${new Date().toISOString().slice(0, 10)}`);
  console.log('| measure | value | ratio | target |');
  console.log('|---|---:|---:|---:|');
  console.log(`| sandbox ceiling, autocannon (same 3 requests per account) | ${Math.round(ceilingRps)} req/s | 1.00× | |`);
  console.log(`| espace bill show --accounts-from | ${Math.round(bulkRps)} req/s = ${Math.round(bulkAccountsPerSecond)} accounts/s, ${bulk.seconds.toFixed(1)} s, ${bulk.failed} failed | ${(bulkRps / ceilingRps).toFixed(2)}× ceiling | ≥ 0.80× ${bulkRps / ceilingRps >= 0.8 ? 'met' : 'MISSED'} |`);
  console.log(`| shell loop, espace per account (${sample.length} sampled) | ${loopAccountsPerSecond.toFixed(2)} accounts/s | bulk = ${Math.round(bulkAccountsPerSecond / loopAccountsPerSecond)}× loop | ≥ 1000× ${bulkAccountsPerSecond / loopAccountsPerSecond >= 1000 ? 'met' : 'MISSED'} |`);
  console.log(`| peak RSS of the bulk run, ${accounts} accounts | ${(bulk.kib / 1024).toFixed(0)} MiB | | |`);
  for (const [name, rps] of endpoints) console.log(`| sandbox alone, ${name} | ${Math.round(rps)} req/s | | |`);
} finally {
  await sandbox.stop();
}

if (values['big-data']) {
  const big = Number(values['big-accounts']);
  const bigSandbox = await startSandbox(values['big-data']);
  try {
    const token = await ciToken(bigSandbox.url);
    const run = await bulkRun(bigSandbox.url, token, big);
    console.log(`| peak RSS of the bulk run, ${big} accounts | ${(run.kib / 1024).toFixed(0)} MiB (${run.seconds.toFixed(0)} s, ${Math.round(big / run.seconds)} accounts/s, ${run.failed} failed) | | ≤ 160 MiB ${run.kib / 1024 <= 160 ? 'met' : 'MISSED'} |`);
  } finally {
    await bigSandbox.stop();
  }
}
