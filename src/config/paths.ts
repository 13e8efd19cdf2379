/**
 * Where espace keeps things, following the XDG base directories on Linux and macOS and
 * %APPDATA% on Windows. `ESPACE_CONFIG_DIR` and `ESPACE_DATA_DIR` override them (tests use these).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

type Env = Record<string, string | undefined>;

export function configDir(env: Env): string {
  if (env.ESPACE_CONFIG_DIR) return env.ESPACE_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'espace', 'Config');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'espace');
}

export function dataDir(env: Env): string {
  if (env.ESPACE_DATA_DIR) return env.ESPACE_DATA_DIR;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'espace', 'Data');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'espace');
}

export function sandboxDataDir(env: Env): string {
  return join(dataDir(env), 'sandbox');
}

/** The sandbox program, next to the CLI bundle (dist/cli/main.js and dist/chunks/* alike). */
export function sandboxEntry(): string {
  return new URL('../sandbox/main.js', import.meta.url).pathname;
}
