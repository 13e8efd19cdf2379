/**
 * Interrupting a bulk run of the built CLI at a random point and resuming it: together the two
 * runs write the same set of records as one uninterrupted run. After Ctrl-C (SIGINT) no account
 * is fetched twice and no record is written twice — the proxy's request log shows it; after
 * SIGKILL only the lookups that were in flight at the kill are fetched again, and only the records
 * whose journal lines the kill may have cut off (one account's, or one batch's) are written again.
 * One account at a time and in batches.
 *
 * However slow the machine, the first run cannot get through the whole list before the signal:
 * the proxy holds the lookups of the accounts past the kill point until the signal is sent (they
 * are then in flight, as a real interruption finds them). Nothing waits for a fixed time.
 */
import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { TestSandbox } from '../helpers/sandbox.js';
import { ESPACE_BIN, espace } from '../helpers/spawn.js';
import { startBulkFixture } from '../bulk/fixture.js';
import { accountsOf as accountsAsked, lookupsPerAccount, type Proxy } from '../bulk/proxy.js';
import { cliEnv, processEnv } from '../helpers/env.js';

const ACCOUNTS = Array.from({ length: 400 }, (_, i) => `BA-${100001 + i}`);
/** The `| head` run's list: more accounts than a run that ignored a closed pipe would stop short of. */
const LONG_LIST = Array.from({ length: 1000 }, (_, i) => `BA-${100001 + i}`);
/** How each mode runs, and how many accounts it has in flight at most (what a kill can cut off). */
const MODES = [
  { mode: 'one account at a time', flags: ['--concurrency', '8', '--batch-size', '1'], inFlight: 8, perWrite: 1 },
  { mode: 'in batches', flags: ['--concurrency', '4', '--batch-size', '25'], inFlight: 4 * 25, perWrite: 25 },
];
let sandbox: TestSandbox;
let proxy: Proxy;
let dir: string;
let list: string;
let longList: string;

let close: () => Promise<void>;

beforeAll(async () => {
  ({ sandbox, proxy, dir, list, close } = await startBulkFixture(ACCOUNTS));
  longList = join(dir, 'long-list.txt');
  await writeFile(longList, `${LONG_LIST.join('\n')}\n`);
}, 300_000);
afterAll(() => close?.());

const env = () => cliEnv({ url: proxy.url, token: sandbox.tokens.agent, home: dir, extra: { NODE_EXTRA_CA_CERTS: undefined } });
/** The default journals, in the data directory. */
const journals = async () => (await readdir(join(dir, 'data', 'bulk')).catch(() => [])).filter((name) => name.endsWith('.journal'));
const args = (flags: string[]) => ['bill', 'show', '--accounts-from', list, ...flags];

/**
 * Runs the CLI and sends `signal` once `after` records have arrived on stdout. Lookups naming an
 * account from index `holdFrom` on are held by the proxy until then, so that the run cannot finish
 * the list first; they are let through once the signal is sent.
 */
function runUntil(
  flags: string[],
  after: number,
  holdFrom: number,
  signal: NodeJS.Signals,
  stop: AbortSignal,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const childEnv = processEnv(env());
  const held = new Set(ACCOUNTS.slice(holdFrom));
  proxy.setHold((request) => accountsAsked(request.url ?? '').some((account) => held.has(account)));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ESPACE_BIN, ...args(flags)], {
      env: childEnv as Record<string, string>,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: stop,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (!sent && stdout.split('\n').length > after) {
        sent = true;
        child.kill(signal);
        // After Ctrl-C the run waits for its lookups in flight; after SIGKILL nobody reads the answers.
        proxy.releaseHeld();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => {
      if (error.name !== 'AbortError') reject(error);
    });
    child.on('close', (code, killedBy) => {
      proxy.releaseHeld();
      resolve({ code, signal: killedBy, stdout, stderr });
    });
  });
}

