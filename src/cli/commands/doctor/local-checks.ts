/** Doctor checks of this machine: the keychain, and the permissions of espace's files. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CREDENTIAL_FILE_NAME } from '../../../auth/file-store.js';
import { KEYCHAIN_FIX, keychainReason, keychainStateOf } from '../../../auth/keychain-story.js';
import type { CommandDeps } from '../../command-deps.js';
import type { CheckResult } from './report.js';

/** Shorter than the keychain's own default: doctor runs many checks on one screen. */
const KEYCHAIN_PROBE_MS = 3000;
const CONFIG_FILE_NAME = 'config.json';

/**
 * The keychain, told as every command tells it (keychain-story.ts). Run after the login check:
 * a locked keyring still answers the probe (only reading a stored entry needs it unlocked), so
 * what reading the login met counts first.
 */
export async function checkKeychain(ctx: CommandDeps): Promise<CheckResult> {
  const { t, env, lang } = ctx;
  const met = keychainReason((await ctx.vault()).lastKeychainError);
  if (met && keychainStateOf(met.key) === 'locked') {
    return { id: 'keychain', status: 'warn', detail: t('doctor.keychain.locked', { reason: t(met.key, met.params) }), fix: t(KEYCHAIN_FIX.locked) };
  }
  const { keychainTimeoutFromEnv, probeKeychain } = await import('../../../auth/keychain-store.js');
  const timeout = keychainTimeoutFromEnv(env) ?? KEYCHAIN_PROBE_MS;
  const probe = await probeKeychain(timeout, lang);
  if (probe.ok) return { id: 'keychain', status: 'ok', detail: t('doctor.keychain.ok') };
  // Not fatal: a token from the environment or an --insecure-storage login works without it.
  const state = keychainStateOf(probe.reasonKey);
  const fix = state === 'working' ? KEYCHAIN_FIX.missing : KEYCHAIN_FIX[state];
  return {
    id: 'keychain',
    status: 'warn',
    detail: t(state === 'locked' ? 'doctor.keychain.locked' : 'doctor.keychain.unavailable', { reason: probe.reason }),
    fix: t(fix),
  };
}

/** Mode bits as `0644`; undefined when the path does not exist. */
async function modeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

/**
 * The rules of the credential file store (file 0600 in a 0700 directory: nothing for group or
 * others), applied to the credential file, its directory and the config file, which names the
 * APIs tokens are sent to.
 */
export async function checkFiles(ctx: CommandDeps): Promise<CheckResult> {
  const { t } = ctx;
  if (process.platform === 'win32') return { id: 'files', status: 'skip', detail: t('doctor.files.windows') };
  const dir = ctx.configDir;
  const credentials = join(dir, CREDENTIAL_FILE_NAME);
  const config = join(dir, CONFIG_FILE_NAME);
  const [dirMode, credentialsMode, configMode] = await Promise.all([modeOf(dir), modeOf(credentials), modeOf(config)]);
  const problems: string[] = [];
  const fixes: string[] = [];
  const open = (mode: number | undefined): mode is number => mode !== undefined && (mode & 0o077) !== 0;
  if (open(credentialsMode)) {
    problems.push(t('doctor.files.credentialsOpen', { path: credentials, mode: octal(credentialsMode) }));
    fixes.push(`chmod 600 ${credentials}`);
  }
  if (credentialsMode !== undefined && open(dirMode)) {
    problems.push(t('doctor.files.dirOpen', { path: dir, mode: octal(dirMode) }));
    fixes.push(`chmod 700 ${dir}`);
  }
  if (open(configMode)) {
    problems.push(t('doctor.files.configOpen', { path: config, mode: octal(configMode) }));
    fixes.push(`chmod 600 ${config}`);
  }
  if (problems.length > 0) {
    return { id: 'files', status: 'fail', detail: problems.join(' '), fix: t('doctor.files.fix', { commands: fixes.join(' && ') }) };
  }
  if (dirMode === undefined) return { id: 'files', status: 'ok', detail: t('doctor.files.none', { path: dir }) };
  return { id: 'files', status: 'ok', detail: t('doctor.files.ok', { path: dir }) };
}
