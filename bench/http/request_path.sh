#!/usr/bin/env bash
# The request path of issue 16: the stateless recommendation (k = 10,
# explain = true, 12 mastered items: bench/http/recommend_explain_body.json)
# against GET /healthz of the same server, alternated ROUNDS times, wrk on
# 127.0.0.1 (-t2 -c$CONNECTIONS, DURATION each), access log to a file as
# `make run` has it on (there: stdout). Prints each run, then the medians
# of requests/s and p99 and the ratio of the medians, and the load average.
#
# Usage: bench/http/request_path.sh
# Env:   PATHRANK_BIN (default build-release/server/cli/pathrank)
#        ROUNDS (default 5)  DURATION (default 5s)  CONNECTIONS (default 32)
#        ACCESS_LOG (default a file in a temporary directory)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${PATHRANK_BIN:-build-release/server/cli/pathrank}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-32}
HERE=bench/http
BODY=$HERE/recommend_explain_body.json
command -v wrk >/dev/null || { echo "request_path.sh: wrk is missing" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
"$BIN" serve --catalog go-backend=datasets/go-backend/catalog.json --db "$work/bench.db" \
  --port 0 --access-log "${ACCESS_LOG:-$work/access.log}" 2>"$work/stderr" &
server_pid=$!
port=""
for _ in $(seq 1 200); do
  port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/stderr" | head -1)
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || { echo "request_path.sh: the server did not start" >&2; cat "$work/stderr" >&2; exit 1; }
base="http://127.0.0.1:$port"
curl -sf -X POST "$base/v1/catalogs/go-backend/recommendations" -H 'Content-Type: application/json' \
  --data-binary @"$BODY" >/dev/null

to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000} printf "%.2f", v}'; }
# run PATH [BODY] -> "rps p99 errors"
run() {
  local out
  out=$(BODY_FILE="${2:-}" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/wrk.lua" "$base$1")
  local rps p99 errors
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
  errors=$( (grep -E 'Socket errors|Non-2xx' <<<"$out" || true) | tr '\n' ' ')
  echo "$rps $p99 ${errors:-none}"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

BODY_FILE="" wrk -t2 -c"$CONNECTIONS" -d2s -s "$HERE/wrk.lua" "$base/healthz" >/dev/null
BODY_FILE="$BODY" wrk -t2 -c"$CONNECTIONS" -d2s -s "$HERE/wrk.lua" "$base/v1/catalogs/go-backend/recommendations" >/dev/null
echo "request path: wrk -t2 -c$CONNECTIONS, $DURATION per run, $ROUNDS rounds, $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$work/h" ; : >"$work/r"; : >"$work/hp"; : >"$work/rp"
for i in $(seq 1 "$ROUNDS"); do
  read -r h p hp_err < <(run /healthz)
  read -r r rp r_err < <(run /v1/catalogs/go-backend/recommendations "$BODY")
  echo "round $i: healthz $h req/s (p99 $p ms; errors $hp_err) | recommend $r req/s (p99 $rp ms; errors $r_err) | $(( 100 * r / h ))%"
  echo "$h" >>"$work/h"; echo "$r" >>"$work/r"; echo "$p" >>"$work/hp"; echo "$rp" >>"$work/rp"
done
mh=$(median <"$work/h"); mr=$(median <"$work/r")
echo "medians: healthz $mh req/s (p99 $(median <"$work/hp") ms) | recommend $mr req/s (p99 $(median <"$work/rp") ms) | ratio $(awk -v a="$mr" -v b="$mh" 'BEGIN {printf "%.0f%%", 100 * a / b}')"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
