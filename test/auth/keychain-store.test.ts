/**
 * KeychainStore's own logic against a stand-in for the native binding: the deadline race, the
 * lazy import, the timeout setting, how the binding's errors are read. The stand-in's error texts
 * are the ones the real binding gives (see keychain-faults.test.ts, which provokes them for real).
 * A hanging call is the one thing the real keychain cannot do on demand.
 */
import { createServer, type Server } from 'node:net';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_KEYCHAIN_TIMEOUT_MS, KeychainStore, KeychainUnavailableError, keychainTimeoutFromEnv } from '../../src/auth/keychain-store.js';
import { AuthError, EspaceError, GeneralError, UsageError } from '../../src/errors.js';
import { makeTempDir, sampleCredentials } from './helpers.js';

interface Constructed {
  service: string;
  username: string;
  options: unknown;
}

const fake = vi.hoisted(() => ({
  imports: 0,
  constructed: [] as Constructed[],
  constructorError: undefined as Error | undefined,
  getPassword: (_signal?: AbortSignal): Promise<string | null> => Promise.resolve(null),
  setPassword: (_secret: string, _signal?: AbortSignal): Promise<void> => Promise.resolve(),
}));

vi.mock('@napi-rs/keyring', () => {
  fake.imports += 1;
  class AsyncEntry {
    constructor(service: string, username: string, options?: unknown) {
      fake.constructed.push({ service, username, options });
      if (fake.constructorError) throw fake.constructorError;
    }
    getPassword(signal?: AbortSignal) {
      return fake.getPassword(signal);
    }
    setPassword(secret: string, signal?: AbortSignal) {
      return fake.setPassword(secret, signal);
    }
    deleteCredential() {
      return Promise.resolve(false);
    }
  }
  return { AsyncEntry };
});

/** Errors shaped like the binding's: a message, code GenericFailure, a chain of causes. */
function bindingError(message: string, innermost?: string): Error {
  const cause = innermost ? Object.assign(new Error(innermost), { code: 'GenericFailure' }) : undefined;
  return Object.assign(new Error(message, { cause }), { code: 'GenericFailure' });
}

// The store first checks that the session bus answers; a socket that answers like a bus
// stands in for it, since the binding behind it is a stand-in too.
let bus: Server;
let scratch: string;
const savedAddress = process.env.DBUS_SESSION_BUS_ADDRESS;
const savedTimeout = process.env.ESPACE_KEYCHAIN_TIMEOUT_MS;

