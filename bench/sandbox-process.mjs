// Starting the sandbox program for a benchmark, and getting a CI token from it: shared by the
// bench scripts (they measure espace against a real sandbox on this machine).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SANDBOX_MAIN = fileURLToPath(new URL('../dist/sandbox/main.js', import.meta.url));
export const ESPACE = fileURLToPath(new URL('../bin/espace.js', import.meta.url));

/** A process environment without NODE_EXTRA_CA_CERTS, which costs tens of ms at every start. */
export function benchEnv(extra = {}) {
  const env = { ...process.env, NO_COLOR: '1', LANG: 'en_CA.UTF-8', ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/**
 * Starts `dist/sandbox/main.js --data DIR` on a free port (with `nodeArgs` for Node); resolves once
 * it has written its state file, which it does once it listens. `node` and `program` start another
 * Node or another build's sandbox; `pollMs` is how often the state file is looked for (a benchmark
 * of the start itself looks often).
 */
export async function startSandbox(dataDir, extraArgs = [], nodeArgs = [], { node = process.execPath, program = SANDBOX_MAIN, pollMs = 100 } = {}) {
  const child = spawn(node, [...nodeArgs, program, '--data', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: benchEnv(),
  });
  const stateFile = join(dataDir, 'sandbox.json');
  for (let waited = 0; waited < 600_000; waited += pollMs) {
    if (child.exitCode !== null) throw new Error(`the sandbox exited with ${child.exitCode}`);
    if (existsSync(stateFile)) {
      const state = JSON.parse(readFileSync(stateFile, 'utf8'));
      if (state.pid === child.pid) {
        return {
          url: state.url,
          pid: child.pid,
          stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
        };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error('the sandbox did not start');
}

/** A token of the read-only CI client (client credentials), which may read every account. */
export async function ciToken(url) {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'espace-ci', client_secret: 'espace-ci-sandbox-secret' }),
  });
  if (!response.ok) throw new Error(`token: HTTP ${response.status}`);
  return (await response.json()).access_token;
}

/** An access token of Marie, the seeded customer with one billing account (BA-1001). */
export async function customerToken(url) {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'espace-cli', username: 'marie.tremblay', password: 'Espace-Demo-2026!' }),
  });
  if (!response.ok) throw new Error(`token: HTTP ${response.status}`);
  return (await response.json()).access_token;
}

/** Starts bench/latency-proxy.mjs in front of `url`, holding each request `ms` ms; resolves with its URL. */
export async function startLatencyProxy(url, ms) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./latency-proxy.mjs', import.meta.url)), url, String(ms)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const proxyUrl = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(String(chunk).trim()));
    child.once('exit', (code) => reject(new Error(`the latency proxy exited with ${code}`)));
  });
  return { url: proxyUrl, stop: () => child.kill() };
}
