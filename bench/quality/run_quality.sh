#!/usr/bin/env bash
# Re-runs every quality result of bench/quality/RESULTS.md. Outputs go to
# var/quality/ (ignored by git); the evaluation-only data is read from
# ../shared/datasets and never copied into the repository.
#
#   cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DPATHRANK_BUILD_TESTS=OFF
#   cmake --build build-release -j2 --target pathrank quality_data
#   bash bench/quality/run_quality.sh build-release
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build-release}
PR=$BUILD/server/cli/pathrank
QD=$BUILD/bench/quality/quality_data
GO=datasets/go-backend/catalog.json
OUT=var/quality
SHARED=${PATHRANK_SHARED_DIR:-../shared}/datasets
mkdir -p $OUT
uptime

echo "== simulated learners, Go catalog"
$PR simulate $GO --learners 2000 --seed 1 --out $OUT/go-sim-2000.csv
/usr/bin/time -f "tune wall %e s, max RSS %M KB" \
  $PR tune $GO --trajectories $OUT/go-sim-2000.csv --seed 1 --out $OUT/go-sim-tuned \
  --label "simulated learners"
# Same seed again: the profile must be identical.
$PR tune $GO --trajectories $OUT/go-sim-2000.csv --seed 1 --out $OUT/go-sim-tuned-again \
  --label "simulated learners" > /dev/null 2>&1
cmp $OUT/go-sim-tuned/profile.json $OUT/go-sim-tuned-again/profile.json && echo "same seed: identical profile"
# The tuned files on fresh learners (another seed), through `pathrank eval`.
$PR simulate $GO --learners 500 --seed 2 --out $OUT/go-sim-fresh.csv
$PR eval $GO --trajectories $OUT/go-sim-fresh.csv --train $OUT/go-sim-2000.csv \
  --profile $OUT/go-sim-tuned/profile.json --sequence-model $OUT/go-sim-tuned/sequence.json
# Goals hidden from the evaluation (the goal column left empty).
$PR simulate $GO --learners 2000 --seed 1 --hide-goals --out $OUT/go-sim-2000-hidden.csv
$PR tune $GO --trajectories $OUT/go-sim-2000-hidden.csv --seed 1 --out $OUT/go-sim-hidden-tuned \
  --label "simulated learners, goals hidden"

if [ -d $SHARED/dbe-kt22 ]; then
  echo "== DBE-KT22"
  $QD dbe-kt22 $SHARED/dbe-kt22 $OUT/dbe-kt22
  $PR eval $OUT/dbe-kt22/catalog.json --trajectories $OUT/dbe-kt22/test.csv \
    --train $OUT/dbe-kt22/train.csv
  $PR tune $OUT/dbe-kt22/catalog.json --trajectories $OUT/dbe-kt22/train.csv \
    --test-trajectories $OUT/dbe-kt22/test.csv --seed 1 --out $OUT/dbe-kt22/tuned \
    --label "DBE-KT22, real students; test = the dataset's 252 valid students"
fi

if [ -d $SHARED/exercism ]; then
  echo "== Exercism curated orders (curated order, not learner behaviour)"
  for track in go python rust javascript java cpp elixir; do
    $QD exercism $SHARED/exercism/$track $OUT/exercism-$track
    for profile in default foundations-first; do
      echo "-- $track, profile $profile"
      $PR eval $OUT/exercism-$track/catalog.json --trajectories $OUT/exercism-$track/order.csv \
        --profile $profile --baselines random,catalog-order,coverage
    done
  done
fi

echo "== issue #20: the learned method (pairwise logistic fit) beside the grid search"
/usr/bin/time -f "learned tune wall %e s" \
  $PR tune $GO --trajectories $OUT/go-sim-2000.csv --seed 1 --method learned \
  --out $OUT/go-sim-learned --label "simulated learners"
/usr/bin/time -f "learned tune wall %e s" \
  $PR tune $OUT/dbe-kt22/catalog.json --trajectories $OUT/dbe-kt22/train.csv \
  --test-trajectories $OUT/dbe-kt22/test.csv --seed 1 --method learned --out $OUT/dbe-kt22/learned
