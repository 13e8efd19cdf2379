/**
 * The payment journal's lock: two `pay` of one bill started together are made one after the
 * other, the second seeing what the first did; a lock left by a dead process is taken over; a
 * wait for the lock can be cancelled with Ctrl-C before anything is sent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hold } from '../helpers/hold.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { spawnEspace } from './spawned.js';
import { cliEnv } from '../helpers/env.js';

const PAYMENTS = '/paymentManagement/v4/payment';

let sandbox: TestSandbox | undefined;
let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-pay-lock-'));
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  await rm(home, { recursive: true, force: true });
});

const env = (url: string, token: string) => cliEnv({ url, token, home });
const lockPath = () => join(home, 'data', 'payment-journal.lock');

async function apiPayments(running: TestSandbox): Promise<Array<{ id: string; correlatorId: string }>> {
  const res = await fetch(`${running.url}${PAYMENTS}?account.id=BA-1001&limit=1000`, { headers: { authorization: `Bearer ${running.tokens.marie}` } });
  const all = (await res.json()) as Array<{ id: string; correlatorId?: string }>;
  return all.filter((p): p is { id: string; correlatorId: string } => p.correlatorId !== undefined);
}

async function journalFiles(): Promise<string[]> {
  try {
    return await readdir(join(home, 'data', 'payment-journal'));
  } catch {
    return [];
  }
}

describe('two `pay` of one bill at once', () => {
  it('are made one after the other: one charge, the second sees the bill settled, neither says "unknown"', async () => {
    const gateway = hold();
    const running = (sandbox = await startTestSandbox({ holdPayments: gateway.wait }));
    const childEnv = env(running.url, running.tokens.marie);
    const first = spawnEspace(['pay', '--yes', '--json'], childEnv);
    const second = spawnEspace(['pay', '--yes', '--json'], childEnv);

    // One payment is in the card network; the other process waits for the journal's lock.
    try {
      await gateway.reached;
      const ended = (paying: typeof first) =>
        paying.done.then((end) => Promise.reject(new Error(`a pay ended (exit ${end.code}) while the other was paying:\n${end.stderr}`)));
      await Promise.race([
        Promise.any([first.stderrMatches(/waiting for it to finish/), second.stderrMatches(/waiting for it to finish/)]),
        ended(first),
        ended(second),
      ]);
    } finally {
      // Also when it failed: the sandbox cannot close while a charge waits in its gateway.
      gateway.release();
    }
    const results = await Promise.all([first.done, second.done]);

    const payments = await apiPayments(running);
    expect(payments).toHaveLength(1);
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    const paid = results.find((r) => r.code === 0)!;
    const refused = results.find((r) => r.code === 1)!;
    expect(JSON.parse(paid.stdout).id).toBe(payments[0]!.id);
    expect(refused.stderr).toMatch(/settled/);
    expect(results.map((r) => r.stderr).join('\n')).not.toMatch(/unknown/i);
    expect(await journalFiles()).toEqual([]);
    expect(existsSync(lockPath())).toBe(false);
  });
});

describe('a lock left behind', () => {
  it('by a process that no longer runs is taken over', async () => {
    const running = (sandbox = await startTestSandbox());
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    await mkdir(join(home, 'data'), { recursive: true });
    await writeFile(lockPath(), JSON.stringify({ pid: dead, host: hostname(), since: new Date().toISOString() }));

    const result = await runCli(['pay', '--yes', '--amount', '10', '--json'], { env: env(running.url, running.tokens.marie) });

    expect(result.stderr).not.toMatch(/waiting/);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).id).toBe((await apiPayments(running))[0]!.id);
    expect(existsSync(lockPath())).toBe(false);
  });

  it('half-written (empty) and old is taken over', async () => {
    const running = (sandbox = await startTestSandbox());
    await mkdir(join(home, 'data'), { recursive: true });
    await writeFile(lockPath(), '');
    const past = new Date(Date.now() - 60_000);
    await utimes(lockPath(), past, past);

    const result = await runCli(['pay', '--yes', '--amount', '10'], { env: env(running.url, running.tokens.marie) });

    expect(result.code).toBe(0);
    expect(await apiPayments(running)).toHaveLength(1);
  });

  it('held by a live process is waited for; Ctrl-C during the wait cancels (130) with nothing sent or kept', async () => {
    const running = (sandbox = await startTestSandbox());
    await mkdir(join(home, 'data'), { recursive: true });
    const held = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
    await writeFile(lockPath(), held);

    const paying = spawnEspace(['pay', '--yes', '--amount', '10'], env(running.url, running.tokens.marie));
    await paying.stderrMatches(new RegExp(`process ${process.pid}\\); waiting for it to finish`));
    paying.child.kill('SIGINT');
    const result = await paying.done;

    expect(result.code).toBe(130);
    expect(await apiPayments(running)).toEqual([]);
    expect(await journalFiles()).toEqual([]);
    // The lock was not the cancelled process's to remove.
    expect(await readFile(lockPath(), 'utf8')).toBe(held);
  });
});
