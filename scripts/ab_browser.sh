#!/usr/bin/env bash
# Compares the lint time of two builds of the app in one Chromium page (not part of the test
# command): both builds' views modules are loaded into the same page by their content-addressed
# URLs and alternated run by run, which moves far less than alternating fresh pages.
#
#   scripts/ab_browser.sh DIST_A DIST_B [PAGES]
#
# DIST_A and DIST_B are two `dist/` directories (e.g. `cp -r dist /tmp/a` before a change,
# rebuild, `cp -r dist /tmp/b`). Prints the median µs per lint of each and B/A, per message.
# ITERS (default 8000) lints per run; ROUNDS (default 10) runs of each per message and page.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ $# -lt 2 ]; then
  echo "usage: scripts/ab_browser.sh DIST_A DIST_B [PAGES]" >&2
  exit 2
fi
a="$1"; b="$2"; pages="${3:-4}"
for d in "$a" "$b"; do
  if [ "$(ls "$d/views" 2>/dev/null | wc -l)" -ne 1 ]; then
    echo "$d: not a built dist/ (expected one views/<hash>/ module)" >&2
    exit 2
  fi
done
ha="$(ls "$a/views")"; hb="$(ls "$b/views")"
if [ "$ha" = "$hb" ]; then echo "both builds have the same views module ($ha)" >&2; exit 2; fi
both="$(mktemp -d)"
server=""
trap 'rm -rf "$both"; [ -n "$server" ] && kill $server 2>/dev/null' EXIT
cp -r "$a/." "$both/"
cp -r "$b/views/$hb" "$both/views/"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
target/release/statuslab serve --addr "127.0.0.1:$port" --dist "$both" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/status/200" >/dev/null 2>&1 && break; sleep 0.1; done
node scripts/ab_browser.mjs "http://127.0.0.1:$port" "/views/$ha/statuslab_views.js" "/views/$hb/statuslab_views.js" crates/bench/data "$pages"
