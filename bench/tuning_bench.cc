// Evaluation and tuning on the Go catalog with simulated learners: replaying
// 200 learners through the pathrank ranker and through the transition
// baseline, learning the transition model, and one whole (small) tuning run.

#include <benchmark/benchmark.h>

#include "pathrank/catalog_json.h"
#include "pathrank/eval/baselines.h"
#include "pathrank/eval/evaluator.h"
#include "pathrank/eval/simulator.h"
#include "pathrank/eval/tuner.h"
#include "pathrank/transition_model.h"

namespace pathrank {
namespace {

struct GoData {
  std::shared_ptr<const Catalog> catalog;
  std::vector<Trajectory> learners;
};

const GoData& Data() {
  static const GoData data = [] {
    GoData d;
    auto c =
        LoadCatalogFile(std::string(PATHRANK_SOURCE_DIR) + "/datasets/go-backend/catalog.json");
    if (!c) return d;
    d.catalog = *c;
    SimulationOptions o;
    o.learners = 200;
    auto learners = SimulateLearners(*d.catalog, o);
    if (learners) d.learners = std::move(*learners);
    return d;
  }();
  return data;
}

void ReplayThrough(benchmark::State& state, const Ranker& ranker) {
  const GoData& d = Data();
  const Ranker* rankers[] = {&ranker};
  size_t steps = 0;
  for (auto _ : state) {
    auto r = Evaluate(*d.catalog, d.learners, rankers, EvalOptions{});
    steps += r->at(0).total.count;
    benchmark::DoNotOptimize(r);
  }
  state.counters["steps/s"] =
      benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
}

void BM_ReplayPathrank(benchmark::State& state) {
  const GoData& d = Data();
  Scorer scorer(d.catalog);
  TransitionModel model = TransitionModel::Learn(*d.catalog, d.learners);
  ScoringProfile profile;
  profile.w_seq = 1.0;
  auto ranker = MakeProfileRanker(scorer, profile, &model);
  ReplayThrough(state, *ranker);
}
BENCHMARK(BM_ReplayPathrank)->Unit(benchmark::kMillisecond);

void BM_ReplayTransition(benchmark::State& state) {
  const GoData& d = Data();
  auto ranker = MakeTransitionRanker(*d.catalog, d.learners);
  ReplayThrough(state, *ranker);
}
BENCHMARK(BM_ReplayTransition)->Unit(benchmark::kMillisecond);

void BM_LearnTransitionModel(benchmark::State& state) {
  const GoData& d = Data();
  for (auto _ : state) {
    benchmark::DoNotOptimize(TransitionModel::Learn(*d.catalog, d.learners));
  }
}
BENCHMARK(BM_LearnTransitionModel)->Unit(benchmark::kMillisecond);

void BM_TuneSmall(benchmark::State& state) {
  const GoData& d = Data();
  Scorer scorer(d.catalog);
  TuneOptions o;
  o.random_samples = 16;
  o.descent_rounds = 2;
  o.bootstrap_resamples = 200;
  for (auto _ : state) {
    auto r = Tune(scorer, ScoringProfile{}, d.learners, {}, o);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_TuneSmall)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pathrank

BENCHMARK_MAIN();
