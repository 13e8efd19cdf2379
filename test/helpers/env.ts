/**
 * The environment a test gives the CLI: one place that says which server, which token, where the
 * config and data live, and whether a keychain is reachable, so that no test depends on the shell
 * that started the suite. Variables the developer's shell exports (`ESPACE_*`, LC_ALL, LC_MESSAGES)
 * never reach a command under test: a test sets what it needs or nothing.
 */
import { join } from 'node:path';
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';
import { TEST_PASSWORD_COST } from './sandbox.js';

/** The seeded customers' password (marie, james and luc share it), as the demo prints it. */
export const DEMO_PASSWORD = SEED_CREDENTIALS.marie.password;

/** Where nothing exists: a command that reads config or data from there finds none and writes none. */
export const NO_CONFIG_DIR = '/nonexistent/espace-test';
export const NO_DATA_DIR = '/nonexistent/espace-data';
/** A D-Bus address nothing listens on: a fresh headless machine, no keychain reachable. */
export const NO_BUS = 'unix:path=/nonexistent/espace-no-bus';

export interface CliEnvOptions {
  /** The server the CLI talks to (ESPACE_API_URL). */
  url?: string;
  /** An access token (ESPACE_TOKEN). */
  token?: string;
  /**
   * The test's own directory: config in HOME/config, data in HOME/data. Without it both point
   * where nothing exists.
   */
  home?: string;
  /** false: no keychain reachable (a D-Bus address nothing listens on). Default: the suite's keyring, if any. */
  keychain?: boolean;
  /** Anything else, last (an `undefined` value removes the variable). */
  extra?: Record<string, string | undefined>;
}

/**
 * The variables a test sets for the CLI. Sandboxes the CLI starts (`espace demo`, `sandbox start`)
 * hash passwords at the test cost. For in-process runs (`runCli`) this is the whole environment;
 * spawned processes get it over {@link inheritedEnv}. A variable `extra` sets to `undefined` stays
 * there as `undefined`, so that it also unsets what the suite's environment or `runCli` would give.
 */
export function cliEnv(options: CliEnvOptions = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    LANG: 'en_CA.UTF-8',
    NO_COLOR: '1',
    ESPACE_SANDBOX_PASSWORD_COST: String(TEST_PASSWORD_COST),
    ESPACE_CONFIG_DIR: options.home === undefined ? NO_CONFIG_DIR : join(options.home, 'config'),
    ESPACE_DATA_DIR: options.home === undefined ? NO_DATA_DIR : join(options.home, 'data'),
    ...(options.url === undefined ? {} : { ESPACE_API_URL: options.url }),
    ...(options.token === undefined ? {} : { ESPACE_TOKEN: options.token }),
    ...(options.keychain === false ? { DBUS_SESSION_BUS_ADDRESS: NO_BUS } : {}),
    ...options.extra,
  };
  return env;
}

/** Whether a variable of the test process must not reach a command under test. */
export function isShellSpecific(name: string): boolean {
  // LC_ALL and LC_MESSAGES would outrank the LANG a test sets (POSIX precedence).
  return name.startsWith('ESPACE_') || name === 'LC_ALL' || name === 'LC_MESSAGES';
}

/** The test process's environment (PATH, the suite's D-Bus session, TMPDIR…) without `ESPACE_*`, LC_ALL or LC_MESSAGES. */
export function inheritedEnv(): Record<string, string> {
  return defined(Object.fromEntries(Object.entries(process.env).filter(([name]) => !isShellSpecific(name))));
}

/** A spawned process's whole environment: {@link inheritedEnv} with the test's variables over it. */
export function processEnv(env: Record<string, string | undefined> = {}): Record<string, string> {
  return defined({ ...inheritedEnv(), LANG: 'en_CA.UTF-8', NO_COLOR: '1', ...env });
}

function defined(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
