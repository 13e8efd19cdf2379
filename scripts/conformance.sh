#!/usr/bin/env bash
# Checks the sandbox's answers (and the CLI's requests) against the official TMF v4 specs in
# ../shared/tmf, through Prism validating proxies. Needs ../shared, so it is not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prism-setup.sh
prism_setup conformance
[ -f dist/sandbox/main.js ] || npm run build
exec node scripts/conformance.mjs --shared "$shared" --prism "$prism_dir/node_modules/.bin/prism"
