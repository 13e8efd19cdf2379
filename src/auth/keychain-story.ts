/**
 * One story about the OS keychain, told the same way by every command (`auth status`, `doctor`,
 * `demo`, and any command that needs the login): it works, it is locked (a login may well be in
 * it: unlock it), or there is none to use here (log in with --insecure-storage, or ESPACE_TOKEN).
 * Kept apart from keychain-store.ts so that reading a failure does not load the keychain module.
 */
import type { EspaceError } from '../errors.js';
import type { MessageKey, MessageParams } from '../i18n/catalog.js';

export type KeychainState = 'working' | 'locked' | 'stalled' | 'missing';

/** What a keychain failure (a KeychainUnavailableError, or its reason key) says of the keychain. */
export function keychainStateOf(reasonKey: string | undefined): KeychainState {
  if (reasonKey === undefined) return 'working';
  if (reasonKey === 'auth.keychainReason.locked') return 'locked';
  // A keychain that does not answer may hold a login: it is neither locked nor absent.
  if (reasonKey === 'auth.keychainReason.timeout' || reasonKey === 'auth.keychainReason.noReply') return 'stalled';
  return 'missing';
}

/** The reason key and parameters a keychain failure carries, when it is one. */
export function keychainReason(error: EspaceError | undefined): { key: MessageKey; params: MessageParams } | undefined {
  const reason = error as { reasonKey?: unknown; reasonParams?: MessageParams } | undefined;
  if (typeof reason?.reasonKey !== 'string') return undefined;
  return { key: reason.reasonKey as MessageKey, params: reason.reasonParams ?? {} };
}

/** The fix for each state the keychain can be in, as a message key (the same everywhere). */
export const KEYCHAIN_FIX: Record<Exclude<KeychainState, 'working'>, MessageKey> = {
  locked: 'auth.keychainLockedHint',
  stalled: 'auth.keychainStalledHint',
  missing: 'auth.keychainMissingHint',
};
