/**
 * Credentials in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service
 * on Linux) through `@napi-rs/keyring`: one entry per context, service `espace`, the login as JSON.
 *
 * Two things shape this module. A keychain can hang (a locked keyring waiting on a prompt, a
 * frozen D-Bus), so every call races a deadline. And most commands never touch the keychain, so
 * the native module is only loaded by the first call.
 */
import { stat } from 'node:fs/promises';
import { connect, type NetConnectOpts } from 'node:net';
import { join } from 'node:path';
import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';
import { AuthError, EspaceError, GeneralError, UsageError } from '../errors.js';
import type { Lang, MessageKey, MessageParams } from '../i18n/catalog.js';
import { authMessages } from '../i18n/messages/auth.js';
import { parseStoredCredentials, type CredentialStore, type StoredCredentials } from './credential-store.js';

/** The keychain service name every espace entry is filed under. */
export const KEYCHAIN_SERVICE = 'espace';

/** How long a keychain call may take when neither the caller nor the environment says. */
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 5000;

/** Why the keychain could not be reached: one of the `auth.keychainReason.*` messages. */
export type KeychainReasonKey = Extract<MessageKey, `auth.keychainReason.${string}`>;

/**
 * A reason in English, as the catalog renders it, from the auth table alone: reading a login (every
 * command, every TAB completing an id) does not load the whole catalog for an error it may never
 * raise. Line breaks in a parameter become spaces, as in every catalog message.
 */
function englishReason(key: KeychainReasonKey, params: MessageParams): string {
  return authMessages[key].en.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]).replace(/\r\n|[\n\v\f\r\u0085\u2028\u2029]/g, ' ') : whole,
  );
}

/**
 * The keychain could not be reached (no D-Bus session, no Secret Service, locked, no answer in
 * time). Callers may fall back to the file store when the user allowed it.
 *
 * The `reason` param is rendered in English so that the error reads well anywhere; `reasonKey`
 * and `reasonParams` let a caller render it in the user's language instead.
 */
export class KeychainUnavailableError extends GeneralError {
  readonly reasonKey: KeychainReasonKey;
  readonly reasonParams: MessageParams;

  constructor(reasonKey: KeychainReasonKey, reasonParams: MessageParams = {}, cause?: unknown) {
    super('auth.keychainUnavailable', {
      params: { reason: englishReason(reasonKey, reasonParams) },
      messageParams: { reason: { key: reasonKey, params: reasonParams } },
      hint: 'auth.keychainUnavailableHint',
      hintParams: {},
      cause,
    });
    this.reasonKey = reasonKey;
    this.reasonParams = reasonParams;
  }
}

/**
 * Whether an error means "the keychain cannot be reached" rather than "the keychain answered
 * with a problem". Goes by the message key so that test doubles need not build the subclass.
 */
export function isKeychainUnavailable(error: unknown): error is EspaceError {
  return error instanceof EspaceError && error.key === 'auth.keychainUnavailable';
}

/**
 * Reads `ESPACE_KEYCHAIN_TIMEOUT_MS`: undefined when unset, a UsageError when it is not a
 * positive whole number (a typo should not silently become "wait forever" or "never wait").
 */
export function keychainTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.ESPACE_KEYCHAIN_TIMEOUT_MS;
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value <= 0) {
    throw new UsageError('auth.keychainTimeoutInvalid', { params: { value: raw } });
  }
  return value;
}

/** Options of {@link KeychainStore}. */
export interface KeychainStoreOptions {
  /** Deadline of each call; wins over `ESPACE_KEYCHAIN_TIMEOUT_MS`, which wins over 5000 ms. */
  timeoutMs?: number;
}

type KeyringModule = typeof import('@napi-rs/keyring');
let keyringModule: Promise<KeyringModule> | undefined;

function loadKeyring(): Promise<KeyringModule> {
  keyringModule ??= import('@napi-rs/keyring');
  return keyringModule;
}

const usesSecretService = process.platform === 'linux' || process.platform === 'freebsd';

// Without a pinned store the binding silently falls back to the kernel keyring when there is no
// Secret Service: an in-memory store that loses the login at reboot and that would make "no
// keychain here" undetectable. Pinning makes a missing Secret Service an error we can explain.
const entryOptions: EntryOptions | undefined = usesSecretService ? { linux: { store: 'secret-service' } } : undefined;

/** The OS keychain as a {@link CredentialStore}; every call is bounded by `timeoutMs`. */
export class KeychainStore implements CredentialStore {
  readonly source = 'keychain' as const;
  readonly timeoutMs: number;

  constructor(options: KeychainStoreOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? keychainTimeoutFromEnv() ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
  }

  async get(account: string): Promise<StoredCredentials | undefined> {
    const secret = await this.call(account, (entry, signal) => entry.getPassword(signal));
    if (secret === null || secret === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(secret);
    } catch {
      // SyntaxError messages quote the input, which is a secret: say only what is wrong.
      return corruptEntry(account, 'not valid JSON');
    }
    const parsed = parseStoredCredentials(value);
    return parsed.ok ? parsed.credentials : corruptEntry(account, parsed.problem);
  }

