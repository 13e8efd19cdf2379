/**
 * The sandbox as a background program (what `espace sandbox start` spawns):
 *
 *   node dist/sandbox/main.js --data DIR [--port N] [--host H] [--access-ttl SECONDS]
 *                             [--seed-anchor YYYY-MM-DD] [--reset] [--seed-only] [--log]
 *                             [--synthetic-accounts N] [--profile default|plain] [--password-cost N]
 *
 * Opens or creates DIR/sandbox.db (DIR mode 0700), seeds it if empty (`--reset` deletes it first),
 * and with `--seed-only` exits there. Otherwise it listens and only then writes DIR/sandbox.json
 * ({pid, url, port, startedAt}, plus profile unless default), atomically, so whoever sees the file
 * can connect. SIGTERM and SIGINT close the server and the database, remove sandbox.json and exit 0. Nothing goes to stdout unless
 * `--log` asks for request logs; errors go to stderr. Exit codes: 0 ok, 1 failure (e.g. port in
 * use), 2 usage error. `--synthetic-accounts N` adds N generated accounts when seeding (for volume).
 * `--profile plain` (or ESPACE_SANDBOX_PROFILE=plain when no --profile is given) serves as a minimal
 * conformant TMF v4 server (profile/plain.ts).
 * `--password-cost N` (or ESPACE_SANDBOX_PASSWORD_COST=N) hashes passwords at scrypt cost 2^N instead
 * of the production 2^17, seeded users included when the database is seeded: for test runs only
 * (auth/password-cost.ts).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultSeedAnchor, parseSeedAnchor } from './dates.js';
import { getMeta, openDatabase, type SandboxDatabase } from './db.js';
import { PASSWORD_COST_ENV, parsePasswordCost, rehashSeededPasswords } from './auth/password-cost.js';
import { PRODUCTION_LOG_N } from './auth/password.js';
import { PROFILE_ENV, parseProfile, type SandboxProfile } from './profile/profiles.js';
import { ensureSeeded } from './seed.js';
import { ORDER_PROGRESS } from './clock/order-progress.js';
import { DEFAULT_HOST, DEFAULT_PORT, startSandbox, type RunningSandbox } from './server.js';

export const STATE_FILE = 'sandbox.json';

const USAGE =
  'usage: main.js --data DIR [--port N] [--host H] [--access-ttl SECONDS] [--seed-anchor YYYY-MM-DD] [--reset] [--seed-only] [--log] [--synthetic-accounts N] [--profile default|plain] [--password-cost N]';

/** A bad argument or environment variable of the sandbox program (not the CLI's UsageError): printed with the usage, exit 2. */
class SandboxArgumentError extends Error {}

interface Settings {
  dataDir: string;
  host: string;
  port: number;
  accessTtl: number | undefined;
  seedAnchor: string;
  /** Whether --seed-anchor was given (rather than defaulted). */
  explicitAnchor: boolean;
  syntheticAccounts: number;
  reset: boolean;
  seedOnly: boolean;
  log: boolean;
  profile: SandboxProfile;
  /** scrypt cost (log2 N) of password hashes: the production cost unless a test run asks for less. */
  passwordCost: number;
}

function parseSettings(argv: string[]): Settings {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'access-ttl': { type: 'string' },
        'seed-anchor': { type: 'string' },
        reset: { type: 'boolean' },
        'seed-only': { type: 'boolean' },
        log: { type: 'boolean' },
        'synthetic-accounts': { type: 'string' },
        profile: { type: 'string' },
        'password-cost': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new SandboxArgumentError((error as Error).message);
  }
  if (!values.data) throw new SandboxArgumentError('--data DIR is required');
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new SandboxArgumentError(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  const accessTtl = values['access-ttl'] === undefined ? undefined : Number(values['access-ttl']);
  if (accessTtl !== undefined && (!/^\d+$/.test(values['access-ttl'] ?? '') || accessTtl < 1)) {
    throw new SandboxArgumentError(`--access-ttl must be a positive number of seconds, got "${values['access-ttl']}"`);
  }
  const synthetic = values['synthetic-accounts'] ?? '0';
  if (!/^\d{1,6}$/.test(synthetic)) throw new SandboxArgumentError(`--synthetic-accounts must be a number of accounts, got "${synthetic}"`);
  const seedAnchor = values['seed-anchor'] ?? defaultSeedAnchor(new Date());
  try {
    parseSeedAnchor(seedAnchor);
  } catch (error) {
    throw new SandboxArgumentError(`--seed-anchor: ${(error as Error).message}`);
  }
  let profile: SandboxProfile;
  try {
    profile = parseProfile(values.profile ?? process.env[PROFILE_ENV] ?? 'default');
  } catch (error) {
    throw new SandboxArgumentError(`${values.profile === undefined ? PROFILE_ENV : '--profile'}: ${(error as Error).message}`);
  }
  let passwordCost = PRODUCTION_LOG_N;
  const costText = values['password-cost'] ?? process.env[PASSWORD_COST_ENV];
  try {
    if (costText !== undefined && costText !== '') passwordCost = parsePasswordCost(costText);
  } catch (error) {
    throw new SandboxArgumentError(`${values['password-cost'] === undefined ? PASSWORD_COST_ENV : '--password-cost'}: ${(error as Error).message}`);
  }
  return {
    dataDir: values.data,
    host: values.host ?? DEFAULT_HOST,
    port,
    accessTtl,
    seedAnchor,
    explicitAnchor: values['seed-anchor'] !== undefined,
    syntheticAccounts: Number(synthetic),
    reset: values.reset ?? false,
    seedOnly: values['seed-only'] ?? false,
    log: values.log ?? false,
    profile,
    passwordCost,
  };
}

