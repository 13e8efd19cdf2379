#!/usr/bin/env bash
# Usage: scripts/with-keyring.sh CMD [ARGS...]
#
# Runs CMD inside a throwaway D-Bus session with an unlocked gnome-keyring, so that tests can use
# a real Secret Service. The keyring lives in a fresh temporary XDG_DATA_HOME (and the daemon's
# sockets in a fresh XDG_RUNTIME_DIR): the user's own keyring and running daemon are never
# touched. Exports ESPACE_TEST_KEYRING=1 so that tests know a real keychain is expected.
# Exits with CMD's status.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh CMD [ARGS...]" >&2
  exit 2
fi

missing=()
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "with-keyring.sh: ${missing[*]} not found." >&2
  echo "Install them with: sudo apt-get install -y --no-install-recommends dbus gnome-keyring" >&2
  exit 127
fi

# The inner script runs inside the new session (dbus-run-session sets DBUS_SESSION_BUS_ADDRESS).
# It runs CMD as a child rather than exec'ing it, so that it can stop the keyring daemon after:
# dbus-run-session only stops the bus, and the daemon would otherwise outlive the command.
# shellcheck disable=SC2016
exec dbus-run-session -- bash -c '
set -euo pipefail
scratch=$(mktemp -d "${TMPDIR:-/tmp}/espace-keyring.XXXXXXXX")
daemon_pid=""
# The daemon forks away from us, so once dead it is a zombie until init reaps it: not alive.
alive() {
  local stat
  if [ -d /proc/self ]; then
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ]
  else
    kill -0 "$1" 2>/dev/null
  fi
}
cleanup() {
  if [ -n "$daemon_pid" ] && alive "$daemon_pid"; then
    kill "$daemon_pid" 2>/dev/null || true
    for _ in $(seq 50); do alive "$daemon_pid" || break; sleep 0.1; done
    if alive "$daemon_pid"; then kill -9 "$daemon_pid" 2>/dev/null || true; fi
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT
trap "exit 130" INT
trap "exit 143" TERM

mkdir -m 700 "$scratch/data" "$scratch/run"
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
# A desktop session exports the control socket of the real daemon; --unlock would talk to it.
unset GNOME_KEYRING_CONTROL GNOME_KEYRING_PID

# Creates the "login" keyring with this password and leaves it unlocked; the daemon forks.
out=$(printf pass | gnome-keyring-daemon --unlock --components=secrets)
while IFS= read -r line; do
  case "$line" in [A-Z_]*=*) export "${line?}" ;; esac
done <<<"$out"

# The forking parent may return before the daemon owns its bus name; a client arriving in
# between would make D-Bus start a second daemon. Wait for the name, and learn the pid to stop.
for _ in $(seq 100); do
  reply=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null || true)
  daemon_pid=$(awk "{ print \$2 }" <<<"$reply")
  [ -n "$daemon_pid" ] && break
  sleep 0.1
done
if [ -z "$daemon_pid" ]; then
  echo "with-keyring.sh: gnome-keyring-daemon did not register the Secret Service on D-Bus." >&2
  exit 1
fi

export ESPACE_TEST_KEYRING=1
status=0
"$@" || status=$?
exit "$status"
' with-keyring "$@"
