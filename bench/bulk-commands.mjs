#!/usr/bin/env node
// Every bulk command, one run each against one sandbox: espace's CPU per account and the
// sandbox's over the same run (the issue's "bulk CPU" ratio), peak RSS, and with --big-data the
// peak RSS of the same command over the larger population (the "memory stays flat" ratio).
//
//   npm run build
//   node bench/bulk-commands.mjs [--accounts 10000] [--data DIR] [--big-accounts 100000 --big-data DIR]
//                                [--commands "bill show,account show"] [--rounds 3]
// DIR is seeded on first use, then reused (`espace sandbox seed --accounts 100000 --data DIR` for
// the big one beforehand: ≈ 3 min on a quiet machine). Each command runs once untimed first (its
// code caches are made on a first run). Every record is checked: each account exactly once.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureSeeded, ids } from './replay.mjs';
import { ESPACE, benchEnv, ciToken, startSandbox } from './sandbox-process.mjs';

const ALL = ['bill show', 'bill list', 'account show', 'payment list', 'ticket list', 'plan show', 'usage show', 'profile show'];
const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    data: { type: 'string' },
    'big-accounts': { type: 'string', default: '100000' },
    'big-data': { type: 'string' },
    commands: { type: 'string', default: ALL.join(',') },
    rounds: { type: 'string', default: '3' },
  },
});
const commands = values.commands.split(',').map((command) => command.trim());
const rounds = Number(values.rounds);
const work = join(tmpdir(), `espace-bench-commands-${process.pid}`);
mkdirSync(work, { recursive: true });
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One bulk run under /usr/bin/time, its records checked; CPU of both processes, peak RSS. */
function bulkRun(sandbox, token, command, count) {
  const list = join(work, `accounts-${count}.txt`);
  writeFileSync(list, `${ids(count).join('\n')}\n`);
  const out = join(work, 'out.ndjson');
  const env = benchEnv({ ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: token, ESPACE_CONFIG_DIR: join(work, 'config'), ESPACE_DATA_DIR: join(work, 'data') });
  const args = [...command.split(' '), '--accounts-from', list, '--journal', join(work, `j-${Date.now()}`)];
  const sandboxBefore = cpuSecondsOf(sandbox.pid);
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%e %M %U %S', 'sh', '-c', `exec "$0" "$@" > "${out}"`, process.execPath, ESPACE, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const sandboxCpu = cpuSecondsOf(sandbox.pid) - sandboxBefore;
      const [seconds, kib, user, system] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
      const seen = new Set();
      let failed = 0;
      for (const line of readFileSync(out, 'utf8').split('\n')) {
        if (line === '') continue;
        const record = JSON.parse(line);
        if (seen.has(record.account)) return reject(new Error(`${command}: ${record.account} written twice`));
        seen.add(record.account);
        if (!record.ok) failed++;
      }
      rmSync(out, { force: true });
      if (seen.size !== count) return reject(new Error(`${command}: ${seen.size} records for ${count} accounts: ${stderr}`));
      resolve({ seconds, mib: kib / 1024, espaceUs: ((user + system) / count) * 1e6, sandboxUs: (sandboxCpu / count) * 1e6, failed });
    });
  });
}

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

async function measure(dataDir, count, seed) {
  if (seed) ensureSeeded(dataDir, count);
  const sandbox = await startSandbox(dataDir);
  try {
    const token = await ciToken(sandbox.url);
    const results = new Map();
    for (const command of commands) {
      await bulkRun(sandbox, token, command, Math.min(count, 500)); // untimed: code caches, the sandbox's warm-up
      const runs = [];
      for (let round = 0; round < rounds; round++) runs.push(await bulkRun(sandbox, token, command, count));
      const result = Object.fromEntries(['seconds', 'mib', 'espaceUs', 'sandboxUs', 'failed'].map((key) => [key, median(runs.map((run) => run[key]))]));
      // The spread of the rounds: peak RSS moves with when V8 chooses to collect, CPU with the load.
      result.range = Object.fromEntries(
        ['mib', 'espaceUs', 'sandboxUs'].map((key) => [key, [Math.min(...runs.map((run) => run[key])), Math.max(...runs.map((run) => run[key]))]]),
      );
      results.set(command, result);
      console.error(`${count} ${command}: ${JSON.stringify(result)} rounds: ${JSON.stringify(runs)}`);
    }
    return results;
  } finally {
    await sandbox.stop();
  }
}

const accounts = Number(values.accounts);
const small = await measure(values.data ?? join(tmpdir(), `espace-bench-${accounts}`), accounts, true);
const big = values['big-data'] ? await measure(values['big-data'], Number(values['big-accounts']), false) : undefined;

console.log(`\nNode ${process.version}; ${accounts} accounts${big ? ` and ${values['big-accounts']}` : ''}; median (min–max) of ${rounds} run(s)\n`);
const spread = (result, key, digits = 0) => `${result[key].toFixed(digits)} (${result.range[key].map((value) => value.toFixed(digits)).join('–')})`;
console.log(
  `| command | espace CPU / account, µs | sandbox CPU / account, µs | ratio | peak RSS at ${accounts}, MiB |${big ? ` peak RSS at ${values['big-accounts']}, MiB | ratio of medians (≤ 1.1) |` : ''} seconds | failed |`,
);
console.log(`|---|---:|---:|---:|---:|${big ? '---:|---:|' : ''}---:|---:|`);
for (const command of commands) {
  const s = small.get(command);
  const b = big?.get(command);
  const bigCells = b ? ` ${spread(b, 'mib')} | ${(b.mib / s.mib).toFixed(2)}× |` : '';
  console.log(
    `| ${command} | ${spread(s, 'espaceUs')} | ${spread(s, 'sandboxUs')} | ${(s.espaceUs / s.sandboxUs).toFixed(2)} | ${spread(s, 'mib')} |${bigCells} ${s.seconds.toFixed(1)} | ${s.failed} |`,
  );
}