  async set(account: string, value: StoredCredentials): Promise<void> {
    const secret = JSON.stringify(value);
    await this.call(account, (entry, signal) => entry.setPassword(secret, signal));
  }

  async delete(account: string): Promise<boolean> {
    return this.call(account, (entry, signal) => entry.deleteCredential(signal));
  }

  /**
   * Runs one keychain operation under the deadline. The binding's AbortSignal only cancels work
   * that has not started yet, so the deadline is a race. Its constructor talks to D-Bus
   * synchronously, where no timer can interrupt it, so the bus is checked first without blocking;
   * what remains is the constructor's own call to the Secret Service, which the binding bounds
   * at about 2 s.
   */
  private async call<T>(account: string, operation: (entry: AsyncEntry, signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new KeychainUnavailableError('auth.keychainReason.timeout', { ms: this.timeoutMs }));
      }, this.timeoutMs);
    });
    const work = (async () => {
      if (usesSecretService) await ensureSessionBusAnswers(controller.signal);
      let keyring: KeyringModule;
      try {
        keyring = await loadKeyring();
      } catch (error) {
        throw new KeychainUnavailableError('auth.keychainReason.moduleMissing', { detail: firstLine(error) }, error);
      }
      // Past the deadline: starting now could block on a bus that has stopped answering.
      if (controller.signal.aborted) throw controller.signal.reason;
      const entry = new keyring.AsyncEntry(KEYCHAIN_SERVICE, account, entryOptions);
      return operation(entry, controller.signal);
    })();
    // Once the deadline has won, a late failure of the abandoned call is of no interest.
    work.catch(() => undefined);
    try {
      return await Promise.race([work, deadline]);
    } catch (error) {
      throw toKeychainError(error, account);
    } finally {
      clearTimeout(timer);
    }
  }
}

function corruptEntry(account: string, problem: string): never {
  throw new AuthError('auth.keychainEntryCorrupt', {
    params: { account, problem },
    hint: 'auth.corruptEntryHint',
    hintParams: { account },
  });
}

/**
 * Turns what the binding throws into an espace error. The binding only gives messages (every
 * error has code `GenericFailure`), so this goes by the words of keyring-rs and libdbus.
 */