beforeAll(async () => {
  scratch = await makeTempDir();
  const path = join(scratch, 'bus');
  bus = createServer((socket) => socket.once('data', () => socket.end('REJECTED EXTERNAL\r\n')));
  await new Promise<void>((resolve) => bus.listen(path, resolve));
  process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path},guid=0123`;
});

afterAll(async () => {
  await new Promise((resolve) => bus.close(resolve));
  await rm(scratch, { recursive: true, force: true });
  if (savedAddress === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
  else process.env.DBUS_SESSION_BUS_ADDRESS = savedAddress;
});

beforeEach(() => {
  fake.constructed.length = 0;
  fake.constructorError = undefined;
  fake.getPassword = () => Promise.resolve(null);
  fake.setPassword = () => Promise.resolve();
  if (savedTimeout === undefined) delete process.env.ESPACE_KEYCHAIN_TIMEOUT_MS;
  else process.env.ESPACE_KEYCHAIN_TIMEOUT_MS = savedTimeout;
});

async function failure(promise: Promise<unknown>): Promise<EspaceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EspaceError);
  return error as EspaceError;
}

describe('KeychainStore', () => {
  // First in the file: the binding is imported once per test file.
  it('loads the native binding only when a call needs it', async () => {
    const store = new KeychainStore();
    expect(fake.imports).toBe(0);
    await store.get('sandbox');
    expect(fake.imports).toBe(1);
  });

  it('files the login as JSON under service espace, account = context, Secret Service pinned', async () => {
    let secret = '';
    fake.setPassword = async (value) => {
      secret = value;
    };
    const credentials = sampleCredentials();
    await new KeychainStore().set('staging', credentials);

    expect(JSON.parse(secret)).toEqual(credentials);
    const expectedOptions = process.platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined;
    expect(fake.constructed).toEqual([{ service: 'espace', username: 'staging', options: expectedOptions }]);
  });

  it('gives up at the deadline on a call that never answers, and aborts it', async () => {
    let received: AbortSignal | undefined;
    fake.getPassword = (signal) => {
      received = signal;
      return new Promise<never>(() => undefined);
    };
    const started = performance.now();
    const error = await failure(new KeychainStore({ timeoutMs: 200 }).get('sandbox'));
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.key).toBe('auth.keychainUnavailable');
    expect(error.params).toEqual({ reason: 'no answer within 200 ms' });
    expect((error as KeychainUnavailableError).reasonKey).toBe('auth.keychainReason.timeout');
    expect(error.hint).toBe('auth.keychainUnavailableHint');
    // Not sooner than the deadline; how much later depends on the machine's load, so no upper bound.
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(received?.aborted).toBe(true);
  });

  it('ignores the late failure of a call it gave up on', async () => {
    let rejectLate: (error: Error) => void = () => undefined;
    fake.getPassword = () => new Promise<never>((_resolve, reject) => (rejectLate = reject));
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      await failure(new KeychainStore({ timeoutMs: 50 }).get('sandbox'));
      rejectLate(new Error('the keychain finally failed'));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(unhandled).toEqual([]);
  });

  it('takes its deadline from the constructor, then ESPACE_KEYCHAIN_TIMEOUT_MS, then 5 s', () => {
    delete process.env.ESPACE_KEYCHAIN_TIMEOUT_MS;
    expect(new KeychainStore().timeoutMs).toBe(DEFAULT_KEYCHAIN_TIMEOUT_MS);
    expect(DEFAULT_KEYCHAIN_TIMEOUT_MS).toBe(5000);
    process.env.ESPACE_KEYCHAIN_TIMEOUT_MS = '250';
    expect(new KeychainStore().timeoutMs).toBe(250);
    expect(new KeychainStore({ timeoutMs: 99 }).timeoutMs).toBe(99);
  });

  it('refuses a timeout setting that is not a positive whole number', () => {
    for (const value of ['abc', '0', '-5', '1.5', '5s']) {
      let error: unknown;
      try {
        keychainTimeoutFromEnv({ ESPACE_KEYCHAIN_TIMEOUT_MS: value });
      } catch (caught) {
        error = caught;
      }
      expect(error, value).toBeInstanceOf(UsageError);
      expect((error as UsageError).key).toBe('auth.keychainTimeoutInvalid');
      expect((error as UsageError).params).toEqual({ value });
    }
    expect(keychainTimeoutFromEnv({})).toBeUndefined();
  });

  it.each([
    [
      'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
      undefined,
      'there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)',
    ],
    [
      'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
      undefined,
      'no Secret Service (such as gnome-keyring or KWallet) is running',
    ],
    [
      'Platform failure: DBus error: Did not receive a reply. Possible causes include: the remote application did not send a reply',
      undefined,
      'the Secret Service did not answer',
    ],
    [
      'Platform failure: DBus error: Failed to connect to socket /run/user/1000/bus: Connection refused',
      'Failed to connect to socket /run/user/1000/bus: Connection refused',
      'the D-Bus session bus cannot be reached (Failed to connect to socket /run/user/1000/bus: Connection refused)',
    ],
    [
      "Couldn't access platform storage: Secret Service: unlock prompt was dismissed",
      'Secret Service: unlock prompt was dismissed',
      'the keyring is locked or access was refused (Secret Service: unlock prompt was dismissed)',
    ],
  ])('reads "%s" as an unreachable keychain', async (message, innermost, reason) => {
    fake.constructorError = bindingError(message, innermost);
    const error = await failure(new KeychainStore().set('sandbox', sampleCredentials()));
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.params).toEqual({ reason });
    expect(error.cause).toBe(fake.constructorError);
  });

  it('reads other refusals as errors of the keychain, not as an unreachable one', async () => {
    fake.getPassword = () => Promise.reject(bindingError('Entry is matched by 2 credentials: [..]'));
    const error = await failure(new KeychainStore().get('sandbox'));
    expect(error).toBeInstanceOf(GeneralError);
    expect(error.key).toBe('auth.keychainFailed');
    expect(error.params).toEqual({ account: 'sandbox', detail: 'Entry is matched by 2 credentials: [..]' });
  });

  it('says which entry is corrupt, naming fields but never quoting the secret', async () => {
    fake.getPassword = () => Promise.resolve('{"accessToken": at-SECRET-1');
    let error = await failure(new KeychainStore().get('sandbox'));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.key).toBe('auth.keychainEntryCorrupt');
    expect(error.params).toEqual({ account: 'sandbox', problem: 'not valid JSON' });
    expect(error.hint).toBe('auth.corruptEntryHint');

    fake.getPassword = () => Promise.resolve(JSON.stringify({ ...sampleCredentials(), accessToken: undefined }));
    error = await failure(new KeychainStore().get('sandbox'));
    expect(String(error.params.problem)).toContain('accessToken');
    expect(JSON.stringify(error.params)).not.toContain('SECRET');
  });
});
