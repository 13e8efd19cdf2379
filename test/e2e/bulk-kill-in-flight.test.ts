/**
 * A bulk run of the built CLI killed (SIGKILL) while a known set of lookups is in flight — the
 * proxy holds them — then `--resume`d: every account appears exactly once across the two outputs,
 * none is missing, and the resumed run looks up only the accounts whose records the killed run
 * did not write (the ones in flight among them), not one it wrote. Stopped with SIGTERM instead,
 * the run writes the lookups in flight once they answer, and the resume looks none of them up again.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/sandbox.js';
import { ESPACE_BIN, espace } from '../helpers/spawn.js';
import { startBulkFixture } from '../bulk/fixture.js';
import { accountsOf, lookupsPerAccount, type Proxy } from '../bulk/proxy.js';
import { cliEnv, processEnv } from '../helpers/env.js';

const ACCOUNTS = Array.from({ length: 400 }, (_, i) => `BA-${100001 + i}`);
/** The accounts from this one on are held by the proxy: the killed run never gets their answers. */
const FIRST_HELD = 200;

let sandbox: TestSandbox;
let proxy: Proxy;
let dir: string;
let list: string;
let close: () => Promise<void>;

beforeAll(async () => ({ sandbox, proxy, dir, list, close } = await startBulkFixture(ACCOUNTS)), 300_000);
afterAll(() => close?.());

const env = () => cliEnv({ url: proxy.url, token: sandbox.tokens.agent, home: dir, extra: { NODE_EXTRA_CA_CERTS: undefined } });
const journals = async () => (await readdir(join(dir, 'data', 'bulk')).catch(() => [])).filter((name) => name.endsWith('.journal'));
const recordsIn = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line) as { account: string; ok: boolean });

/**
 * Starts the CLI; `kill` sends SIGKILL and resolves with everything it wrote before dying;
 * `stderrShows` resolves once stderr holds `text`.
 */
function start(args: string[]) {
  const childEnv = processEnv(env());
  const child = spawn(process.execPath, [ESPACE_BIN, ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const watchers: { text: string; resolve: () => void }[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const watcher of watchers.filter((candidate) => stderr.includes(candidate.text))) watcher.resolve();
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    kill: async () => {
      child.kill('SIGKILL');
      const end = await closed;
      return { ...end, stdout, stderr };
    },
    signal: (signal: NodeJS.Signals) => child.kill(signal),
    stderrShows: (text: string) => new Promise<void>((resolve) => (stderr.includes(text) ? resolve() : watchers.push({ text, resolve }))),
    ended: async () => ({ ...(await closed), stdout, stderr }),
  };
}

/**
 * Starts a run (log emptied) whose lookups of the accounts from FIRST_HELD on are held, and
 * resolves once `requestsHeld` are: every worker is then waiting on a held lookup, so what the run
 * can write, it has written. With the accounts whose lookups are in flight.
 */
async function startHeld(flags: string[], requestsHeld: number) {
  proxy.reset();
  const held = new Set(ACCOUNTS.slice(FIRST_HELD));
  proxy.setHold((request) => accountsOf(request.url ?? '').some((account) => held.has(account)));
  const args = ['bill', 'show', '--accounts-from', list, ...flags];
  const run = start(args);
  await proxy.waitForHeld(requestsHeld);
  const inFlight = new Set([...lookupsPerAccount(proxy.log).keys()].filter((account) => held.has(account)));
  return { args, run, inFlight };
}

const MODES = [
  { mode: 'one account at a time', flags: ['--concurrency', '8', '--batch-size', '1'], requestsHeld: 8, accountsHeld: 8 },
  { mode: 'in batches', flags: ['--concurrency', '4', '--batch-size', '25'], requestsHeld: 4, accountsHeld: 100 },
];

describe.each(MODES)('$mode, killed with lookups in flight, then resumed', ({ flags, requestsHeld, accountsHeld }) => {
  it('writes each account exactly once across both runs and looks up again only what was not written', async () => {
    const { args, run, inFlight } = await startHeld(flags, requestsHeld);
    expect(inFlight.size).toBe(accountsHeld);
    const first = await run.kill();
    expect(first.signal).toBe('SIGKILL');
    const firstRecords = recordsIn(first.stdout);
    const written = new Set(firstRecords.map((record) => record.account));
    expect(written.size).toBe(firstRecords.length);
    for (const account of inFlight) expect(written.has(account)).toBe(false);
    expect(await journals()).toHaveLength(1);

    proxy.reset();
    const second = await espace([...args, '--resume'], { env: env() });
    expect(second.code, second.stderr).toBe(0);
    const secondRecords = recordsIn(second.stdout);
    const all = [...firstRecords, ...secondRecords].map((record) => record.account);
    // Exactly once each: none twice, none missing.
    expect(all.length).toBe(ACCOUNTS.length);
    expect(new Set(all)).toEqual(new Set(ACCOUNTS));
    expect([...firstRecords, ...secondRecords].every((record) => record.ok)).toBe(true);

    // The resumed run looked up exactly the accounts the killed run did not write, each once.
    const lookups = lookupsPerAccount(proxy.log);
    const notWritten = ACCOUNTS.filter((account) => !written.has(account));
    expect(new Set(lookups.keys())).toEqual(new Set(notWritten));
    expect([...lookups.values()].every((count) => count === 1)).toBe(true);
    for (const account of inFlight) expect(lookups.has(account)).toBe(true);
    expect(second.stderr).toContain(`${written.size} accounts already done, ${notWritten.length} to go`);
  }, 300_000);
});

describe.each(MODES)('$mode, stopped with SIGTERM with lookups in flight, then resumed', ({ flags, requestsHeld, accountsHeld }) => {
  it('writes the lookups in flight before exiting; the resume looks up only the accounts never taken', async () => {
    const { args, run, inFlight } = await startHeld(flags, requestsHeld);
    expect(inFlight.size).toBe(accountsHeld);
    run.signal('SIGTERM');
    // It has stopped taking accounts: the held lookups may now answer.
    await run.stderrShows('Stopping:');
    proxy.releaseHeld();
    const first = await run.ended();
    expect(first.code, first.stderr).toBe(130);
    const firstRecords = recordsIn(first.stdout);
    const written = new Set(firstRecords.map((record) => record.account));
    expect(written.size).toBe(firstRecords.length);
    for (const account of inFlight) expect(written.has(account)).toBe(true);

    proxy.reset();
    const second = await espace([...args, '--resume'], { env: env() });
    expect(second.code, second.stderr).toBe(0);
    const all = [...firstRecords, ...recordsIn(second.stdout)].map((record) => record.account);
    expect(all.length).toBe(ACCOUNTS.length);
    expect(new Set(all)).toEqual(new Set(ACCOUNTS));
    const lookups = lookupsPerAccount(proxy.log);
    expect(new Set(lookups.keys())).toEqual(new Set(ACCOUNTS.filter((account) => !written.has(account))));
    for (const account of inFlight) expect(lookups.has(account)).toBe(false);
  }, 300_000);
});
