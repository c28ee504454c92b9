#!/usr/bin/env bash
# Soak: SOAK_SECONDS (default 600) of mixed load against a Release
# `pathrank serve` on 127.0.0.1, at the same time:
#   - stateless recommendations  wrk POST /v1/catalogs/go-backend/recommendations
#   - stored learners' answers   wrk GET  /v1/learners/soak0/recommendations?k=5
#   - learner writes             wrk POST /v1/learners/soakN/progress (soak_write.lua,
#                                unique event ids, 10 learners)
#   - reloads                    every RELOAD_EVERY s, alternately SIGHUP and
#                                POST /v1/admin/reload (must answer 200)
#   - idle and slow connections  soak_clients.py: IDLE silent connections (reopened
#                                when closed), SLOW clients sending a byte per 0.1 s
#                                (each must get its 200) and SLOW stalled ones a byte
#                                per 0.2 s (past the 10 s request deadline: each must
#                                get its 408)
# VmRSS of the server is sampled every 5 s. Passes when no request failed (no
# socket error, no non-2xx, no failed reload or slow request) and resident
# memory at the end is less than 10% above the sample at the end of warm-up
# (WARMUP_SECONDS, default 60). Prints a Markdown summary for bench/RESULTS.md.
#
# Usage: make soak [SOAK_SECONDS=600]   or   PATHRANK_BIN=... bench/http/soak.sh
# Env:   PATHRANK_BIN (default build-release/server/cli/pathrank), SOAK_SECONDS,
#        WARMUP_SECONDS, CONNECTIONS (per wrk load, default 8), IDLE (20), SLOW (10),
#        RELOAD_EVERY (10)
set -euo pipefail
cd "$(dirname "$0")/../.."

SOAK_SECONDS=${SOAK_SECONDS:-600}
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
CONNECTIONS=${CONNECTIONS:-8}
IDLE=${IDLE:-20}
SLOW=${SLOW:-10}
RELOAD_EVERY=${RELOAD_EVERY:-10}
BIN=${PATHRANK_BIN:-build-release/server/cli/pathrank}
HERE=bench/http
(( WARMUP_SECONDS < SOAK_SECONDS )) || { echo "soak: WARMUP_SECONDS must be < SOAK_SECONDS" >&2; exit 2; }
command -v wrk >/dev/null || { echo "soak: wrk is missing (scripts/install-deps.sh)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "soak: $BIN is not built (make soak builds it)" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cp datasets/go-backend/catalog.json "$work/catalog.json"
"$BIN" serve --catalog go-backend="$work/catalog.json" --db "$work/soak.db" --port 0 \
  --access-log off 2>"$work/stderr" &
server_pid=$!
port=""
for _ in $(seq 1 400); do
  port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/stderr" | head -1)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/stderr" >&2; exit 1; }
  sleep 0.05
done
[ -n "$port" ] || { echo "soak: the server did not start" >&2; cat "$work/stderr" >&2; exit 1; }
base="http://127.0.0.1:$port"
json='Content-Type: application/json'

for n in $(seq 0 9); do
  curl -sf -X PUT "$base/v1/learners/soak$n" -H "$json" \
    -d '{"catalog": "go-backend", "goals": {"microservices": 1, "cloud-native": 0.5}}' >/dev/null
done

