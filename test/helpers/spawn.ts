/** Runs the built CLI (bin/espace.js → dist/) as a user would: a new process each time. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processEnv } from './env.js';

export const ESPACE_BIN = fileURLToPath(new URL('../../bin/espace.js', import.meta.url));
/** The built sandbox program (dist/sandbox/main.js). */
export const SANDBOX_PROGRAM = fileURLToPath(new URL('../../dist/sandbox/main.js', import.meta.url));

export interface SpawnResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface EspaceOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  replaceEnv?: boolean;
  /** Kills the process (SIGKILL) when aborted: a test that ends early leaves no run behind to disturb the next. */
  signal?: AbortSignal;
}

export function espace(args: string[], options: EspaceOptions = {}): Promise<SpawnResult> {
  // The test's variables over the suite's environment, less what the developer's shell exported (env.ts).
  const env = options.replaceEnv
    ? Object.fromEntries(
        Object.entries({ LANG: 'en_CA.UTF-8', NO_COLOR: '1', ...options.env }).filter((entry): entry is [string, string] => entry[1] !== undefined),
      )
    : processEnv(options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ESPACE_BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => {
      if (error.name !== 'AbortError') reject(error);
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    // A command that never reads its input may end before the input reaches it (EPIPE, on a busy
    // machine): what it printed and its exit code are what the test checks.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