/** Writes the state file through a temporary file and a rename, so no reader sees half of it. */
function writeStateFile(dataDir: string, state: object): void {
  const temporary = join(dataDir, `.${STATE_FILE}.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, join(dataDir, STATE_FILE));
}

/** Removes the state file if it is still this process's (a newer sandbox may have replaced it). */
function removeStateFile(dataDir: string): void {
  const path = join(dataDir, STATE_FILE);
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown };
    if (state.pid === process.pid) rmSync(path, { force: true });
  } catch {
    // Already gone or unreadable: nothing of ours to remove.
  }
}

function listenErrorMessage(error: NodeJS.ErrnoException, settings: Settings): string {
  if (error.code === 'EADDRINUSE') return `port ${settings.port} is already in use on ${settings.host}; choose another with --port`;
  if (error.code === 'EACCES') return `not allowed to listen on ${settings.host}:${settings.port}; choose a port above 1023 with --port`;
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return `cannot listen on host ${settings.host}: no such local address`;
  return `cannot start the sandbox: ${error.message}`;
}

/** An existing database keeps its data: say so when it was seeded for another anchor than asked. */
function warnAboutAnchor(db: SandboxDatabase, settings: Settings): void {
  const stored = getMeta(db, 'seed_anchor');
  if (settings.explicitAnchor && stored !== undefined && stored !== settings.seedAnchor) {
    process.stderr.write(
      `warning: ${join(settings.dataDir, 'sandbox.db')} was seeded with anchor ${stored}, not ${settings.seedAnchor}; add --reset to reseed\n`,
    );
  }
}

/**
 * ESPACE_SANDBOX_CLOCK_PAUSE_MS: real milliseconds between the events of an advance. A test knob:
 * it makes an advance slow enough to interrupt in the middle.
 */
function clockPause(): { clockPauseMs?: number } {
  const value = process.env.ESPACE_SANDBOX_CLOCK_PAUSE_MS;
  if (value === undefined || value === '') return {};
  if (!/^\d{1,5}$/.test(value)) throw new SandboxArgumentError(`ESPACE_SANDBOX_CLOCK_PAUSE_MS must be a number of milliseconds, got "${value}"`);
  return { clockPauseMs: Number(value) };
}

async function serve(settings: Settings): Promise<number> {
  let running: RunningSandbox;
  try {
    running = await startSandbox({
      dataDir: settings.dataDir,
      host: settings.host,
      port: settings.port,
      seedAnchor: settings.seedAnchor,
      reset: settings.reset,
      logger: settings.log,
      profile: settings.profile,
      ...(settings.passwordCost !== PRODUCTION_LOG_N ? { passwordHashing: { logN: settings.passwordCost } } : {}),
      ...(settings.accessTtl !== undefined ? { accessTokenTtlSeconds: settings.accessTtl } : {}),
      // One line per time-driven event, once it is committed: the log says what the clock did.
      onClockEvent: (event) =>
        process.stdout.write(`clock event ${event.seq} ${event.at} ${event.key} ${event.outcome}${event.detail ? ` (${event.detail})` : ''}\n`),
      ...clockPause(),
      orderProgress: ORDER_PROGRESS,
    });
  } catch (error) {
    const errno = error as NodeJS.ErrnoException;
    // Listen failures (and an unresolvable --host) are the user's to fix: one line, exit 1.
    if (errno.syscall === 'listen' || errno.code === 'ENOTFOUND' || errno.code === 'EADDRNOTAVAIL') {
      process.stderr.write(`${listenErrorMessage(errno, settings)}\n`);
      return 1;
    }
    throw error;
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      running
        .close()
        .catch((error: unknown) => process.stderr.write(`error while stopping: ${(error as Error).message}\n`))
        .finally(() => {
          removeStateFile(settings.dataDir);
          resolve(0);
        });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    try {
      writeStateFile(settings.dataDir, {
        pid: process.pid,
        url: running.url,
        port: running.port,
        startedAt: new Date().toISOString(),
        // Named only when not the default, so the default's state file is what it always was.
        ...(settings.profile === 'default' ? {} : { profile: settings.profile }),
      });
    } catch (error) {
      process.stderr.write(`cannot write ${join(settings.dataDir, STATE_FILE)}: ${(error as Error).message}\n`);
      void running.close().finally(() => resolve(1));
    }
  });
}

async function main(argv: string[]): Promise<number> {
  let settings: Settings;
  try {
    settings = parseSettings(argv);
  } catch (error) {
    if (error instanceof SandboxArgumentError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  // Seeding here (rather than leaving it to the server) lets --seed-only stop after it.
  const db = openDatabase(settings.dataDir, { reset: settings.reset });
  try {
    if (ensureSeeded(db, settings.seedAnchor, { syntheticAccounts: settings.syntheticAccounts })) {
      if (settings.passwordCost !== PRODUCTION_LOG_N) await rehashSeededPasswords(db, settings.passwordCost);
    } else {
      warnAboutAnchor(db, settings);
    }
  } finally {
    db.close();
  }
  if (settings.seedOnly) return 0;
  return serve({ ...settings, reset: false });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`sandbox failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
