#!/usr/bin/env bash
# Runs the single executable as a user with no Node would, and checks what it must do:
#
#   bash scripts/with-keyring.sh bash scripts/sea-smoke.sh dist-sea/espace
#
# From an empty directory, with a fresh HOME, an environment holding only what a login session
# has (PATH without node, the D-Bus session of the keyring given by with-keyring.sh): --version,
# demo, sandbox start, auth login (tokens in the real keychain), bill show, completion, logout,
# sandbox stop. Also checks the executable against its .sha256 file when there is one.
set -euo pipefail
exe=$(realpath "$1")
[ -x "$exe" ] || { echo "sea-smoke: $1 is not an executable" >&2; exit 2; }
if [ -f "$exe.sha256" ]; then
  (cd "$(dirname "$exe")" && sha256sum --check --quiet "$(basename "$exe").sha256")
  echo "ok: sha256 matches $(basename "$exe").sha256"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/espace-sea-smoke-XXXXXX")
mkdir -p "$work/home" "$work/cwd" "$work/bin"
# A PATH with the shell's tools but no node, npm or npx.
for tool in sh bash cat env; do ln -s "$(command -v "$tool")" "$work/bin/$tool"; done
trap 'run sandbox stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
run() {
  (cd "$work/cwd" && env -i HOME="$work/home" PATH="$work/bin" LANG=en_CA.UTF-8 NO_COLOR=1 \
    ${DBUS_SESSION_BUS_ADDRESS:+DBUS_SESSION_BUS_ADDRESS="$DBUS_SESSION_BUS_ADDRESS"} \
    ${XDG_RUNTIME_DIR:+XDG_RUNTIME_DIR="$XDG_RUNTIME_DIR"} "$exe" "$@")
}
check() {
  local what=$1 expected=$2 output
  shift 2
  output=$(run "$@" 2>&1) || { echo "FAILED: $what (exit $?)"; echo "$output"; exit 1; }
  grep -q -- "$expected" <<<"$output" || { echo "FAILED: $what: no \"$expected\" in:"; echo "$output"; exit 1; }
  echo "ok: $what"
}

run sh -c 'command -v node' >/dev/null 2>&1 && { echo "sea-smoke: node is on the PATH" >&2; exit 2; }
check "--version" "^[0-9]" --version
check "demo" "Total due" demo
check "sandbox start" "" sandbox start
printf %s 'Espace-Demo-2026!' | run auth login --username marie.tremblay --password-stdin >/dev/null 2>&1 || { echo "FAILED: auth login"; run auth login --username marie.tremblay --password-stdin </dev/null; exit 1; }
echo "ok: auth login"
if [ -n "${ESPACE_TEST_KEYRING:-}" ]; then
  check "auth status: tokens in the OS keychain" "the OS keychain" auth status
fi
check "bill show" "Total due" bill show
check "completion bash" "complete -" completion bash
check "completion fish" "complete -c espace" completion fish
check "auth logout" "" auth logout
run sandbox stop >/dev/null
echo "ok: sandbox stop"
ls "$work/cwd" | grep -q . && { echo "FAILED: files written in the working directory"; exit 1; }
echo "all checks passed"
