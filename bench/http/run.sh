#!/usr/bin/env bash
# HTTP load harness: starts `pathrank serve` on 127.0.0.1 (a free port, the
# Go catalog, a fresh store), then measures with wrk, for 32 and 64
# connections:
#   healthz    GET  /healthz                              (the ceiling of this run)
#   recommend  POST /v1/catalogs/go-backend/recommendations with a 2.7 KB body
#              (bench/http/recommend_body.json: 106 mastery entries, 3 goals, k=5)
#   learner    GET  /v1/learners/bench/recommendations?k=5 (a stored learner)
# and prints requests/s, p50, p99 and the ratio to /healthz of the same run.
# Then checks that no connection starves at 64: wrk -t64 -c64 (one
# connection per wrk thread), every thread must get answers.
#
# Usage: bench/http/run.sh            (builds build-release if needed)
# Env:   PATHRANK_BIN  binary to run (default build-release/server/cli/pathrank)
#        DURATION      per run (default 5s)   WRK_THREADS (default 2)
#        CONNECTIONS   (default "32 64")      ACCESS_LOG  (default: a file)
#        SERVE_ARGS    extra flags for pathrank serve (e.g. "--threads 16")
#        WARMUP        unmeasured load on each endpoint first (default 2s)
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-5s}
WRK_THREADS=${WRK_THREADS:-2}
CONNECTIONS=${CONNECTIONS:-"32 64"}
BIN=${PATHRANK_BIN:-build-release/server/cli/pathrank}
HERE=bench/http

command -v wrk >/dev/null || { echo "run.sh: wrk is missing (scripts/install-deps.sh)" >&2; exit 1; }
if [ ! -x "$BIN" ]; then
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DPATHRANK_BUILD_TESTS=OFF \
    -DPATHRANK_BUILD_BENCH=OFF >/dev/null
  cmake --build build-release -j"${JOBS:-2}" --target pathrank
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$BIN" serve --catalog go-backend=datasets/go-backend/catalog.json --db "$work/bench.db" \
  --port 0 --access-log "${ACCESS_LOG:-$work/access.log}" ${SERVE_ARGS:-} 2>"$work/stderr" &
server_pid=$!
port=""
for _ in $(seq 1 200); do
  port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/stderr" | head -1)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/stderr" >&2; exit 1; }
  sleep 0.05
done
[ -n "$port" ] || { echo "run.sh: the server did not start" >&2; cat "$work/stderr" >&2; exit 1; }
base="http://127.0.0.1:$port"

# The stored learner: goals and some progress.
curl -sf -X PUT "$base/v1/learners/bench" -H 'Content-Type: application/json' \
  -d '{"catalog": "go-backend", "goals": {"microservices": 1, "cloud-native": 0.5}}' >/dev/null
curl -sf -X POST "$base/v1/learners/bench/progress" -H 'Content-Type: application/json' -d '{"events": [
  {"item": "go-basic-syntax", "mastery": 1}, {"item": "go-data-types", "mastery": 1},
  {"item": "go-structs-methods", "mastery": 0.9}, {"item": "go-interfaces", "mastery": 0.8},
  {"item": "goroutines", "mastery": 0.7}, {"item": "channels", "mastery": 0.6},
  {"item": "linux-basics", "mastery": 0.8}, {"item": "tcp-ip-stack", "mastery": 0.5}]}' >/dev/null
curl -sf -X POST "$base/v1/catalogs/go-backend/recommendations" -H 'Content-Type: application/json' \
  --data-binary @"$HERE/recommend_body.json" >/dev/null

# ms of a wrk latency like 812.00us, 1.23ms, 2.01s.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000} printf "%.2f", v}'; }

# run NAME CONNECTIONS PATH [BODY_FILE] -> "rps p50 p99 errors"
run() {
  local out
  out=$(BODY_FILE="${4:-}" wrk -t"$WRK_THREADS" -c"$2" -d"$DURATION" --latency \
    -s "$HERE/wrk.lua" "$base$3")
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
  errors=$( (grep -E 'Socket errors|Non-2xx' <<<"$out" || true) | tr '\n' ' ')
  echo "$rps $p50 $p99 ${errors:-none}"
}

# Warm up (page cache, allocator, the server's thread pool) before measuring.
for path in /healthz /v1/catalogs/go-backend/recommendations "/v1/learners/bench/recommendations?k=5"; do
  body=""
  [ "$path" = /v1/catalogs/go-backend/recommendations ] && body="$HERE/recommend_body.json"
  BODY_FILE="$body" wrk -t"$WRK_THREADS" -c32 -d"${WARMUP:-2s}" -s "$HERE/wrk.lua" "$base$path" >/dev/null
done

echo "pathrank HTTP load harness: wrk -t$WRK_THREADS, $DURATION per run, 127.0.0.1:$port"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo
echo "| connections | endpoint | requests/s | p50 ms | p99 ms | vs /healthz | errors |"
echo "|---|---|---|---|---|---|---|"
for c in $CONNECTIONS; do
  read -r h_rps h_p50 h_p99 h_err < <(run healthz "$c" /healthz)
  echo "| $c | GET /healthz | $h_rps | $h_p50 | $h_p99 | 100% | $h_err |"
  read -r r_rps r_p50 r_p99 r_err < <(run recommend "$c" /v1/catalogs/go-backend/recommendations "$HERE/recommend_body.json")
  echo "| $c | POST recommendations (stateless) | $r_rps | $r_p50 | $r_p99 | $(( 100 * r_rps / h_rps ))% | $r_err |"
  read -r l_rps l_p50 l_p99 l_err < <(run learner "$c" "/v1/learners/bench/recommendations?k=5")
  echo "| $c | GET stored learner's recommendations | $l_rps | $l_p50 | $l_p99 | $(( 100 * l_rps / h_rps ))% | $l_err |"
done

echo
starvation=$(COUNT_RESPONSES=1 BODY_FILE="$HERE/recommend_body.json" wrk -t64 -c64 -d"$DURATION" \
  -s "$HERE/wrk.lua" "$base/v1/catalogs/go-backend/recommendations" | grep '^starvation:')
echo "64 connections, one per wrk thread (stateless recommendations): $starvation"
if ! grep -q 'zero=0 non2xx=0' <<<"$starvation"; then
  echo "run.sh: a connection starved or failed" >&2
  exit 1
fi
