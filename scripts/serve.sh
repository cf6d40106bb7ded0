#!/usr/bin/env bash
# README command 1: set up what is missing, build the app (Trunk, release) and the server, and
# start `statuslab serve` on 127.0.0.1:8080 (override with STATUSLAB_ADDR=host:port).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "[serve] building the app with Trunk (release, offline)"
trunk build --release --offline
echo "[serve] building the statuslab binary"
cargo build --release -p statuslab-server --bin statuslab
addr="${STATUSLAB_ADDR:-127.0.0.1:8080}"
echo "[serve] open http://$addr/ in your browser (Ctrl+C stops the server)"
exec "$root/target/release/statuslab" serve --addr "$addr" --dist "$root/dist"
