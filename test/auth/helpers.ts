/**
 * Shared pieces of the credential-storage tests: temporary directories, sample logins, the
 * real-keychain guard, and child Node processes (to test the keychain with the D-Bus session
 * removed or stalled, which must not leak into the test process itself).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { StoredCredentials } from '../../src/auth/credential-store.js';
import { inheritedEnv } from '../helpers/env.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A fresh private directory under the system's temporary directory. */
export function makeTempDir(prefix = 'espace-auth-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A valid login; tokens are recognisable so that a test can check they never leak. */
export function sampleCredentials(overrides: Partial<StoredCredentials> = {}): StoredCredentials {
  return {
    apiUrl: 'http://127.0.0.1:8443',
    accessToken: `at-SECRET-${randomBytes(4).toString('hex')}`,
    refreshToken: `rt-SECRET-${randomBytes(4).toString('hex')}`,
    tokenType: 'Bearer',
    expiresAt: '2030-01-01T00:00:00.000Z',
    username: 'marie.tremblay@example.ca',
    scope: 'customer',
    savedAt: '2029-12-31T23:00:00.000Z',
    ...overrides,
  };
}

/** A context name no other test uses, so that tests sharing one keyring cannot collide. */
export function uniqueAccount(label: string): string {
  return `test-${label}-${randomBytes(4).toString('hex')}`;
}

/**
 * Real-keychain tests need `scripts/with-keyring.sh`; without it they fail (never skip), so that
 * a run that forgot the wrapper cannot pass by testing nothing.
 */
export function requireTestKeyring(): void {
  if (process.env.ESPACE_TEST_KEYRING !== '1') {
    throw new Error(
      'These tests use a real Secret Service: run them through scripts/with-keyring.sh ' +
        '(for example `scripts/with-keyring.sh npx vitest run test/auth`), which starts a throwaway ' +
        'D-Bus session with an unlocked gnome-keyring and sets ESPACE_TEST_KEYRING=1.',
    );
  }
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time from spawn to exit. */
  ms: number;
}

/** Runs a program to its end; kills it after `killAfterMs` so that a hang fails instead of stalling the run. */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; killAfterMs?: number } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // In its own process group, so that a hang is ended for the whole tree (a wrapper's children too).
    const child = spawn(command, args, { env: options.env ?? inheritedEnv(), stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const killer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, options.killAfterMs ?? 30_000);
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** `secret-tool ARGS…`: the Secret Service as another program sees it. */
export function secretTool(args: string[], input?: string): Promise<ProcessResult> {
  return run('secret-tool', args, input === undefined ? {} : { input });
}

/**
 * The credential-storage modules bundled into one ESM file that a plain `node` child can import
 * (the child has no TypeScript loader). It lives under the repository so that the native keyring
 * module resolves from node_modules.
 */
export async function bundleAuthModules(): Promise<{ url: string; remove: () => Promise<void> }> {
  const directory = join(repoRoot, '.espace-test');
  await mkdir(directory, { recursive: true });
  const outfile = join(directory, `auth-${process.pid}-${randomBytes(4).toString('hex')}.mjs`);
  await build({
    stdin: {
      contents: [
        "export { CredentialVault } from './src/auth/vault.ts';",
        "export { KeychainStore, probeKeychain } from './src/auth/keychain-store.ts';",
        "export { FileStore } from './src/auth/file-store.ts';",
        "export { translate } from './src/i18n/catalog.ts';",
      ].join('\n'),
      resolveDir: repoRoot,
      sourcefile: 'auth-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['@napi-rs/keyring', 'zod'],
    logLevel: 'silent',
  });
  return { url: pathToFileURL(outfile).href, remove: () => rm(outfile, { force: true }) };
}

/** How {@link runAuthChild} starts its child. */
export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  /** A command that runs the child: its arguments end with `node …`, e.g. `dbus-run-session --`. */
  prefix?: string[];
  killAfterMs?: number;
}

/** What every child snippet can use: the bundled modules, an error describer, a JSON printer. */
const CHILD_PRELUDE = `
const describeError = (error) => ({
  name: error?.name, key: error?.key, params: error?.params, hint: error?.hint, reasonKey: error?.reasonKey,
  message: error?.key ? AUTH.translate('en', error.key, error.params) : String(error?.message ?? error),
  hintText: error?.hint ? AUTH.translate('en', error.hint, error.hintParams) : undefined,
});
const outcome = async (promise) => {
  const started = performance.now();
  try {
    return { ok: true, value: await promise, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, error: describeError(error), ms: performance.now() - started };
  }
};
const print = (value) => process.stdout.write(JSON.stringify(value) + '\\n');
`;

/**
 * Runs an ES module snippet in a child `node`, where `AUTH` is the bundled modules and
 * `outcome(promise)`, `describeError(error)`, `print(value)` help report. The snippet prints one
 * JSON line last, which is parsed and returned.
 */
export async function runAuthChild(bundleUrl: string, body: string, options: ChildOptions = {}): Promise<{ result: any; process: ProcessResult }> {
  const script = `const AUTH = await import(${JSON.stringify(bundleUrl)});\n${CHILD_PRELUDE}\n${body}`;
  const nodeArgs = [process.execPath, '--input-type=module', '-e', script];
  const [command, ...args] = [...(options.prefix ?? []), ...nodeArgs] as [string, ...string[]];
  const child = await run(command, args, {
    ...(options.env ? { env: options.env } : {}),
    killAfterMs: options.killAfterMs ?? 30_000,
  });
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return { result: JSON.parse(lastLine), process: child };
  } catch {
    throw new Error(
      `the child printed no JSON (code ${String(child.code)}, signal ${String(child.signal)}, ${child.ms} ms)\n` +
        `stdout: ${child.stdout}\nstderr: ${child.stderr}`,
    );
  }
}

/**
 * The environment of a process with no D-Bus session: no bus address, and an empty runtime
 * directory so that libdbus cannot fall back to `$XDG_RUNTIME_DIR/bus` either.
 */
export function envWithoutBus(runtimeDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...inheritedEnv(), XDG_RUNTIME_DIR: runtimeDir, ...extra };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.DISPLAY;
  return env;
}
