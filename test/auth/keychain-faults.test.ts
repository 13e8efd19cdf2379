/**
 * The keychain when it cannot be reached, provoked for real in child processes: no D-Bus session
 * at all, a bus address that leads nowhere, a bus that accepts and never answers, a Secret Service
 * that is frozen, a locked keyring, a bus with no Secret Service. The vault must fail clearly
 * (or fall back when allowed), write nothing it should not, and never hang.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAuthModules, envWithoutBus, makeTempDir, repoRoot, run, runAuthChild, sampleCredentials } from './helpers.js';
import { inheritedEnv } from '../helpers/env.js';

let bundle: { url: string; remove: () => Promise<void> };
let root: string;
let emptyRuntimeDir: string;

beforeAll(async () => {
  bundle = await bundleAuthModules();
  root = await makeTempDir();
  emptyRuntimeDir = join(root, 'runtime');
  await mkdir(emptyRuntimeDir, { mode: 0o700 });
});

afterAll(async () => {
  await bundle?.remove();
  if (root) await rm(root, { recursive: true, force: true });
});

const credentialsJson = JSON.stringify(sampleCredentials());

/** A child snippet: save `sandbox` through a fresh vault in configDir, and report. */
const saveSnippet = (configDir: string, insecureStorage: boolean) => `
  const vault = new AUTH.CredentialVault({ configDir: ${JSON.stringify(configDir)} });
  const saved = await outcome(vault.save('sandbox', ${credentialsJson}, { insecureStorage: ${insecureStorage} }));
  print({ saved, lastKeychainError: vault.lastKeychainError && describeError(vault.lastKeychainError) });
`;

