#!/usr/bin/env bash
# Resident memory of `pathrank serve` with a generated catalog (issue 16,
# item 2): generates an ITEMS-item catalog (gen_catalog.py), serves it with
# a fresh store, sends a few recommendations, prints VmRSS and VmHWM from
# /proc. Usage: PATHRANK_BIN=build/server/cli/pathrank bench/big/rss_serve.sh [ITEMS]
set -euo pipefail
items=${1:-100000}
bin=${PATHRANK_BIN:-build/server/cli/pathrank}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
/usr/bin/python3 "$here/gen_catalog.py" "$items" "$tmp/catalog.json"
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start=$(date +%s.%N)
"$bin" serve --host 127.0.0.1 --port "$port" --catalog "$tmp/catalog.json" --db "$tmp/store.db" \
  >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 600); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
ready=$(date +%s.%N)
body='{"mastery":{"i0":1,"i1":1,"i2":1,"i3":1},"k":10}'
for _ in 1 2 3 4 5; do
  curl -sf -X POST -H 'Content-Type: application/json' -d "$body" \
    "http://127.0.0.1:$port/v1/catalogs/synthetic-$items/recommendations" >"$tmp/answer.json"
done
grep -o '"id":"i[0-9]*"' "$tmp/answer.json" | head -3 | tr '\n' ' '
echo
echo "items=$items load_and_ready_s=$(awk -v a="$start" -v b="$ready" 'BEGIN {printf "%.2f", b - a}') load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
grep -E '^Vm(RSS|HWM)' "/proc/$pid/status"
