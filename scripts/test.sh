#!/usr/bin/env bash
# README command 2: set up what is missing (Chromium included) and run every test layer:
#   1. native: the rules (fixtures, snapshots, meta-tests), the simulator through its router,
#      the CLI, the app's state and logic — `cargo test --workspace`
#   2. wasm: the app's fetch layer and components in headless Chromium — wasm-bindgen-test
#   3. end to end: the built app served by `statuslab serve`, driven in headless Chromium
#      with Playwright (node's test runner)
# Benchmarks and fuzzing have commands of their own (see the README); this runs tests only.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh" --browser || exit 2
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

logs="$(mktemp -d)"
passed=0; failed=0; status=0
tally_cargo() { # sums "test result: … N passed; M failed" lines of a cargo test log
  local p f
  p=$(grep -E '^test result:' "$1" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s+=$1} END {print s+0}')
  f=$(grep -E '^test result:' "$1" | sed -E 's/.* ([0-9]+) failed.*/\1/' | awk '{s+=$1} END {print s+0}')
  echo "$p $f"
}
layer() { # name, passed, failed, exit code
  printf '\n== %s: %s passed, %s failed (exit %s)\n' "$1" "$2" "$3" "$4"
  passed=$((passed + $2)); failed=$((failed + $3))
  if [ "$4" != 0 ]; then status=1; fi
}

echo "== 1/3 native tests (cargo test --workspace)"
cargo test --workspace --exclude statuslab-bench --no-fail-fast --color never 2>&1 | tee "$logs/native.log"; rc=${PIPESTATUS[0]}
read -r p f < <(tally_cargo "$logs/native.log"); layer "native" "$p" "$f" "$rc"

echo "== 2/3 wasm tests in headless Chromium (wasm-bindgen-test)"
# `--features views`: the deferred views render in-process (no second module to fetch here).
cargo test -p statuslab-app --features views --target wasm32-unknown-unknown --color never 2>&1 | tee "$logs/wasm.log"; rc=${PIPESTATUS[0]}
read -r p f < <(tally_cargo "$logs/wasm.log"); layer "wasm" "$p" "$f" "$rc"

echo "== 3/3 end-to-end tests in headless Chromium (Playwright)"
rc=0
trunk build --release --offline 2>&1 | tail -n 3 || rc=$?
cargo build -p statuslab-server --bin statuslab --color never 2>&1 | tail -n 1 || rc=$?
if [ "$rc" = 0 ]; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "$root/target/debug/statuslab" serve --addr "127.0.0.1:$port" --dist "$root/dist" > "$logs/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/status/200" >/dev/null 2>&1 && break; sleep 0.1; done
  STATUSLAB_URL="http://127.0.0.1:$port" \
    node --test --test-reporter=tap --test-concurrency=1 tests/e2e/*.test.mjs 2>&1 | tee "$logs/e2e.log"; rc=${PIPESTATUS[0]}
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null
  p=$(grep -E '^# pass ' "$logs/e2e.log" | awk '{print $3}'); f=$(grep -E '^# fail ' "$logs/e2e.log" | awk '{print $3}')
  layer "end-to-end" "${p:-0}" "${f:-0}" "$rc"
else
  layer "end-to-end (build failed)" 0 1 "$rc"
fi

echo
echo "All layers: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
exit $status
