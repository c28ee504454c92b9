#!/usr/bin/env bash
# scripts/stress.sh BUILD [ROUNDS] — the server, reload, store, plugin and CLI
# suites ROUNDS times (default 20) while two busy processes load the machine;
# fails on the first failing round. Used by `make test-stress`.
#
# STRESS_LABELS (a CTest label regex) and STRESS_JOBS (ctest -j, default 2)
# change what runs and how parallel.
set -euo pipefail

build=${1:?usage: stress.sh BUILD [ROUNDS]}
rounds=${2:-20}
labels=${STRESS_LABELS:-'^(http_tests|ops_tests|store_tests|plugin_tests|cli_tests|hostile_tests)$'}
jobs=${STRESS_JOBS:-2}

# Two busy loops beside the tests, stopped however this script ends.
busy=()
cleanup() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${busy[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM
for _ in 1 2; do
  sh -c 'while :; do :; done' &
  busy+=("$!")
done

start=$(date +%s)
for ((round = 1; round <= rounds; round++)); do
  round_start=$(date +%s)
  if ! ctest --test-dir "$build" -L "$labels" -j"$jobs" --output-on-failure \
      >"$build/stress-round.log" 2>&1; then
    cat "$build/stress-round.log"
    echo "test-stress: round $round of $rounds FAILED (log above)" >&2
    exit 1
  fi
  summary=$(grep -E 'tests passed' "$build/stress-round.log" || true)
  echo "test-stress: round $round/$rounds passed in $(($(date +%s) - round_start)) s: $summary"
done
echo "test-stress: all $rounds rounds passed in $(($(date +%s) - start)) s" \
  "(labels $labels, 2 busy processes)"
