/**
 * The built sandbox program killed (SIGKILL) in the middle of `sandbox clock advance`, on the log
 * line of an event, then started again and advanced to the same date with the built CLI: the
 * events, bills and autopay debits are exactly those of a sandbox that advanced without
 * interruption — nothing lost, nothing twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { Sqlite } from '../../src/sandbox/sqlite.js';
import { waitForFile, type Run } from '../helpers/program.js';
import { SANDBOX_PROGRAM, espace } from '../helpers/spawn.js';

const children: ChildProcess[] = [];
let parent: string;
const anchor = `${new Date().toISOString().slice(0, 7)}-01`;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'espace-clock-kill-'));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(parent, { recursive: true, force: true });
});

interface Sandbox extends Run {
  url: string;
  /** Resolves with the stdout line that shows the `n`th event. */
  eventLine(n: number): Promise<string>;
}

/** Starts the built sandbox program on a free port and waits for its state file. */
async function startSandbox(dataDir: string): Promise<Sandbox> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await rm(join(dataDir, 'sandbox.json'), { force: true });
  const env = { ...process.env, ESPACE_SANDBOX_CLOCK_PAUSE_MS: '25' };
  const child = spawn(process.execPath, [SANDBOX_PROGRAM, '--data', dataDir, '--port', '0', '--seed-anchor', anchor], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  const waiters: { n: number; resolve: (line: string) => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    const events = out.split('\n').filter((line) => line.startsWith('clock event '));
    for (const waiter of waiters.filter((w) => events.length >= w.n)) waiter.resolve(events[waiter.n - 1]!);
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exit = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const run: Run = { child, stdout: () => out, stderr: () => err, exit };
  await waitForFile(dataDir, 'sandbox.json', run);
  const { url } = JSON.parse(await readFile(join(dataDir, 'sandbox.json'), 'utf8')) as { url: string };
  return { ...run, url, eventLine: (n) => new Promise((resolve) => waiters.push({ n, resolve })) };
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      username: SEED_CREDENTIALS.marie.username,
      password: SEED_CREDENTIALS.marie.password,
      client_id: SEED_CREDENTIALS.cliClientId,
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Autopay on for Marie with the built CLI, as a user would. */
async function autopayForMarie(url: string): Promise<void> {
  const token = await login(url);
  const on = await espace(['autopay', 'enable', '--method', 'PM-1001-1', '--accept-terms'], {
    env: { ESPACE_API_URL: url, ESPACE_TOKEN: token, ESPACE_CONFIG_DIR: join(parent, 'config') },
  });
  expect(on.code, on.stderr).toBe(0);
}

/** What the database holds after the year: events, bills and Marie's autopay debits. */
function outcome(dataDir: string) {
  const db = new Sqlite(join(dataDir, 'sandbox.db'), { readonly: true });
  try {
    return {
      events: db.prepare("SELECT key, outcome, amount_cents AS amount FROM clock_event WHERE kind <> 'outage' ORDER BY key").all(),
      outages: db.prepare("SELECT key FROM clock_event WHERE kind = 'outage' ORDER BY key").all(),
      bills: db
        .prepare("SELECT id, amount_due_cents AS due, remaining_cents AS remaining, state FROM customer_bill WHERE run_type = 'onCycle' ORDER BY id")
        .all(),
      debits: db
        .prepare(
          "SELECT id, amount_cents AS amount, correlator_id AS correlator FROM payment WHERE channel = 'preAuthorized' AND correlator_id LIKE 'autopay:%' ORDER BY id",
        )
        .all(),
    };
  } finally {
    db.close();
  }
}

describe('sandbox clock: killed in the middle of an advance', () => {
  let target: string;
  let reference: ReturnType<typeof outcome>;

  it('a sandbox that advances a year without interruption is the reference', async () => {
    const dataDir = join(parent, 'reference');
    const sandbox = await startSandbox(dataDir);
    await autopayForMarie(sandbox.url);
    const clock = (await (await fetch(`${sandbox.url}/sandbox/clock`)).json()) as { now: string };
    target = `${Number(clock.now.slice(0, 4)) + 1}${clock.now.slice(4, 10)}`;
    const advanced = await espace(['sandbox', 'clock', 'advance', '--to', target, '--data', dataDir]);
    expect(advanced.code, advanced.stderr).toBe(0);
    sandbox.child.kill('SIGTERM');
    await sandbox.exit;
    reference = outcome(dataDir);
    // Twelve bill runs for each of the three customers, twelve autopay debits for Marie.
    expect(reference.events.filter((e: any) => e.key.startsWith('bill-run:'))).toHaveLength(36);
    expect(reference.debits).toHaveLength(12);
  }, 300_000);

  it('killed on an event and advanced again, it ends exactly where the reference did', async () => {
    const dataDir = join(parent, 'killed');
    const first = await startSandbox(dataDir);
    await autopayForMarie(first.url);
    const advance = fetch(`${first.url}/sandbox/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: target }),
    }).then(
      () => 'answered',
      () => 'cut',
    );
    // Killed on the tenth event's line: about a month into a year of some eighty events.
    await first.eventLine(10);
    first.child.kill('SIGKILL');
    expect(await advance).toBe('cut');
    await first.exit;

    const second = await startSandbox(dataDir);
    const clock = (await (await fetch(`${second.url}/sandbox/clock`)).json()) as { now: string };
    // It really stopped in the middle: the clock is short of the target, some events are done.
    expect(clock.now < `${target}T12:00:00.000Z`).toBe(true);
    const partial = outcome(dataDir);
    expect(partial.events.length).toBeGreaterThan(0);
    expect(partial.events.length).toBeLessThan(reference.events.length);

    const advanced = await espace(['sandbox', 'clock', 'advance', '--to', target, '--data', dataDir]);
    expect(advanced.code, advanced.stderr).toBe(0);
    const log = await espace(['sandbox', 'clock', 'log', '--data', dataDir, '--json']);
    expect(log.code, log.stderr).toBe(0);
    const keys = (JSON.parse(log.stdout) as { key: string }[]).map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    second.child.kill('SIGTERM');
    await second.exit;

    const after = outcome(dataDir);
    expect(after.events).toEqual(reference.events);
    expect(after.outages).toEqual(reference.outages);
    expect(after.bills).toEqual(reference.bills);
    expect(after.debits).toEqual(reference.debits);
  }, 300_000);
});
