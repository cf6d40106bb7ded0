#!/usr/bin/env bash
# Installs what Status Lab needs to build (and, with --browser, to test), skipping whatever is
# already installed at the right version. Safe to run any number of times.
#   scripts/setup.sh            toolchain for building the app and the server
#   scripts/setup.sh --browser  + Chromium and chromedriver (Debian packages) for the browser tests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

TRUNK_VERSION=0.21.14
# The wasm-bindgen version Trunk and wasm-bindgen-test-runner must match: the one in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required but not installed ($2)" >&2; exit 2; }; }
need cargo "install Rust with rustup"
need rustup "install Rust with rustup"
need npm "install Node.js 20+ with npm"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (about 12 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
   || [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
  # Not --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -d tools/node_modules/playwright-core ] \
   || [ "$(tools/node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{print $3}')" != "132" ]; then
  say "installing binaryen 132 (wasm-opt) and playwright-core from npm"
  (cd tools && npm ci --no-audit --no-fund)
fi

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "installing Chromium and chromedriver (Debian packages)"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
if [ "${1:-}" = "--browser" ]; then
  # The snippet test runs generated HTTPie and Python requests code against the simulator.
  if ! target/snippet-venv/bin/python -c 'import requests' 2>/dev/null || [ ! -x target/snippet-venv/bin/http ]; then
    say "installing HTTPie and requests (for the copy-as-code test) into target/snippet-venv"
    python3 -m venv target/snippet-venv
    target/snippet-venv/bin/pip install -q httpie==3.2.4 requests==2.34.2
  fi
  command -v curl >/dev/null 2>&1 || { say "installing curl"; $SUDO apt-get install -y -qq curl >/dev/null; }
fi
say "toolchain ready (trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt 132)"
