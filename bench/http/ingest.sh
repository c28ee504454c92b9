#!/usr/bin/env bash
# Batched progress ingest on the SQLite store at both durabilities (issue
# 16, item 5): `pathrank serve --durability normal` and `--durability full`
# on a fresh database file in $INGEST_DIR (default var/bench-ingest: a real
# disk, not tmpfs, so FULL's fsync per commit is measured), alternated
# ROUNDS times. Each request posts EVENTS events with new ids to one of 64
# stored learners (bench/http/progress.lua), wrk -t2 -c$CONNECTIONS for
# DURATION. Prints events/s per run and the medians.
#
# Usage: bench/http/ingest.sh
# Env:   PATHRANK_BIN (default build-release/server/cli/pathrank)
#        ROUNDS (3)  DURATION (5s)  CONNECTIONS (32)  EVENTS (10)  THREADS (16)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${PATHRANK_BIN:-build-release/server/cli/pathrank}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-32}
EVENTS=${EVENTS:-10}
THREADS=${THREADS:-16}
DIR=${INGEST_DIR:-var/bench-ingest}
HERE=bench/http
command -v wrk >/dev/null || { echo "ingest.sh: wrk is missing" >&2; exit 1; }
mkdir -p "$DIR"
work=$(mktemp -d)
pid=""
stop() { if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap 'stop; rm -rf "$work"' EXIT

# once MODE -> events/s
once() {
  rm -f "$DIR/ingest.db" "$DIR/ingest.db-wal" "$DIR/ingest.db-shm"
  "$BIN" serve --catalog go-backend=datasets/go-backend/catalog.json --db "$DIR/ingest.db" \
    --durability "$1" --port 0 --threads "$THREADS" --access-log off 2>"$work/stderr" &
  pid=$!
  local port=""
  for _ in $(seq 1 200); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/stderr" | head -1)
    [ -n "$port" ] && break
    sleep 0.05
  done
  [ -n "$port" ] || { cat "$work/stderr" >&2; exit 1; }
  for i in $(seq 0 63); do
    curl -sf -X PUT "http://127.0.0.1:$port/v1/learners/bench-$i" -H 'Content-Type: application/json' \
      -d '{"catalog": "go-backend", "goals": {"microservices": 1}}' >/dev/null
  done
  local out
  out=$(EVENTS="$EVENTS" PREFIX="$1" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$HERE/progress.lua" \
    "http://127.0.0.1:$port")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "ingest.sh: errors: $out" >&2; exit 1; fi
  stop
  awk -v e="$EVENTS" '/^Requests\/sec:/ {printf "%.0f", $2 * e}' <<<"$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "ingest: $EVENTS events per request, wrk -t2 -c$CONNECTIONS, $DURATION per run, store $DIR ($(df -T "$DIR" | awk 'NR==2 {print $2}')); load average $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$work/normal"; : >"$work/full"
for r in $(seq 1 "$ROUNDS"); do
  n=$(once normal); f=$(once full)
  echo "round $r: normal $n events/s | full $f events/s"
  echo "$n" >>"$work/normal"; echo "$f" >>"$work/full"
done
echo "medians: normal $(median <"$work/normal") events/s | full $(median <"$work/full") events/s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
