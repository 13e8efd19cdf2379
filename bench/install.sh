#!/usr/bin/env bash
# Installs a packed espace tarball globally, as a new user would, and reports what it cost:
#
#   bash bench/install.sh TARBALL [NODE_BIN_DIR] [--no-compiler]
#
# NODE_BIN_DIR: the directory of the `node` to install with (default: the one on PATH); npm is the
# one on PATH, run by that node. --no-compiler hides cc, c++, make and python from the install (as
# on a machine without build tools). Into a fresh prefix, with a fresh HOME and XDG directories, it
# times `npm install -g`, measures the installed size, then runs `espace --version`, `espace demo`
# and `espace sandbox stop` from the install. Nothing outside a temporary directory is touched.
# Extra `npm install` flags (e.g. --omit=optional) go in ESPACE_INSTALL_FLAGS.
set -euo pipefail
tarball=$(realpath "$1")
node_bin=${2:-$(dirname "$(command -v node)")}
no_compiler=${3:-}
npm_cli=$(realpath "$(command -v npm)")

work=$(mktemp -d "${TMPDIR:-/tmp}/espace-install-XXXXXX")
trap 'HOME="$work/home" "$work/prefix/bin/espace" sandbox stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/bin"
# The caller's npm settings (registry, proxy), with native addons built against the chosen Node.
[ -f "$HOME/.npmrc" ] && cp "$HOME/.npmrc" "$work/home/.npmrc"
export npm_config_nodedir
npm_config_nodedir=$(dirname "$node_bin")
ln -s "$npm_cli" "$work/bin/npm"
# Only node from NODE_BIN_DIR (which may be /usr/bin, with the compilers).
ln -s "$node_bin/node" "$work/bin/node"

path="$work/bin:$PATH"
if [ "$no_compiler" = "--no-compiler" ]; then
  # Every command of PATH except compilers, make and python.
  mkdir -p "$work/tools"
  IFS=: read -ra dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do
    for tool in "$dir"/*; do
      name=$(basename "$tool")
      case $name in cc | gcc* | g++* | c++* | clang* | cpp* | make | gmake | python* | *-linux-gnu-g* | node | npm | npx) continue ;; esac
      [ -e "$work/tools/$name" ] || ln -s "$tool" "$work/tools/$name"
    done
  done
  path="$work/bin:$work/tools"
fi

# The demo's sandbox on a port free now, unless the caller chose one: 8642, the default, may be
# held by a sandbox or anything else left running on this machine, which is not what is measured.
if [ -z "${ESPACE_SANDBOX_PORT:-}" ]; then
  ESPACE_SANDBOX_PORT=$("$node_bin/node" -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  export ESPACE_SANDBOX_PORT
fi

run() { env -u NODE_EXTRA_CA_CERTS HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  XDG_STATE_HOME="$work/home/.local/state" XDG_CACHE_HOME="$work/home/.cache" PATH="$path" "$@"; }

echo "node $(run node --version), npm $(run npm --version)${no_compiler:+, no compiler}${ESPACE_INSTALL_FLAGS:+, $ESPACE_INSTALL_FLAGS}"
echo "tarball: $(du -k "$tarball" | cut -f1) KiB"
# A fresh HOME: npm starts with an empty cache and downloads everything, as on a new machine.
start=$(date +%s%N)
status=0
HOME="$work/home" PATH="$path" npm install -g "$tarball" --prefix "$work/prefix" --no-audit --no-fund --loglevel=error ${ESPACE_INSTALL_FLAGS:-} >"$work/install.log" 2>&1 || status=$?
end=$(date +%s%N)
elapsed_ds=$(((end - start) / 100000000))
printf 'npm install -g: exit %s, %d.%d s\n' "$status" $((elapsed_ds / 10)) $((elapsed_ds % 10))
[ "$status" = 0 ] || { tail -20 "$work/install.log"; exit 1; }
echo "installed: $(du -sk "$work/prefix/lib/node_modules/espace" | cut -f1) KiB ($(du -sh "$work/prefix/lib/node_modules/espace" | cut -f1))"
printf 'better-sqlite3 installed: %s\n' "$([ -e "$work/prefix/lib/node_modules/espace/node_modules/better-sqlite3/build/Release/better_sqlite3.node" ] && echo yes || echo no)"
echo "--- espace --version"
run "$work/prefix/bin/espace" --version
echo "--- espace demo"
demo=0
run "$work/prefix/bin/espace" demo || demo=$?
echo "(exit $demo)"
exit "$demo"
