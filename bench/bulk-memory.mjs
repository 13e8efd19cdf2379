#!/usr/bin/env node
// Peak RSS of bulk runs over a short and a long list (the issue's "memory stays flat": the long
// one ≤ 1.1× the short one), several interleaved rounds, medians and spread.
//
//   npm run build
//   node bench/bulk-memory.mjs [--data DIR] [--population 2000] [--accounts 10000,100000]
//        [--commands "bill show,bill list,account show"] [--rounds 3] [--espace bin/espace.js ...]
//        [--spaces]
//
// A sandbox of 100,000 accounts takes long to seed and, on this machine, serves them slowly; what
// is measured here is espace's memory, not the server's. So a small population (DIR, seeded on
// first use) stands for any number of accounts: a proxy in front of the sandbox renumbers the
// account numbers of each request into the population (BA-1xxxxx → modulo --population) and
// those of the answer back, so espace sees BA-100001 … BA-200000, each with the bills, lines and
// tickets of its stand-in. Every record is checked (each account exactly once, none failed).
// Each --espace adds a build (bin/espace.js of a checkout with its dist/), run in turn.
// --spaces also gives, for each run, the largest size of each V8 heap space (bench/heap-spaces.cjs):
// which part of the heap grew with the list.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as forward } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureSeeded, ids } from './replay.mjs';
import { ESPACE, benchEnv, ciToken, startSandbox } from './sandbox-process.mjs';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    population: { type: 'string', default: '2000' },
    accounts: { type: 'string', default: '10000,100000' },
    commands: { type: 'string', default: 'bill show,bill list,account show' },
    rounds: { type: 'string', default: '3' },
    espace: { type: 'string', multiple: true },
    spaces: { type: 'boolean', default: false },
  },
});
const population = Number(values.population);
const sizes = values.accounts.split(',').map(Number);
const commands = values.commands.split(',').map((command) => command.trim());
const builds = values.espace ?? [ESPACE];
const SPACES_PRELOAD = fileURLToPath(new URL('./heap-spaces.cjs', import.meta.url));
const work = join(tmpdir(), `espace-bench-memory-${process.pid}`);
mkdirSync(work, { recursive: true });
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const FIRST = 100001;
/**
 * Account numbers as they appear in ids (BA-100001, CB-100001-202612, …): 100001 to 200000, the
 * last of a 100,000-account list included (no year and month of a bill id reads 200000).
 */
const NUMBER = /(?<![0-9])(?:1[0-9]{5}|200000)(?![0-9])/g;

/** The proxy: account numbers of the request into the population, those of the answer back. */
function renumberingProxy(upstreamUrl) {
  const upstream = new URL(upstreamUrl);
  const server = createServer((request, response) => {
    const back = new Map();
    const path = request.url.replace(NUMBER, (text) => {
      const number = Number(text);
      if (number < FIRST || number >= FIRST + 1_000_000) return text;
      const standIn = String(FIRST + ((number - FIRST) % population));
      back.set(standIn, text);
      return standIn;
    });
    const outgoing = forward({ host: upstream.hostname, port: upstream.port, method: request.method, path, headers: request.headers }, (answer) => {
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.concat(chunks)
          .toString('utf8')
          .replace(NUMBER, (text) => back.get(text) ?? text);
        const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) };
        delete headers['transfer-encoding'];
        response.writeHead(answer.statusCode ?? 502, headers);
        response.end(body);
      });
    });
    outgoing.on('error', () => response.destroy());
    request.pipe(outgoing);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, server })));
}

/** One bulk run under /usr/bin/time: peak RSS (MiB), CPU (s), wall (s); every record checked. */
function bulkRun(espace, url, token, command, count) {
  const list = join(work, `accounts-${count}.txt`);
  writeFileSync(list, `${ids(count).join('\n')}\n`);
  const out = join(work, 'out.ndjson');
  const spacesFile = join(work, 'spaces.ndjson');
  rmSync(spacesFile, { force: true });
  const sampler = values.spaces ? { NODE_OPTIONS: `--require ${JSON.stringify(SPACES_PRELOAD)}`, ESPACE_BENCH_SPACES: spacesFile } : {};
  const env = benchEnv({ ESPACE_API_URL: url, ESPACE_TOKEN: token, ESPACE_CONFIG_DIR: join(work, 'config'), ESPACE_DATA_DIR: join(work, 'data'), ...sampler });
  const args = [...command.split(' '), '--accounts-from', list, '--journal', join(work, `j-${Date.now()}`)];
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%e %M %U %S', 'sh', '-c', `exec "$0" "$@" > "${out}"`, process.execPath, espace, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const [seconds, kib, user, system] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
      const seen = new Set();
      for (const line of readFileSync(out, 'utf8').split('\n')) {
        if (line === '') continue;
        const record = JSON.parse(line);
        if (seen.has(record.account)) return reject(new Error(`${command}: ${record.account} written twice`));
        if (!record.ok) return reject(new Error(`${command}: ${record.account} failed: ${JSON.stringify(record.error)}`));
        seen.add(record.account);
      }
      rmSync(out, { force: true });
      if (seen.size !== count) return reject(new Error(`${command}: ${seen.size} records for ${count} accounts: ${stderr}`));
      const spaces = values.spaces ? JSON.parse(readFileSync(spacesFile, 'utf8')) : undefined;
      resolve({ seconds, mib: kib / 1024, cpuUs: ((user + system) / count) * 1e6, ...(spaces ? { spaces } : {}) });
    });
  });
}

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
const spread = (numbers) => `${median(numbers).toFixed(0)} (${Math.min(...numbers).toFixed(0)}–${Math.max(...numbers).toFixed(0)})`;

const dataDir = values.data ?? join(tmpdir(), `espace-bench-${population}`);
ensureSeeded(dataDir, population);
const sandbox = await startSandbox(dataDir);
const proxy = await renumberingProxy(sandbox.url);
try {
  const token = await ciToken(sandbox.url);
  const results = new Map();
  for (const command of commands) {
    for (const espace of builds) await bulkRun(espace, proxy.url, token, command, Math.min(500, sizes[0])); // untimed: code caches
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const size of sizes) {
        for (const espace of builds) {
          const run = await bulkRun(espace, proxy.url, token, command, size);
          const key = `${command}|${espace}|${size}`;
          results.set(key, [...(results.get(key) ?? []), run]);
          console.error(`${command} ${size} ${espace}: ${JSON.stringify(run)}`);
        }
      }
    }
  }
  console.log(`\nNode ${process.version}; stand-ins from ${population} accounts; median (min–max) of ${values.rounds} round(s)\n`);
  console.log(
    `| command | build | ${sizes.map((size) => `peak RSS at ${size}, MiB`).join(' | ')} | ratio of medians (≤ 1.1) | CPU / account at ${sizes.at(-1)}, µs |`,
  );
  console.log(`|---|---|${sizes.map(() => '---:|').join('')}---:|---:|`);
  for (const command of commands) {
    for (const espace of builds) {
      const runs = sizes.map((size) => results.get(`${command}|${espace}|${size}`));
      const mibs = runs.map((list) => list.map((run) => run.mib));
      console.log(
        `| ${command} | ${espace} | ${mibs.map(spread).join(' | ')} | ${(median(mibs.at(-1)) / median(mibs[0])).toFixed(2)}× | ${spread(runs.at(-1).map((run) => run.cpuUs))} |`,
      );
    }
  }
} finally {
  proxy.server.close();
  await sandbox.stop();
}
