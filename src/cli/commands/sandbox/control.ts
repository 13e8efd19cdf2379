/**
 * Starting and stopping the sandbox program in the background. The sandbox writes
 * `DATA/sandbox.json` ({pid, url, port}) once it listens and removes it when it stops, so that
 * file is the readiness signal, checked together with the process and its /health endpoint.
 */
import { spawn } from 'node:child_process';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxEntry } from '../../../config/paths.js';
import { GeneralError } from '../../../errors.js';
import { processAlive } from '../../../process-alive.js';

export interface SandboxState {
  pid: number;
  url: string;
  port: number;
  startedAt?: string;
  /** The sandbox's profile (`default` or `plain`); absent in the state file of older sandboxes. */
  profile?: string;
}

/** The profile a running sandbox serves. */
export function profileOf(state: SandboxState): string {
  return state.profile ?? 'default';
}

export function stateFile(dataDir: string): string {
  return join(dataDir, 'sandbox.json');
}

export function logFile(dataDir: string): string {
  return join(dataDir, 'sandbox.log');
}

function readState(dataDir: string): SandboxState | undefined {
  try {
    const state = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as SandboxState;
    return typeof state.pid === 'number' && typeof state.url === 'string' ? state : undefined;
  } catch {
    return undefined;
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** The running sandbox of a data directory, if its process is alive and answers. */
export async function runningSandbox(dataDir: string): Promise<SandboxState | undefined> {
  const state = readState(dataDir);
  if (!state || !processAlive(state.pid)) return undefined;
  return (await healthy(state.url)) ? state : undefined;
}

export interface StartOptions {
  dataDir: string;
  port: number;
  /** `--profile` of the sandbox program; without it the program follows ESPACE_SANDBOX_PROFILE. */
  profile?: string;
  /** Extra arguments for the sandbox program (e.g. --reset). */
  extraArgs?: string[];
  timeoutMs?: number;
}

const POLL_MS = 50;

/** Starts the sandbox detached from this process and waits until it answers. */
export async function startSandboxProcess(options: StartOptions): Promise<SandboxState> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const log = openSync(logFile(options.dataDir), 'a', 0o600);
  const child = spawn(
    process.execPath,
    [
      sandboxEntry(),
      '--data',
      options.dataDir,
      '--port',
      String(options.port),
      ...(options.profile ? ['--profile', options.profile] : []),
      ...(options.extraArgs ?? []),
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  let exitCode: number | null = null;
  child.on('exit', (code) => {
    exitCode = code ?? 1;
  });
  child.unref();

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exitCode !== null) break;
    const state = readState(options.dataDir);
    if (state && state.pid === child.pid && (await healthy(state.url))) return state;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  if (exitCode === null) child.kill('SIGTERM');
  throw new GeneralError('sandbox.startFailed', {
    params: { log: logFile(options.dataDir), reason: lastLogLine(options.dataDir) },
  });
}

/** How much of the end of the log is read for its last line: the log grows with every start. */
const LOG_TAIL_BYTES = 64 * 1024;

/** The last line of the sandbox's log, read from its end only (the log may be huge). */
export function lastLogLine(dataDir: string): string {
  let fd: number;
  try {
    fd = openSync(logFile(dataDir), 'r');
  } catch {
    return '';
  }
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, LOG_TAIL_BYTES));
    const read = readSync(fd, tail, 0, tail.length, size - tail.length);
    const lines = tail.subarray(0, read).toString('utf8').trim().split('\n');
    return lines.at(-1) ?? '';
  } catch {
    return '';
  } finally {
    closeSync(fd);
  }
}

/** Stops the sandbox and waits for its process to end; false when none was running. */
export async function stopSandboxProcess(dataDir: string, timeoutMs = 15_000): Promise<boolean> {
  const state = readState(dataDir);
  if (!state || !processAlive(state.pid)) return false;
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (processAlive(state.pid)) {
    if (Date.now() > deadline) {
      process.kill(state.pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}

/** Deletes and reseeds the database with the sandbox program's own --reset --seed-only (plus `extraArgs`). */
export async function reseed(dataDir: string, extraArgs: readonly string[] = []): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const child = spawn(process.execPath, [sandboxEntry(), '--data', dataDir, '--reset', '--seed-only', ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number>((resolve) => child.on('exit', (exit) => resolve(exit ?? 1)));
  if (code !== 0) throw new GeneralError('sandbox.resetFailed', { params: { reason: stderr.trim().split('\n').at(-1) ?? '' } });
}

/**
 * A fresh database (see `reseed`), with the sandbox stopped meanwhile and started again on its port
 * if it was running. Returns how long the reseeding itself took, in milliseconds.
 */
export async function reseedAndRestart(dataDir: string, extraArgs: readonly string[] = []): Promise<number> {
  const running = await runningSandbox(dataDir);
  if (running) await stopSandboxProcess(dataDir);
  const started = Date.now();
  await reseed(dataDir, extraArgs);
  const elapsedMs = Date.now() - started;
  if (running) await startSandboxProcess({ dataDir, port: running.port, profile: profileOf(running) });
  return elapsedMs;
}