function toKeychainError(error: unknown, account: string): EspaceError {
  if (error instanceof EspaceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const detail = innermostMessage(error);
  if (/autolaunch|DBUS_SESSION_BUS_ADDRESS/i.test(message)) {
    return new KeychainUnavailableError('auth.keychainReason.noSession', {}, error);
  }
  if (/org\.freedesktop\.secrets/.test(message) && /not provided|ServiceUnknown|no such name/i.test(message)) {
    return new KeychainUnavailableError('auth.keychainReason.noService', {}, error);
  }
  if (/did not receive a reply|timed out|timeout/i.test(message)) {
    return new KeychainUnavailableError('auth.keychainReason.noReply', {}, error);
  }
  if (/failed to connect|connection refused|no such file|address does not contain|unknown address/i.test(message)) {
    return new KeychainUnavailableError('auth.keychainReason.busUnreachable', { detail }, error);
  }
  if (/couldn't access platform storage|locked|unlock/i.test(message)) {
    return new KeychainUnavailableError('auth.keychainReason.locked', { detail }, error);
  }
  if (/platform failure|no default (credential )?store/i.test(message)) {
    return new KeychainUnavailableError('auth.keychainReason.other', { detail }, error);
  }
  // The keychain answered but refused (an ambiguous entry, an attribute it rejects…).
  return new GeneralError('auth.keychainFailed', { params: { account, detail }, cause: error });
}

/** keyring-rs wraps errors in prefixes ("Platform failure: DBus error: …"); the core is last. */
function innermostMessage(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return firstLine(current);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * Makes sure the D-Bus session bus answers before the binding connects to it. libdbus connects
 * synchronously, with no limit on the handshake and 25 s on the bus's first reply, and that would
 * freeze the whole process, timers included. So this does the same first steps without blocking:
 * authenticate, then `Hello`, and wait (until the deadline aborts it) for any answer. A bus that
 * refuses or cannot be dialled is left for the binding to report in its own words.
 */
async function ensureSessionBusAnswers(signal: AbortSignal): Promise<void> {
  const address = await sessionBusAddress(process.env);
  if (address === undefined) throw new KeychainUnavailableError('auth.keychainReason.noSession');
  const target = socketOf(address);
  if (target === undefined) return;
  await new Promise<void>((resolve) => {
    const socket = connect(target);
    let greeting = '';
    let registering = false;
    const done = () => {
      signal.removeEventListener('abort', done);
      socket.destroy();
      resolve();
    };
    socket.once('connect', () => {
      // EXTERNAL authenticates by the socket's credentials; the argument is our uid, hex-encoded.
      const uid = Buffer.from(String(process.getuid?.() ?? '')).toString('hex');
      socket.write(`\0AUTH EXTERNAL ${uid}\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      if (registering) return done();
      greeting += chunk.toString('latin1');
      if (!greeting.includes('\r\n')) return;
      if (!greeting.startsWith('OK ')) return done();
      registering = true;
      socket.write(Buffer.concat([Buffer.from('BEGIN\r\n'), HELLO]));
    });
    socket.once('error', done);
    socket.once('close', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The bus's `Hello` method call, marshalled once (little-endian, serial 1, no body): header
 * fields PATH, DESTINATION, INTERFACE and MEMBER, each an 8-aligned (code, variant) struct.
 */
const HELLO: Buffer = (() => {
  const fields: [code: number, signature: string, value: string][] = [
    [1, 'o', '/org/freedesktop/DBus'],
    [6, 's', 'org.freedesktop.DBus'],
    [2, 's', 'org.freedesktop.DBus'],
    [3, 's', 'Hello'],
  ];
  const buffer = Buffer.alloc(256);
  buffer.write('l\x01\x00\x01', 0, 'latin1'); // endianness, METHOD_CALL, no flags, version 1
  buffer.writeUInt32LE(0, 4); // body length
  buffer.writeUInt32LE(1, 8); // serial
  let offset = 16; // after the fields array's length, already 8-aligned
  const align = (to: number) => {
    while (offset % to !== 0) buffer[offset++] = 0;
  };
  for (const [code, signature, value] of fields) {
    align(8);
    offset = buffer.writeUInt8(code, offset);
    offset = buffer.writeUInt8(1, offset);
    offset += buffer.write(`${signature}\0`, offset, 'latin1');
    align(4);
    offset = buffer.writeUInt32LE(value.length, offset);
    offset += buffer.write(`${value}\0`, offset, 'latin1');
  }
  buffer.writeUInt32LE(offset - 16, 12);
  align(8);
  return buffer.subarray(0, offset);
})();

/** Where libdbus would look for the session bus, in the same order. */
async function sessionBusAddress(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (env.DBUS_SESSION_BUS_ADDRESS) return env.DBUS_SESSION_BUS_ADDRESS;
  // Without the variable, libdbus uses the systemd user bus if there is one.
  if (!env.XDG_RUNTIME_DIR) return undefined;
  const path = join(env.XDG_RUNTIME_DIR, 'bus');
  try {
    return (await stat(path)).isSocket() ? `unix:path=${path}` : undefined;
  } catch {
    return undefined;
  }
}

/** The first address of a D-Bus address list, as socket options, if it is one we can dial. */
function socketOf(address: string): NetConnectOpts | undefined {
  const first = address.split(';', 1)[0] ?? '';
  const colon = first.indexOf(':');
  if (colon < 0) return undefined;
  const transport = first.slice(0, colon);
  const params = new Map<string, string>();
  for (const pair of first.slice(colon + 1).split(',')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    try {
      params.set(pair.slice(0, equals), decodeURIComponent(pair.slice(equals + 1)));
    } catch {
      return undefined;
    }
  }
  if (transport === 'unix') {
    const path = params.get('path');
    if (path) return { path };
    const abstract = params.get('abstract');
    if (abstract) return { path: `\0${abstract}` };
  }
  if (transport === 'tcp') {
    const port = Number(params.get('port'));
    if (Number.isInteger(port) && port > 0) return { host: params.get('host') ?? 'localhost', port };
  }
  return undefined;
}

/** Result of {@link probeKeychain}. */
export type KeychainProbe = { ok: true } | { ok: false; reason: string; reasonKey?: string };

/** An account name no context uses: reading it is a cheap, prompt-free check of the keychain. */
export const KEYCHAIN_PROBE_ACCOUNT = 'espace-probe-no-such-entry';

/**
 * Checks that the keychain answers, by reading an entry that does not exist (cheap, and it never
 * prompts). Used by `espace doctor`. Note that on the Secret Service a locked keyring can still
 * answer this read: only reading a stored entry needs it unlocked.
 */
export async function probeKeychain(timeoutMs?: number, lang: Lang = 'en'): Promise<KeychainProbe> {
  const { translate } = await import('../i18n/catalog.js');
  try {
    await new KeychainStore(timeoutMs === undefined ? {} : { timeoutMs }).get(KEYCHAIN_PROBE_ACCOUNT);
    return { ok: true };
  } catch (error) {
    if (error instanceof KeychainUnavailableError) {
      return { ok: false, reason: translate(lang, error.reasonKey, error.reasonParams), reasonKey: error.reasonKey };
    }
    // Someone stored a bad entry under the probe's name: the keychain answered, which is the point.
    if (error instanceof EspaceError && error.key === 'auth.keychainEntryCorrupt') return { ok: true };
    if (error instanceof EspaceError) return { ok: false, reason: translate(lang, error.key, error.params) };
    return { ok: false, reason: firstLine(error) };
  }
}
