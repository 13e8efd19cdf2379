/**
 * One story about credentials, told the same by `auth status` and `doctor`: with a working
 * keychain, a locked one (a real gnome-keyring, locked over D-Bus, then unlocked again) and none
 * at all (no D-Bus). Each state gets one message with its fix; a locked keyring is never "not
 * logged in, run espace auth login", and a machine without a keychain is told the login that works.
 * The locked keyring is a fresh one of its own (scripts/with-keyring.sh, nested), so that locking
 * it touches no other test's keyring.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ESPACE_BIN, espace } from '../helpers/spawn.js';

const repoRoot = resolve(import.meta.dirname, '../..');
let sandbox: TestSandbox;
let home: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'espace-e2e-keychain-story-'));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

/** Runs a shell script in a fresh D-Bus session with its own unlocked gnome-keyring; each `step NAME ARGS` prints its output between markers. */
function inFreshKeyring(script: string, env: Record<string, string>): Promise<string> {
  const prelude = `
    step() { name=$1; shift; echo "<<<$name"; set +e; "${process.execPath}" "${ESPACE_BIN}" "$@" 2>&1; echo "exit=$?"; set -e; echo ">>>"; }
    lock() { dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \\
      org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null; }
    secrets_pid() { dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null | awk '{ print $2 }'; }
    # Without a display no unlock prompt can be shown: a daemon started with the password replaces
    # the locked one and opens the same keyring files unlocked. It is stopped when the script ends.
    replacement=""
    trap '[ -n "$replacement" ] && kill "$replacement" 2>/dev/null || true' EXIT
    unlock() {
      old=$(secrets_pid)
      printf pass | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null 2>&1
      for _ in $(seq 100); do replacement=$(secrets_pid); [ -n "$replacement" ] && [ "$replacement" != "$old" ] && return 0; sleep 0.1; done
      echo "the keyring daemon was not replaced" >&2; return 1
    }
  `;
  return new Promise((done, fail) => {
    execFile(
      join(repoRoot, 'scripts/with-keyring.sh'),
      ['bash', '-c', `set -e\n${prelude}\n${script}`],
      { env: { ...process.env, ...env }, timeout: 300_000 },
      (error, stdout, stderr) => (error ? fail(new Error(`${error.message}\n${stdout}\n${stderr}`)) : done(stdout)),
    );
  });
}

/** The output of step NAME. */
function stepOutput(all: string, name: string): string {
  const match = new RegExp(`<<<${name}\\n([\\s\\S]*?)>>>`).exec(all);
  if (!match) throw new Error(`no step ${name} in:\n${all}`);
  return match[1]!;
}

describe('the keychain story', () => {
  it('working, then locked, then unlocked again: auth status and doctor agree at each step', async () => {
    const env = {
      ESPACE_CONFIG_DIR: join(home, 'keyring-config'),
      ESPACE_API_URL: sandbox.url,
      LANG: 'en_CA.UTF-8',
      NO_COLOR: '1',
      ESPACE_KEYCHAIN_TIMEOUT_MS: '5000',
    };
    const out = await inFreshKeyring(
      `
      printf 'Espace-Demo-2026!' | "${process.execPath}" "${ESPACE_BIN}" auth login --username marie.tremblay --password-stdin >/dev/null 2>&1
      step working-status auth status
      step working-doctor doctor
      lock
      step locked-status auth status
      step locked-doctor doctor
      step locked-bill bill list
      unlock
      step unlocked-status auth status
      `,
      env,
    );

    const working = stepOutput(out, 'working-status');
    expect(working).toMatch(/exit=0/);
    // The user once, and the name beside it once.
    expect(working).toMatch(/^Logged in as marie\.tremblay \(Marie Tremblay\)$/m);
    expect(working.match(/marie\.tremblay/g)).toHaveLength(1);
    const workingDoctor = stepOutput(out, 'working-doctor');
    expect(workingDoctor).toMatch(/✓ Login/);
    expect(workingDoctor).toMatch(/✓ Keychain/);

    // Locked: one message saying so, with the unlock fix; never "not logged in, run espace auth login".
    const locked = stepOutput(out, 'locked-status');
    expect(locked).toMatch(/exit=4/);
    expect(locked).toMatch(/the login of context sandbox could not be read: the keyring is locked .*\. You may well still be logged in\./);
    expect(locked).toMatch(/Hint: Unlock your keyring/);
    expect(locked).not.toMatch(/not logged in|Run 'espace auth login'/i);
    expect(locked).not.toMatch(/Warning/);
    // Any command needing the login says the same.
    const lockedBill = stepOutput(out, 'locked-bill');
    expect(lockedBill).toMatch(/exit=4/);
    expect(lockedBill).toMatch(/the keyring is locked/);
    // doctor: the Login and the Keychain lines tell the same story, and no step says "log in again".
    const lockedDoctor = stepOutput(out, 'locked-doctor');
    expect(lockedDoctor).toMatch(/✗ Login\s+the login of context sandbox could not be read: the keyring is locked/);
    expect(lockedDoctor).toMatch(/! Keychain\s+answers, but cannot be read: the keyring is locked/);
    expect(lockedDoctor).not.toMatch(/✓ Keychain/);
    expect(lockedDoctor).not.toMatch(/Log in again/);
    expect(lockedDoctor).toMatch(/Fix: Unlock your keyring/);

    const unlocked = stepOutput(out, 'unlocked-status');
    expect(unlocked).toMatch(/exit=0/);
    expect(unlocked).toMatch(/Logged in as marie\.tremblay/);
  });

  it('no keychain at all (no D-Bus): the one message names the login that works here', async () => {
    const env = {
      ESPACE_CONFIG_DIR: join(home, 'nobus-config'),
      ESPACE_API_URL: sandbox.url,
      LANG: 'en_CA.UTF-8',
      NO_COLOR: '1',
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/espace-no-bus',
      ESPACE_KEYCHAIN_TIMEOUT_MS: '3000',
    };
    const status = await espace(['auth', 'status'], { env });
    expect(status.code).toBe(4);
    expect(status.stderr).toMatch(/not logged in on context sandbox, and this machine has no keychain espace can use/);
    expect(status.stderr).toMatch(/Hint: Run 'espace auth login --insecure-storage'/);
    expect(status.stderr.trim().split('\n')).toHaveLength(2);

    const doctor = await espace(['doctor'], { env });
    expect(doctor.stdout).toMatch(/✗ Login\s+not logged in on context sandbox, and this machine has no keychain/);
    expect(doctor.stdout).toMatch(/! Keychain\s+the OS keychain cannot be used/);
    expect(doctor.stdout.match(/Fix: Run 'espace auth login --insecure-storage'/g)).toHaveLength(2);
    expect(doctor.stdout).not.toMatch(/Log in again: espace auth login/);

    // The fix given works: a file login, after which both are content.
    const login = await espace(['auth', 'login', '--insecure-storage', '--username', 'marie.tremblay', '--password-stdin'], {
      env,
      input: 'Espace-Demo-2026!',
    });
    expect(login.code, login.stderr).toBe(0);
    expect((await espace(['auth', 'status'], { env })).code).toBe(0);
    const after = await espace(['doctor'], { env });
    expect(after.stdout).toMatch(/✓ Login/);
  });
});
