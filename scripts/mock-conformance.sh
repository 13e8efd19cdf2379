#!/usr/bin/env bash
# Runs every read command of the built CLI against a mock generated from the official TMF v4
# specifications in ../shared/tmf (Prism, static and dynamic with a fixed seed): a server nobody
# on this project wrote. Needs ../shared, so it is not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${ESPACE_SHARED_DIR:-../shared}
if [ ! -d "$shared/tmf" ]; then
  echo "mock conformance: $shared/tmf not found: the TMF specification files are expected beside the repository (../shared/tmf)" >&2
  exit 1
fi
prism_dir=.ci-prism
if [ ! -x "$prism_dir/node_modules/.bin/prism" ]; then
  # The same pinned Prism as scripts/conformance.sh, kept out of package.json.
  npm install --prefix "$prism_dir" --no-save --no-audit --no-fund @stoplight/prism-cli@5.14.2 >/dev/null
fi
[ -f dist/cli/main.js ] || npm run build
exec node scripts/mock-conformance.mjs --shared "$shared" --prism-dir "$prism_dir" "$@"
