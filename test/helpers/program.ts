/** A node program run as a child process in a test, and waiting on the files it writes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';

export interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Starts `node program ...args`, collecting its output. */
export function runProgram(program: string, args: string[]): Run {
  const child = spawn(process.execPath, [program, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => (err += chunk));
  const exit = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Resolves when `file` appears in the existing `dir`; rejects if the process exits first. */
export function waitForFile(dir: string, file: string, process: Run): Promise<void> {
  return new Promise((done, fail) => {
    const path = join(dir, file);
    const check = () => {
      if (existsSync(path)) {
        watcher.close();
        done();
      }
    };
    const watcher = watch(dir, check);
    check();
    void process.exit.then((code) => {
      watcher.close();
      fail(new Error(`${file} was not written: the program exited with ${code}: ${process.stderr()}`));
    });
  });
}
