#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build (fuzz/, docs/fuzzing.md) for a
# fixed time each, JOBS at a time, and prints one line per target: runs,
# coverage (cov: edges, ft: features), corpus size, and the crash file if any.
#
#   scripts/fuzz.sh BUILD_DIR SECONDS [JOBS] [TARGET...]
#
# Each target starts from the seeds in fuzz/corpus/<target>/ and keeps what
# it finds in BUILD_DIR/fuzz-corpus/<target>/ (the repository's seeds are
# never written); crashes land in BUILD_DIR/fuzz-artifacts/<target>/ and the
# full log in BUILD_DIR/fuzz-logs/<target>.log. Fails when any target
# crashed, leaked, hit a sanitizer finding or timed out on one input.
set -euo pipefail

build=$(cd "$1" && pwd)
seconds=$2
jobs=${3:-1}
shift $(( $# >= 3 ? 3 : $# ))
src=$(cd "$(dirname "$0")/.." && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for dir in "$src"/fuzz/corpus/*/; do targets+=("$(basename "$dir")"); done
fi
mkdir -p "$build/fuzz-logs"

run_one() {
  local t=$1 bin="$build/fuzz/fuzz_$1"
  local corpus="$build/fuzz-corpus/$t" artifacts="$build/fuzz-artifacts/$t/"
  [ -x "$bin" ] || { echo "fuzz: $bin is not built" >&2; return 1; }
  mkdir -p "$corpus" "$artifacts"
  # -timeout: one input taking longer is a finding; -rss_limit_mb: so is
  # memory beyond 2 GiB. Findings stop the run (ASAN/UBSAN_OPTIONS).
  "$bin" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$src/fuzz/dict/$t.dict" -artifact_prefix="$artifacts" \
    "$corpus" "$src/fuzz/corpus/$t" >"$build/fuzz-logs/$t.log" 2>&1
}

summary() {
  local t=$1 rc=$2 log="$build/fuzz-logs/$1.log"
  local runs cov ft
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  local crash
  crash=$(find "$build/fuzz-artifacts/$t" -type f -newer "$log.start" 2>/dev/null | head -1)
  printf '%-20s %s runs=%s cov=%s ft=%s corpus=%s%s\n' "$t" \
    "$([ "$rc" -eq 0 ] && echo ok || echo FAILED)" "${runs:-?}" "${cov:-?}" "${ft:-?}" \
    "$(find "$build/fuzz-corpus/$t" -type f | wc -l)" "${crash:+ crash=$crash}"
}

failed=0
declare -A pids=()
finish() {  # waits for any one running target and reports it
  local pid rc=0
  wait -n -p pid || rc=$?
  local t=${pids[$pid]}
  unset "pids[$pid]"
  summary "$t" "$rc"
  if [ "$rc" -ne 0 ]; then
    failed=1
    tail -40 "$build/fuzz-logs/$t.log" >&2
  fi
}
for t in "${targets[@]}"; do
  while [ ${#pids[@]} -ge "$jobs" ]; do finish; done
  touch "$build/fuzz-logs/$t.log.start"
  run_one "$t" &
  pids[$!]=$t
done
while [ ${#pids[@]} -gt 0 ]; do finish; done
exit $failed
