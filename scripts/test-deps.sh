#!/usr/bin/env bash
# The system packages the test suite drives for real: D-Bus and gnome-keyring (the OS keychain),
# tmux (prompts in a real terminal), zsh and fish (completions), oathtool (TOTP codes), poppler
# (pdftotext), xmllint (JUnit reports). Installs what is missing when it can (root, or passwordless sudo), else says how.
set -euo pipefail
packages=(dbus gnome-keyring libsecret-tools tmux zsh fish oathtool poppler-utils libxml2-utils)
command -v dpkg-query >/dev/null || { echo "test-deps: not a Debian-like system; install the equivalents of: ${packages[*]}" >&2; exit 0; }
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else
  echo "test-deps: missing Debian packages: ${missing[*]}" >&2
  echo "test-deps: install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