const loadSnippet = (configDir: string) => `
  const vault = new AUTH.CredentialVault({ configDir: ${JSON.stringify(configDir)} });
  const loaded = await outcome(vault.load('sandbox'));
  print({ loaded, lastKeychainError: vault.lastKeychainError && describeError(vault.lastKeychainError) });
`;

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('with no D-Bus session', () => {
  it('the keyring binding fails at once rather than start a bus of its own', async () => {
    const binding = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('@napi-rs/keyring')).href;
    const { result } = await runAuthChild(
      bundle.url,
      `
      const { AsyncEntry } = await import(${JSON.stringify(binding)});
      const started = performance.now();
      let message = 'no error';
      try {
        new AsyncEntry('espace-test', 'probe', { linux: { store: 'secret-service' } });
      } catch (error) {
        message = error.message;
      }
      print({ message, ms: performance.now() - started });
      `,
      { env: envWithoutBus(emptyRuntimeDir) },
    );
    // libdbus's only way to start a bus without an address is X11 autolaunch, compiled out here.
    expect(result.message).toMatch(/autolaunch was disabled/);
  });

  it('save without --insecure-storage fails with the keychain error and writes nothing', async () => {
    const configDir = join(root, 'no-bus-secure');
    await mkdir(configDir, { mode: 0o700 });
    const missingDir = join(root, 'no-bus-never-created');

    for (const dir of [configDir, missingDir]) {
      const { result } = await runAuthChild(bundle.url, saveSnippet(dir, false), { env: envWithoutBus(emptyRuntimeDir) });
      expect(result.saved.ok).toBe(false);
      expect(result.saved.error).toMatchObject({
        name: 'KeychainUnavailableError',
        key: 'auth.keychainUnavailable',
        reasonKey: 'auth.keychainReason.noSession',
        hint: 'auth.keychainUnavailableHint',
      });
      expect(result.saved.error.message).toBe('could not reach the OS keychain: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set).');
      expect(result.saved.error.hintText).toContain('--insecure-storage');
      expect(result.saved.error.hintText).toContain('ESPACE_TOKEN');
    }
    expect(await readdir(configDir)).toEqual([]);
    await expect(stat(missingDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('save with --insecure-storage writes a 0600 file in a 0700 directory, which load then reads', async () => {
    const configDir = join(root, 'no-bus-insecure');
    const env = envWithoutBus(emptyRuntimeDir);

    const saved = await runAuthChild(bundle.url, saveSnippet(configDir, true), { env });
    expect(saved.result.saved).toMatchObject({ ok: true, value: 'file' });
    expect(saved.result.lastKeychainError.key).toBe('auth.keychainUnavailable');
    expect(await readdir(configDir)).toEqual(['credentials.json']);
    expect(await modeOf(join(configDir, 'credentials.json'))).toBe(0o600);
    expect(await modeOf(configDir)).toBe(0o700);

    const loaded = await runAuthChild(bundle.url, loadSnippet(configDir), { env });
    expect(loaded.result.loaded).toMatchObject({ ok: true, value: { source: 'file', credentials: JSON.parse(credentialsJson) } });
    expect(loaded.result.lastKeychainError.reasonKey).toBe('auth.keychainReason.noSession');
  });

  it('load finds nothing, without failing, and says why', async () => {
    const { result } = await runAuthChild(bundle.url, loadSnippet(join(root, 'no-bus-empty')), { env: envWithoutBus(emptyRuntimeDir) });
    expect(result.loaded).toMatchObject({ ok: true });
    expect(result.loaded.value).toBeUndefined();
    expect(result.lastKeychainError.key).toBe('auth.keychainUnavailable');
  });

  it('the probe reports the reason', async () => {
    const { result } = await runAuthChild(bundle.url, `print({ en: await AUTH.probeKeychain(), fr: await AUTH.probeKeychain(1000, 'fr') });`, {
      env: envWithoutBus(emptyRuntimeDir),
    });
    expect(result.en).toEqual({
      ok: false,
      reason: 'there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)',
      reasonKey: 'auth.keychainReason.noSession',
    });
    expect(result.fr).toEqual({
      ok: false,
      reason: 'il n’y a pas de bus de session D-Bus (DBUS_SESSION_BUS_ADDRESS n’est pas défini)',
      reasonKey: 'auth.keychainReason.noSession',
    });
  });
});

describe('with a bus address that leads nowhere', () => {
  it('fails fast, loading the native binding only for that first call', async () => {
    const env = { ...envWithoutBus(emptyRuntimeDir), DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(root, 'no-such-socket')}` };
    const { result } = await runAuthChild(
      bundle.url,
      `
      const nativeLoaded = async () => (await import('node:fs')).readFileSync('/proc/self/maps', 'utf8').includes('keyring.');
      const vault = new AUTH.CredentialVault({ configDir: '/nonexistent/espace' });
      const before = await nativeLoaded();
      const saved = await outcome(vault.save('sandbox', ${credentialsJson}, { insecureStorage: false }));
      print({ before, after: await nativeLoaded(), saved });
      `,
      { env },
    );
    expect(result.before).toBe(false);
    expect(result.after).toBe(true);
    expect(result.saved.ok).toBe(false);
    expect(result.saved.error.reasonKey).toBe('auth.keychainReason.busUnreachable');
    expect(result.saved.error.message).toContain('no-such-socket');
  });
});

describe('with a bus that accepts and never answers', () => {
  let server: Server;
  let socketPath: string;
  let connections = 0;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    socketPath = join(root, 'stalled-bus');
    server = createServer((socket) => {
      connections += 1;
      sockets.add(socket);
      // Read and drop everything, answer nothing.
      socket.resume();
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up within the timeout, writes nothing, and lets the process end', async () => {
    const configDir = join(root, 'stalled');
    const env = {
      ...envWithoutBus(emptyRuntimeDir),
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${socketPath},guid=00`,
      ESPACE_KEYCHAIN_TIMEOUT_MS: '400',
    };
    const before = connections;
    const { result, process: child } = await runAuthChild(
      bundle.url,
      `
      const vault = new AUTH.CredentialVault({ configDir: ${JSON.stringify(configDir)} });
      const saved = await outcome(vault.save('sandbox', ${credentialsJson}, { insecureStorage: false }));
      const loaded = await outcome(vault.load('sandbox'));
      print({ saved, loaded, lastKeychainError: describeError(vault.lastKeychainError) });
      `,
      { env, killAfterMs: 20_000 },
    );

    expect(connections - before).toBe(2);
    expect(result.saved.ok).toBe(false);
    expect(result.saved.error.reasonKey).toBe('auth.keychainReason.timeout');
    expect(result.saved.error.message).toBe('could not reach the OS keychain: no answer within 400 ms.');
    // Reading does not fail on a hung keychain either: it finds nothing and says why.
    expect(result.loaded).toMatchObject({ ok: true });
    expect(result.loaded.value).toBeUndefined();
    expect(result.lastKeychainError.reasonKey).toBe('auth.keychainReason.timeout');
    // The process ended by itself: nothing was left blocked on the dead bus.
    expect(child.signal).toBeNull();
    expect(child.code).toBe(0);
    await expect(stat(configDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

/** Runs the child inside a fresh gnome-keyring session after a setup snippet, ending with `"$@"`. */
const inFreshKeyring = (snippet: string) => [join(repoRoot, 'scripts/with-keyring.sh'), 'bash', '-c', snippet, 'espace-test'];

const SECRETS_PID = `dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \\
  org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets | awk '{ print $2 }'`;

describe('with a Secret Service that is stuck, locked, or absent', () => {
  it('a frozen Secret Service gives an error before the 5 s deadline, and the process ends', async () => {
    const configDir = join(root, 'frozen');
    // No ESPACE_KEYCHAIN_TIMEOUT_MS: the default deadline.
    const env = inheritedEnv();
    const { result, process: child } = await runAuthChild(bundle.url, saveSnippet(configDir, false), {
      env,
      prefix: inFreshKeyring(`
        pid=$(${SECRETS_PID})
        kill -STOP "$pid"
        status=0; "$@" || status=$?
        kill -CONT "$pid"
        exit "$status"`),
      // Killed before libdbus's own 25 s reply timeout: only espace's timeout lets it finish.
      killAfterMs: 20_000,
    });
    expect(child.code).toBe(0);
    expect(result.saved.ok).toBe(false);
    expect(result.saved.error.key).toBe('auth.keychainUnavailable');
    expect(['auth.keychainReason.noReply', 'auth.keychainReason.timeout']).toContain(result.saved.error.reasonKey);
    await expect(stat(configDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a locked keyring counts as unreachable: reads fall through, saves fail or fall back when allowed', async () => {
    const configDir = join(root, 'locked');
    const { result } = await runAuthChild(
      bundle.url,
      `
      const vault = new AUTH.CredentialVault({ configDir: ${JSON.stringify(configDir)} });
      const loaded = await outcome(vault.load('sandbox'));
      const loadError = describeError(vault.lastKeychainError);
      const secure = await outcome(vault.save('sandbox', ${credentialsJson}, { insecureStorage: false }));
      const insecure = await outcome(vault.save('sandbox', ${credentialsJson}, { insecureStorage: true }));
      print({ loaded, loadError, secure, insecure });
      `,
      {
        prefix: inFreshKeyring(`
          printf '%s' '${credentialsJson}' | secret-tool store --label=espace service espace username sandbox
          dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \\
            org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
          "$@"`),
      },
    );
    expect(result.loaded).toMatchObject({ ok: true });
    expect(result.loaded.value).toBeUndefined();
    expect(result.loadError.reasonKey).toBe('auth.keychainReason.locked');
    expect(result.secure.ok).toBe(false);
    expect(result.secure.error.reasonKey).toBe('auth.keychainReason.locked');
    expect(result.secure.error.message).toMatch(/^could not reach the OS keychain: the keyring is locked/);
    expect(result.insecure).toMatchObject({ ok: true, value: 'file' });
    expect(await modeOf(join(configDir, 'credentials.json'))).toBe(0o600);
  });

  it('a bus without a Secret Service says none is running', async () => {
    const { result } = await runAuthChild(bundle.url, `print(await AUTH.probeKeychain());`, {
      prefix: ['dbus-run-session', `--config-file=${await busConfig('bare', true)}`, '--'],
    });
    expect(result).toEqual({
      ok: false,
      reason: 'no Secret Service (such as gnome-keyring or KWallet) is running',
      reasonKey: 'auth.keychainReason.noService',
    });
  });

  it('a bus that swallows its replies gives an error within the timeout, not after libdbus’s 25 s', async () => {
    const { result, process: child } = await runAuthChild(
      bundle.url,
      `print(await outcome(new AUTH.KeychainStore({ timeoutMs: 500 }).get('sandbox')));`,
      // Killed before libdbus's own 25 s reply timeout: only espace's timeout lets it finish.
      { prefix: ['dbus-run-session', `--config-file=${await busConfig('mute', false)}`, '--'], killAfterMs: 20_000 },
    );
    expect(result.ok).toBe(false);
    expect(result.error.reasonKey).toBe('auth.keychainReason.timeout');
    expect(child.code).toBe(0);
  });
});

/**
 * A session bus with no services to start. When `replies` is false its policy lets messages in
 * but delivers nothing back: a bus that accepts a client and then never answers it.
 */
async function busConfig(name: string, replies: boolean): Promise<string> {
  const which = await run('sh', ['-c', 'command -v dbus-run-session']);
  expect(which.code, 'dbus-run-session is missing: apt-get install dbus').toBe(0);
  const path = join(root, `${name}-bus.conf`);
  await writeFile(
    path,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
      "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
    <busconfig>
      <type>session</type>
      <listen>unix:tmpdir=${root}</listen>
      <auth>EXTERNAL</auth>
      <policy context="default">
        <allow send_destination="*" eavesdrop="true"/>
        <allow own="*"/>
        ${replies ? '<allow eavesdrop="true"/>' : ''}
      </policy>
    </busconfig>`,
  );
  return path;
}
