/**
 * The built CLI as a child process, for what only a process shows: exit codes, signals, and two
 * commands running at once. Waits on what the child writes, never on time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { ESPACE_BIN } from '../helpers/spawn.js';
import { processEnv } from '../helpers/env.js';

export interface Spawned {
  child: ChildProcess;
  /** Resolves when stderr matches (checked on every chunk); rejects if the child ends first. */
  stderrMatches(pattern: RegExp): Promise<void>;
  /** The exit code (null when ended by a signal), with everything written. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function spawnEspace(args: string[], env: Record<string, string | undefined>): Spawned {
  const child = spawn(process.execPath, [ESPACE_BIN, ...args], {
    env: processEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const watcher of [...watchers]) {
      if (watcher.pattern.test(stderr)) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve();
      }
    }
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    done,
    stderrMatches: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(stderr)) return resolve();
        watchers.push({ pattern, resolve });
        void done.then((end) => reject(new Error(`espace ended (exit ${end.code}, ${end.signal}) before writing ${pattern}; stderr:\n${end.stderr}`)));
      }),
  };
}
