/**
 * What a spawned espace loaded: a preload (given to the process with NODE_OPTIONS=--require=…)
 * writes, at exit, every file loaded through require (the launcher, dist/) and Node's internal
 * modules (the ES module loader's among them, if it ran) to the file named by LOADED_FILE.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Loaded {
  files: string[];
  internals: string[];
}

/** Writes the preload into `dir`; returns the environment that makes a process use it and report to `reportFile`. */
export function loadedPreload(dir: string): (reportFile: string) => Record<string, string> {
  const preload = join(dir, 'loaded.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_FILE, JSON.stringify({ files: Object.keys(require.cache), internals: process.moduleLoadList })));\n",
  );
  return (reportFile) => ({ NODE_OPTIONS: `--require=${preload}`, LOADED_FILE: reportFile });
}

export function readLoaded(reportFile: string): Loaded {
  return JSON.parse(readFileSync(reportFile, 'utf8')) as Loaded;
}
