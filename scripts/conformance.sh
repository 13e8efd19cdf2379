#!/usr/bin/env bash
# Checks the sandbox's answers (and the CLI's requests) against the official TMF v4 specs in
# ../shared/tmf, through Prism validating proxies. Needs ../shared, so it is not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${ESPACE_SHARED_DIR:-../shared}
if [ ! -d "$shared/tmf" ]; then
  echo "conformance: $shared/tmf not found: the TMF specification files are expected beside the repository (../shared/tmf)" >&2
  exit 1
fi
prism_dir=.ci-prism
if [ ! -x "$prism_dir/node_modules/.bin/prism" ]; then
  # Pinned: 5.14 is the last Prism that runs on Node 20. Kept out of package.json so that
  # installing espace does not pull in a validating proxy and its ~180 packages.
  npm install --prefix "$prism_dir" --no-save --no-audit --no-fund @stoplight/prism-cli@5.14.2 >/dev/null
fi
[ -f dist/sandbox/main.js ] || npm run build
exec node scripts/conformance.mjs --shared "$shared" --prism "$prism_dir/node_modules/.bin/prism"
