# Sourced by the conformance scripts (run from the repository's root): checks that the TMF
# specification files are beside the repository and installs the pinned Prism they run.
# Sets `shared` (the directory holding tmf/) and `prism_dir`.

# prism_setup NAME: NAME starts the message when ../shared/tmf is missing.
prism_setup() {
  shared=${ESPACE_SHARED_DIR:-../shared}
  if [ ! -d "$shared/tmf" ]; then
    echo "$1: $shared/tmf not found: the TMF specification files are expected beside the repository (../shared/tmf)" >&2
    exit 1
  fi
  prism_dir=.ci-prism
  if [ ! -x "$prism_dir/node_modules/.bin/prism" ]; then
    # Pinned: 5.14 is the last Prism that runs on Node 20. Kept out of package.json so that
    # installing espace does not pull in a validating proxy and its ~180 packages.
    npm install --prefix "$prism_dir" --no-save --no-audit --no-fund @stoplight/prism-cli@5.14.2 >/dev/null
  fi
}
