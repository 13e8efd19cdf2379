/**
 * The README's first command on a fresh machine: `espace demo` starts the sandbox in the
 * background, shows the demo customer's latest bill (five sections adding up to the total), and
 * stores nothing. Then the sandbox commands, as a user runs them.
 *
 * On the default port, as on a fresh machine; when 8642 is taken (the sandbox the README's own
 * `npm run demo` left running, say) or another suite on this machine is using it (its own quick
 * start, run beside this one), on a free port given by ESPACE_SANDBOX_PORT, which the built-in
 * context, the demo and the sandbox commands all follow.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../helpers/env.js';
import { espace } from '../helpers/spawn.js';
import { acquireRefreshLock } from '../../src/auth/refresh-lock.js';

let home: string | undefined;
let env: Record<string, string | undefined>;
let url: string;

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The demo's environment: the default port, or `port` (ESPACE_SANDBOX_PORT). */
function useSandboxPort(port: number | undefined): void {
  url = `http://127.0.0.1:${port ?? 8642}`;
  // A fresh headless machine: no keychain reachable. An ESPACE_SANDBOX_PORT the suite inherited is ignored (env.ts).
  env = cliEnv({ home, keychain: false, extra: port === undefined ? {} : { ESPACE_SANDBOX_PORT: String(port) } });
}

/**
 * Suites run side by side on one machine take turns with port 8642: the one holding this lock
 * (espace's own lock file, which names its process and is taken over once that process is gone)
 * uses it until this file ends, the others use a free port. Without it, another suite's quick
 * start could take the port while this one's sandbox restarts (`sandbox reset`). In the machine's
 * own temporary directory: every run has its own TMPDIR (test/helpers/global-setup.ts), made inside it.
 */
let releasePort: (() => Promise<void>) | undefined;

async function takeDefaultPort(): Promise<(() => Promise<void>) | undefined> {
  // No wait for a holder, and no age limit: a live holder keeps it however long its file runs.
  return acquireRefreshLock(dirname(tmpdir()), 'espace-test-default-port', { waitMs: 0, staleMs: Infinity }).catch(() => undefined);
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-quickstart-'));
  releasePort = await takeDefaultPort();
  useSandboxPort(releasePort && !(await portInUse(8642)) ? undefined : await freePort());
});
afterAll(async () => {
  if (!home) return; // beforeAll refused to start
  await espace(['sandbox', 'stop'], { env });
  rmSync(home, { recursive: true, force: true });
  await releasePort?.();
});

describe('quick start', () => {
  it('espace demo shows a bill whose five sections add up to its total, storing nothing', async () => {
    let demo = await espace(['demo'], { env });
    if (demo.code !== 0 && url.endsWith(':8642') && demo.stderr.includes('port 8642 is already in use')) {
      // Taken by another program between the look above and the start: as the error tells a
      // user, on another port.
      useSandboxPort(await freePort());
      demo = await espace(['demo'], { env });
    }
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stderr).toContain(`Sandbox running at ${url}`);
    // A headless machine: the login it suggests is one that works here, and it does.
    const suggested = /espace auth login --insecure-storage --username marie\.tremblay/.exec(demo.stderr);
    expect(suggested, demo.stderr).not.toBeNull();
    expect(demo.stderr).toMatch(/no keychain espace can use/);
    // Piped: section \t label \t amount. The sections must add up to the total due.
    const rows = demo.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    const cents = (value: string) => Math.round(Number(value) * 100);
    const subtotal = (section: string, label: string) => cents(rows.find((row) => row[0] === section && row[1] === label)![2]!);
    const totalDue = subtotal('Current charges and total due', 'Total due');
    const sum =
      subtotal('Service charges', 'Subtotal') +
      subtotal('Add-ons and features', 'Subtotal') +
      subtotal('Taxes and fees', 'Subtotal') +
      subtotal('Previous balance and payments', 'Balance carried forward');
    expect(totalDue).toBeGreaterThan(0);
    expect(sum).toBe(totalDue);
    expect(existsSync(join(home!, 'config', 'credentials.json'))).toBe(false);

    // A second run finds the sandbox running and does not start another.
    const again = await espace(['demo'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/Sandbox running at/);

    // The login the demo suggested works on this machine as it stands.
    const loginEnv = { ...env, ESPACE_CONFIG_DIR: join(home!, 'login-config') };
    const login = await espace(['auth', 'login', '--insecure-storage', '--username', 'marie.tremblay', '--password-stdin'], {
      env: loginEnv,
      input: 'Espace-Demo-2026!',
    });
    expect(login.code, login.stderr).toBe(0);
    expect((await espace(['auth', 'status'], { env: loginEnv })).code).toBe(0);
  });

  it('sandbox status, stop and reset', async () => {
    const status = await espace(['sandbox', 'status', '--json'], { env });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, url });

    const reset = await espace(['sandbox', 'reset'], { env });
    expect(reset.code, reset.stderr).toBe(0);
    expect((await espace(['sandbox', 'status'], { env })).code).toBe(0);

    expect((await espace(['sandbox', 'stop'], { env })).code).toBe(0);
    const stopped = await espace(['sandbox', 'status'], { env });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/not running/);
    expect(stopped.stderr).toMatch(/espace sandbox start/);
    expect(readdirSync(join(home!, 'data', 'sandbox'))).not.toContain('sandbox.json');
  });
});
