#!/usr/bin/env bash
# Builds the views module (src/deferred.rs explains the split) into dist/views/: the second wasm
# binary of the app, fetched after first paint. Trunk runs this as its post-build hook
# (Trunk.toml), so every `trunk build` produces both modules; it can also run on its own.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
dist="${TRUNK_STAGING_DIR:-$root/dist}"
# Release: the `wasm-views` profile (Cargo.toml: "z" like the shell, the linter at opt-level 2).
if [ "${TRUNK_PROFILE:-release}" = "release" ]; then profile=wasm-views; dir=wasm-views; else profile=dev; dir=debug; fi
cargo build --quiet -p statuslab-app --bin statuslab-views --features views \
  --target wasm32-unknown-unknown --profile "$profile"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name statuslab_views \
  "${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/$dir/statuslab-views.wasm"
# NO_WASM_OPT=1 keeps the name section (scripts/profile_browser.mjs needs it).
if [ "$profile" = "wasm-views" ] && [ -z "${NO_WASM_OPT:-}" ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types \
    "$tmp/statuslab_views_bg.wasm" -o "$tmp/statuslab_views_bg.wasm"
fi
# Content-addressed: views/<hash>/ changes with every change of the module, so the server can
# let browsers keep it for a year (`immutable`), and index.html says where it is for the shell
# (src/deferred.rs reads the `statuslab-views` meta tag).
hash="$(cat "$tmp/statuslab_views.js" "$tmp/statuslab_views_bg.wasm" | sha256sum | cut -c1-16)"
rm -rf "$dist/views"
mkdir -p "$dist/views/$hash"
mv "$tmp/statuslab_views.js" "$tmp/statuslab_views_bg.wasm" "$dist/views/$hash/"
python3 - "$dist/index.html" "/views/$hash/statuslab_views.js" <<'PY'
import re, sys
path, url = sys.argv[1], sys.argv[2]
html = open(path, encoding="utf-8").read()
tag = f'<meta name="statuslab-views" content="{url}">'
html, n = re.subn(r'<meta name="statuslab-views" content="[^"]*">', tag, html)
if n == 0:
    html = html.replace("</head>", f"  {tag}\n</head>", 1)
    if tag not in html:
        sys.exit(f"{path}: no </head> to put the views module's address before")
open(path, "w", encoding="utf-8").write(html)
PY