const accountsOf = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line) as { account: string; ok: boolean });

const CASES = MODES.flatMap(({ mode, flags, inFlight, perWrite }) => [
  { mode, flags, perWrite, inFlight, signal: 'SIGINT' as const, refetchBound: 0, duplicateBound: 0 },
  // A kill can land between writing records and journaling them: those records come again.
  { mode, flags, perWrite, inFlight, signal: 'SIGKILL' as const, refetchBound: inFlight, duplicateBound: perWrite },
]);

describe.each(CASES)('$mode, interrupted with $signal, then resumed', ({ flags, perWrite, inFlight, signal, refetchBound, duplicateBound }) => {
  it('writes every account across both runs, looking up again only what the interruption cut off', async () => {
    proxy.log.length = 0;
    // A test that fails or times out kills its runs, which would otherwise go on writing the journal
    // and the proxy's log that the next case reads.
    const runs = new AbortController();
    onTestFinished(() => runs.abort());
    // A random point, named in every assertion so that a failure can be reproduced. After Ctrl-C
    // the run finishes the lookups in flight (held ones included): the point leaves more accounts
    // after those than a full complement in flight, so that the first run cannot end the list.
    const killAt = 20 + Math.floor(Math.random() * (ACCOUNTS.length - 20 - perWrite - 1 - inFlight - 1));
    const at = `killed after ${killAt} records`;
    // Every account before the held ones is written, a batch straddling the boundary excepted:
    // more than killAt records come whatever the batch size.
    const first = await runUntil(flags, killAt, killAt + perWrite + 1, signal, runs.signal);
    if (signal === 'SIGINT') {
      expect(first.code, `${at}: ${first.stderr}`).toBe(130);
      expect(first.stderr, at).toContain('--resume');
    } else expect(first.signal, at).toBe('SIGKILL');
    const firstRecords = accountsOf(first.stdout);
    expect(await journals(), at).toHaveLength(1);
    expect(firstRecords.length, at).toBeGreaterThanOrEqual(killAt);
    expect(firstRecords.length, at).toBeLessThan(ACCOUNTS.length);

    const second = await espace([...args(flags), '--resume'], { env: env(), signal: runs.signal });
    expect(second.code, at).toBe(0);
    // The run got through the list: nothing is left to resume, so its journal is gone.
    expect(await journals(), at).toEqual([]);
    const all = [...firstRecords, ...accountsOf(second.stdout)];
    expect(
      all.every((record) => record.ok),
      at,
    ).toBe(true);
    expect(new Set(all.map((record) => record.account)), at).toEqual(new Set(ACCOUNTS));
    expect(all.length - ACCOUNTS.length, at).toBeLessThanOrEqual(duplicateBound);

    const lookups = lookupsPerAccount(proxy.log);
    expect(lookups.size, at).toBe(ACCOUNTS.length);
    const refetched = [...lookups.values()].filter((count) => count > 1).length;
    expect(refetched, at).toBeLessThanOrEqual(refetchBound);
  }, 300_000);
});

it('stops looking accounts up when the reader of its output goes away (| head)', async () => {
  proxy.log.length = 0;
  const childEnv = Object.fromEntries(Object.entries(processEnv({ ...env(), ESPACE: ESPACE_BIN, NODE: process.execPath }))) as Record<string, string>;
  // Not spawnSync: the sandbox and the proxy answer from this very process.
  const script = `"$NODE" "$ESPACE" bill show --accounts-from "${longList}" --concurrency 4 --batch-size 25 --journal "${join(dir, 'head.journal')}" | head -n 2`;
  const result = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr }));
  });
  expect(result.stdout.trim().split('\n')).toHaveLength(2);
  // Those in flight or written before the pipe closed were looked up, not the whole list.
  expect(lookupsPerAccount(proxy.log).size).toBeLessThan(LONG_LIST.length / 2);
  expect(result.stderr).toMatch(/not looked up/);
}, 300_000);
