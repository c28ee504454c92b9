#!/usr/bin/env bash
# Learner-store figures: progress ingest (POST 10 events with new ids, 64
# stored learners) and stored-learner recommendations (GET
# /v1/learners/{lid}/recommendations?k=5), each with wrk for DURATION, on
#   SQLite, one replica
#   PostgreSQL, one replica
#   PostgreSQL, two replicas (one wrk per replica, at once; figures summed)
# all on 127.0.0.1 in one run. PostgreSQL is a throw-away cluster
# (scripts/pg-test-cluster.sh; unix socket, fsync=off: the figures measure
# pathrank and the protocol, not this machine's disk — the SQLite store runs
# with "synchronous": "normal" for the same reason).
#
# Usage: bench/http/stores.sh   Env: PATHRANK_BIN (default
# build-release/server/cli/pathrank), DURATION (5s), CONNECTIONS (32 per
# replica), WRK_THREADS (2), THREADS (server worker threads, 16).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
THREADS=${THREADS:-16}
BIN=${PATHRANK_BIN:-build-release/server/cli/pathrank}
HERE=bench/http
command -v wrk >/dev/null || { echo "stores.sh: wrk is missing (scripts/install-deps.sh)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "stores.sh: no $BIN (make bench-http builds it)" >&2; exit 1; }

work=$(mktemp -d /tmp/pathrank-stores-XXXXXX)
chmod 755 "$work"
pids=()
stop_servers() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  pids=()
}
cleanup() {
  stop_servers
  bash scripts/pg-test-cluster.sh remove "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

PATHRANK_REQUIRE_POSTGRES=1 bash scripts/pg-test-cluster.sh start "$work/pg"
pg_url() { echo "postgresql://pathrank@/$1?host=$work/pg"; }
psql -q "$(pg_url postgres)" -c "CREATE DATABASE bench1" -c "CREATE DATABASE bench2"
echo '{"store": {"synchronous": "normal"}}' >"$work/sqlite.json"

# start DB LOG: sets `port`; the server's pid is appended to pids
start() {
  "$BIN" serve --config "$work/sqlite.json" --catalog go-backend=datasets/go-backend/catalog.json \
    --db "$1" --port 0 --threads "$THREADS" --access-log off 2>"$2" &
  pids+=($!)
  port=""
  for _ in $(seq 1 200); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$2" | head -1)
    [ -n "$port" ] && return
    sleep 0.05
  done
  echo "stores.sh: the server did not start" >&2; cat "$2" >&2; exit 1
}

seed() {  # 64 learners with goals and some progress
  for i in $(seq 0 63); do
    curl -sf -X PUT "http://127.0.0.1:$1/v1/learners/bench-$i" -H 'Content-Type: application/json' \
      -d '{"catalog": "go-backend", "goals": {"microservices": 1, "cloud-native": 0.5}}' >/dev/null
    curl -sf -X POST "http://127.0.0.1:$1/v1/learners/bench-$i/progress" \
      -H 'Content-Type: application/json' -d '{"events": [
      {"item": "go-basic-syntax", "mastery": 1}, {"item": "go-interfaces", "mastery": 0.8},
      {"item": "goroutines", "mastery": 0.7}, {"item": "channels", "mastery": 0.6}]}' >/dev/null
  done
}

# wrk_rps PORT PREFIX MODE -> requests/s and p99 ms ("rps p99")
wrk_rps() {
  local out
  if [ "$3" = ingest ]; then
    out=$(PREFIX="$2" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
      -s "$HERE/progress.lua" "http://127.0.0.1:$1")
  else
    out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
      "http://127.0.0.1:$1/v1/learners/bench-7/recommendations?k=5")
  fi
  if grep -q 'Non-2xx' <<<"$out"; then echo "stores.sh: errors: $out" >&2; exit 1; fi
  echo "$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out") $(awk '$1 == "99%" {print $2}' <<<"$out")"
}

# measure LABEL PORT... : one row per mode, the replicas loaded at once
measure() {
  local label=$1; shift
  for mode in ingest recommend; do
    local files=() runs=() i=0
    for replica in "$@"; do
      wrk_rps "$replica" "r$i-$RANDOM" "$mode" >"$work/r.$i" &
      runs+=($!); files+=("$work/r.$i"); i=$((i + 1))
    done
    wait "${runs[@]}"
    local total=0 p99s=""
    for f in "${files[@]}"; do
      read -r rps p99 <"$f"; total=$((total + rps)); p99s="$p99s $p99"
    done
    if [ "$mode" = ingest ]; then
      echo "| $label | progress ingest (10 events/request) | $total req/s = $((total * 10)) events/s | ${p99s# } |"
    else
      echo "| $label | stored learner's recommendations | $total req/s | ${p99s# } |"
    fi
  done
}

echo "pathrank store figures: wrk -t$WRK_THREADS -c$CONNECTIONS per replica, $DURATION per run,"
echo "serve --threads $THREADS; machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'),"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| store | endpoint | throughput | p99 per replica |"
echo "|---|---|---|---|"
start "$work/bench.db" "$work/s.err"; seed "$port"; measure "SQLite, 1 replica" "$port"
stop_servers
start "$(pg_url bench1)" "$work/p1.err"; seed "$port"; measure "PostgreSQL, 1 replica" "$port"
stop_servers
start "$(pg_url bench2)" "$work/a.err"; a=$port
start "$(pg_url bench2)" "$work/b.err"; b=$port
seed "$a"; measure "PostgreSQL, 2 replicas" "$a" "$b"
stop_servers
