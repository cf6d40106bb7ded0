#!/usr/bin/env bash
# Builds the views module (src/deferred.rs explains the split) into dist/views/: the second wasm
# binary of the app, fetched after first paint. Trunk runs this as its post-build hook
# (Trunk.toml), so every `trunk build` produces both modules; it can also run on its own.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out="${TRUNK_STAGING_DIR:-$root/dist}/views"
# Release: the `wasm-views` profile (Cargo.toml: "z" like the shell, the linter at opt-level 2).
if [ "${TRUNK_PROFILE:-release}" = "release" ]; then profile=wasm-views; dir=wasm-views; else profile=dev; dir=debug; fi
cargo build --quiet -p statuslab-app --bin statuslab-views --features views \
  --target wasm32-unknown-unknown --profile "$profile"
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name statuslab_views \
  "${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/$dir/statuslab-views.wasm"
if [ "$profile" = "wasm-views" ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types \
    "$out/statuslab_views_bg.wasm" -o "$out/statuslab_views_bg.wasm"
fi
