#!/usr/bin/env bash
# Runs each `make` target named on the command line as one stage of
# `make test`, in order, and prints every stage's wall time and result at the
# end. Every stage runs even when an earlier one failed (so one run shows all
# failures); the exit status is non-zero when any stage failed.
#
#   scripts/run-stages.sh test-asan test-python ...
set -uo pipefail

names=()
seconds=()
results=()
failed=0
start_all=$(date +%s)
for stage in "$@"; do
  echo "=== stage $stage ==="
  start=$(date +%s)
  if make --no-print-directory "$stage"; then result=ok; else result=FAILED; failed=1; fi
  names+=("$stage")
  seconds+=($(($(date +%s) - start)))
  results+=("$result")
done

echo
echo "=== make test: stage times ==="
for i in "${!names[@]}"; do
  printf '%-16s %4d min %02d s  %s\n' "${names[$i]}" $((seconds[i] / 60)) $((seconds[i] % 60)) \
    "${results[$i]}"
done
total=$(($(date +%s) - start_all))
printf '%-16s %4d min %02d s\n' total $((total / 60)) $((total % 60))
exit $failed
