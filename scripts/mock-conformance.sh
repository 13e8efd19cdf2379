#!/usr/bin/env bash
# Runs every read command of the built CLI against a mock generated from the official TMF v4
# specifications in ../shared/tmf (Prism, static and dynamic with a fixed seed): a server nobody
# on this project wrote. Needs ../shared, so it is not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prism-setup.sh
prism_setup "mock conformance"
[ -f dist/cli/main.js ] || npm run build
exec node scripts/mock-conformance.mjs --shared "$shared" --prism-dir "$prism_dir" "$@"
