// Replaying espace's own requests against the sandbox with a load generator: shared by the bench
// scripts that measure the sandbox's ceiling (bulk.mjs) and profile it (sandbox-profile.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as forward } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ESPACE, SANDBOX_MAIN, benchEnv } from './sandbox-process.mjs';

/** The bench's account ids: the synthetic population starts at BA-100001. */
export const ids = (count) => Array.from({ length: count }, (_, i) => `BA-${100001 + i}`);

/** Seeds `count` synthetic accounts into `dir` unless it holds a database already. */
export function ensureSeeded(dir, count) {
  if (existsSync(join(dir, 'sandbox.db'))) return;
  console.error(`seeding ${count} accounts into ${dir}…`);
  const started = Date.now();
  const seeded = spawnSync(process.execPath, [SANDBOX_MAIN, '--data', dir, '--synthetic-accounts', String(count), '--seed-only'], { stdio: 'inherit' });
  if (seeded.status !== 0) throw new Error('seeding failed');
  console.error(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The paths `espace bill show --accounts-from` requests for `accounts` (one batch, or one account
 * with --batch-size 1), recorded by a proxy in front of the sandbox.
 */
export async function recordPaths(url, token, accounts, extra) {
  const upstream = new URL(url);
  const paths = [];
  const proxy = createServer((request, response) => {
    paths.push(request.url);
    const outgoing = forward(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    request.pipe(outgoing);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const dir = mkdtempSync(join(tmpdir(), 'espace-bench-record-'));
  try {
    const file = join(dir, 'accounts.txt');
    writeFileSync(file, `${accounts.join('\n')}\n`);
    const env = benchEnv({ ESPACE_API_URL: `http://127.0.0.1:${proxy.address().port}`, ESPACE_TOKEN: token, ESPACE_CONFIG_DIR: join(dir, 'config') });
    // Not spawnSync: the proxy answers on this process's event loop.
    const run = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [ESPACE, 'bill', 'show', '--accounts-from', file, '--concurrency', '1', ...extra], {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    if (run.code !== 0) throw new Error(`recording run: ${run.stderr}`);
    return paths;
  } finally {
    proxy.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same paths for another set of accounts: every account number in them replaced. */
export function forAccounts(paths, from, to) {
  const numbers = new Map(from.map((account, i) => [account.slice(3), to[i].slice(3)]));
  return paths.map((path) => path.replace(/\d{6}/g, (digits) => numbers.get(digits) ?? digits));
}

/** Requests per second autocannon gets through `groups` (group n: the n-th batch's requests), over a fixed time. */
export async function ceiling(url, token, connections, seconds, groups, perGroup) {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    // A fixed duration: autocannon ends a run of a fixed amount only at its next one-second tick.
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          const n = next++;
          const group = groups[Math.floor(n / perGroup) % groups.length];
          return { ...request, path: group[n % perGroup] };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`ceiling run: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.total / ((result.finish - result.start) / 1000);
}