rss() { awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status"; }
# SQLite's heap in the server (its page caches, bounded by cache_size per
# connection), in kB, from /metrics: tells caches filling up from a leak.
store_kb() { curl -s "$base/metrics" | awk '/^pathrank_store_memory_bytes / {printf "%d", $2 / 1024}'; }
# wrk's failures: socket errors (connect/read/write/timeout) and non-2xx answers.
failures() { awk '/Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} /Non-2xx/ {n += $5} END {print n + 0}' "$1"; }

wrk_run() {  # NAME PATH [BODY_FILE] [SCRIPT]
  BODY_FILE="${3:-}" wrk -t1 -c"$CONNECTIONS" -d"${SOAK_SECONDS}s" --timeout 10s --latency \
    -s "${4:-$HERE/wrk.lua}" "$base$2" >"$work/$1.out" 2>&1 &
  pids+=("$!")
}
start=$(date +%s)
wrk_run stateless /v1/catalogs/go-backend/recommendations "$HERE/recommend_body.json"
wrk_run learner "/v1/learners/soak0/recommendations?k=5"
wrk_run writes /v1/learners/soak0/progress "" "$HERE/soak_write.lua"
python3 "$HERE/soak_clients.py" "$port" "$IDLE" "$SLOW" "$SOAK_SECONDS" >"$work/clients.out" 2>&1 &
pids+=("$!")

reloads=0 reload_failures=0 warm_kb="" warm_store_kb="" samples=()
while (( $(date +%s) - start < SOAK_SECONDS )); do
  sleep 5
  elapsed=$(( $(date +%s) - start ))
  kb=$(rss)
  skb=$(store_kb)
  samples+=("$elapsed:$kb/$skb")
  if [ -z "$warm_kb" ] && (( elapsed >= WARMUP_SECONDS )); then warm_kb=$kb warm_store_kb=$skb; fi
  if (( elapsed / RELOAD_EVERY > reloads )); then
    reloads=$((reloads + 1))
    if (( reloads % 2 )); then
      kill -HUP "$server_pid"
    else
      code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/v1/admin/reload")
      [ "$code" = 200 ] || { reload_failures=$((reload_failures + 1)); echo "soak: reload answered $code" >&2; }
    fi
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || true; done
pids=()
end_kb=$(rss)
end_store_kb=$(store_kb)
kill -0 "$server_pid" || { echo "soak: the server died" >&2; exit 1; }
sighup_lines=$(grep -c 'SIGHUP: catalog go-backend: reloaded' "$work/stderr" || true)

total_failures=$reload_failures
echo "## Soak: $SOAK_SECONDS s of mixed load ($(date -u +%Y-%m-%dT%H:%MZ))"
echo
echo "Command: \`make soak SOAK_SECONDS=$SOAK_SECONDS\` (bench/http/soak.sh; wrk -t1 -c$CONNECTIONS per load," \
  "$IDLE idle + $SLOW slow + $SLOW stalled connections, a reload every ${RELOAD_EVERY} s)."
echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), shared with other builds."
echo
echo "| load | requests | requests/s | p99 | failed |"
echo "|---|---|---|---|---|"
for name in stateless learner writes; do
  out="$work/$name.out"
  requests=$(awk '/requests in/ {print $1}' "$out")
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  failed=$(failures "$out")
  [ -n "$requests" ] || { cat "$out" >&2; failed=1; }
  total_failures=$((total_failures + failed))
  echo "| $name | ${requests:-?} | ${rps:-?} | ${p99:-?} | $failed |"
done
read -r clients <"$work/clients.out" || clients="clients: no report"
slow_failed=$(sed -n 's/.*slow_failed=\([0-9]*\).*/\1/p' <<<"$clients")
total_failures=$((total_failures + ${slow_failed:-1}))
growth=$(awk -v a="$warm_kb" -v b="$end_kb" 'BEGIN {printf "%.1f", 100 * (b - a) / a}')
echo
echo "Reloads: $reloads ($(( (reloads + 1) / 2 )) SIGHUP, $(( reloads / 2 )) admin route), $reload_failures failed;" \
  "$sighup_lines SIGHUP reload lines in the log. Idle/slow: $clients."
echo "VmRSS: ${warm_kb} kB after ${WARMUP_SECONDS} s of warm-up, ${end_kb} kB at the end: ${growth}%" \
  "(one sample a minute, s:VmRSS kB/SQLite kB: $(printf '%s\n' "${samples[@]}" | awk 'NR % 12 == 0' | tr '\n' ' '))."
echo "SQLite's heap (pathrank_store_memory_bytes): ${warm_store_kb} kB after warm-up, ${end_store_kb} kB at the end;" \
  "VmRSS without it: $((warm_kb - warm_store_kb)) kB, then $((end_kb - end_store_kb)) kB" \
  "($(awk -v a="$((warm_kb - warm_store_kb))" -v b="$((end_kb - end_store_kb))" 'BEGIN {printf "%.1f", 100 * (b - a) / a}')%)."
echo "Failed requests: $total_failures."
if (( total_failures > 0 )); then echo "soak: FAILED: $total_failures failed requests" >&2; exit 1; fi
if awk -v g="$growth" 'BEGIN {exit !(g >= 10)}'; then echo "soak: FAILED: memory grew ${growth}%" >&2; exit 1; fi
echo "soak: passed"
