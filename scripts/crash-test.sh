#!/usr/bin/env bash
# scripts/crash-test.sh N [BUILD] — N cycles of "4 clients write progress
# events, SIGKILL the server at a random moment, restart" on one SQLite store;
# after every cycle PRAGMA integrity_check must be ok and every acknowledged
# event stored. It runs DurabilityTest.AcknowledgedEventsSurviveKillNine
# (tests/server/store/durability_test.cc) with PATHRANK_CRASH_CYCLES=N from
# BUILD (default build-stress; `make test-crash` builds it) and prints
# "crash-test: cycles=N clients=4 acknowledged=A lost=L integrity=ok".
set -euo pipefail

cycles=${1:?usage: crash-test.sh N [BUILD]}
build=${2:-build-stress}
binary="$build/tests/store_tests"
[[ -x $binary ]] || { echo "crash-test: $binary not built (make test-crash builds it)" >&2; exit 2; }
PATHRANK_CRASH_CYCLES=$cycles "$binary" \
  --gtest_filter=DurabilityTest.AcknowledgedEventsSurviveKillNine
