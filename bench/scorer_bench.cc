// Scoring: one recommendation on the Go catalog; on synthetic catalogs of
// 1k, 10k and 100k items (about five clause entries per item); a batch of
// 1,000 learners on 10k items against the single-learner path in a loop; one
// path plan on the Go catalog.

#include <benchmark/benchmark.h>

#include <random>

#include "pathrank/batch_scorer.h"
#include "pathrank/catalog_builder.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/synthetic_catalog.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"
#include "pathrank/team_matcher.h"

namespace pathrank {
namespace {

std::shared_ptr<const Catalog> GoCatalog() {
  static auto catalog = [] {
    auto c =
        LoadCatalogFile(std::string(PATHRANK_SOURCE_DIR) + "/datasets/go-backend/catalog.json");
    return c ? *c : nullptr;
  }();
  return catalog;
}

// The Go learner of the scenario tests: knows the foundation and concurrency
// stages, wants microservices.
LearnerState GoLearner(const Catalog& c) {
  LearnerState s;
  s.mastery.assign(c.item_count(), 0.0);
  for (ItemId i = 0; i < c.item_count(); ++i) {
    const std::string& stage = c.stages()[c.item(i).stage].id;
    if (c.item(i).kind != ItemKind::kProject && (stage == "foundation" || stage == "concurrency")) {
      s.mastery[i] = 1.0;
    }
  }
  s.goals.push_back({*c.FindGoal("microservices"), 1.0});
  return s;
}

std::shared_ptr<const Catalog> Synthetic(uint32_t items) {
  static std::map<uint32_t, std::shared_ptr<const Catalog>> cache;
  auto& slot = cache[items];
  if (!slot) {
    SyntheticCatalogOptions options;
    options.items = items;
    slot = *BuildCatalog(MakeSyntheticCatalog(options));
  }
  return slot;
}

// Learners who progressed through a random share of the catalog in
// prerequisite order, each with one or two goals.
std::vector<LearnerState> Learners(const Catalog& c, size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<LearnerState> out(count);
  for (LearnerState& s : out) {
    s.mastery.assign(c.item_count(), 0.0);
    const double progress = unit(rng) * 0.6;
    for (ItemId i = 0; i < c.item_count(); ++i) {
      if (c.topological_rank(i) < progress * c.item_count())
        s.mastery[i] = unit(rng) < 0.8 ? 1.0 : 0.5;
    }
    s.goals.push_back({static_cast<uint32_t>(rng() % c.goals().size()), 1.0});
    if (rng() % 2) s.goals.push_back({static_cast<uint32_t>(rng() % c.goals().size()), 0.5});
  }
  return out;
}

void BM_RecommendGo(benchmark::State& state) {
  auto catalog = GoCatalog();
  Scorer scorer(catalog);
  const LearnerState learner = GoLearner(*catalog);
  RecommendOptions options;
  options.k = 10;
  options.explain = state.range(0) != 0;
  for (auto _ : state) {
    auto ranked = scorer.Recommend(learner, ScoringProfile{}, options);
    benchmark::DoNotOptimize(ranked);
  }
  state.SetLabel(options.explain ? "k=10, explained" : "k=10");
}
BENCHMARK(BM_RecommendGo)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_RecommendSynthetic(benchmark::State& state) {
  auto catalog = Synthetic(static_cast<uint32_t>(state.range(0)));
  Scorer scorer(catalog);
  const auto learners = Learners(*catalog, 16, 5);
  RecommendOptions options;
  options.k = 10;
  size_t j = 0;
  for (auto _ : state) {
    auto ranked = scorer.Recommend(learners[j++ % learners.size()], ScoringProfile{}, options);
    benchmark::DoNotOptimize(ranked);
  }
  state.counters["entries_per_item"] =
      static_cast<double>(catalog->alternative_count()) / catalog->item_count();
}
BENCHMARK(BM_RecommendSynthetic)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_ScorerSetup(benchmark::State& state) {
  auto catalog = Synthetic(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) {
    Scorer scorer(catalog);
    benchmark::DoNotOptimize(scorer.foundation(0));
  }
}
BENCHMARK(BM_ScorerSetup)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

constexpr size_t kBatchLearners = 1000;

void BM_SingleLoop1000On10k(benchmark::State& state) {
  auto catalog = Synthetic(10000);
  Scorer scorer(catalog);
  const auto learners = Learners(*catalog, kBatchLearners, 9);
  RecommendOptions options;
  options.k = 10;
  for (auto _ : state) {
    for (const LearnerState& learner : learners) {
      auto ranked = scorer.Recommend(learner, ScoringProfile{}, options);
      benchmark::DoNotOptimize(ranked);
    }
  }
  state.SetItemsProcessed(state.iterations() * kBatchLearners);
}
BENCHMARK(BM_SingleLoop1000On10k)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Batch1000On10k(benchmark::State& state) {
  auto catalog = Synthetic(10000);
  Scorer scorer(catalog);
  BatchScorer batch(scorer);
  const auto learners = Learners(*catalog, kBatchLearners, 9);
  RecommendOptions options;
  options.k = 10;
  std::vector<std::vector<Recommendation>> out;
  for (auto _ : state) {
    Status s =
        batch.Recommend(learners, ScoringProfile{}, options, &out,
                        static_cast<size_t>(state.range(0)), static_cast<size_t>(state.range(1)));
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * kBatchLearners);
}
// Args: block of learners, threads.
BENCHMARK(BM_Batch1000On10k)
    ->Args({8, 1})
    ->Args({16, 1})
    ->Args({32, 1})
    ->Args({64, 1})
    ->Args({16, 2})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime();

void BM_PlanGo(benchmark::State& state) {
  auto catalog = GoCatalog();
  Scorer scorer(catalog);
  const LearnerState learner = GoLearner(*catalog);
  size_t steps = 0;
  for (auto _ : state) {
    auto plan = PlanPath(scorer, learner, ScoringProfile{}, PlanOptions{});
    steps = plan ? plan->steps.size() : 0;
    benchmark::DoNotOptimize(plan);
  }
  state.counters["steps"] = static_cast<double>(steps);
}
BENCHMARK(BM_PlanGo)->Unit(benchmark::kMicrosecond);

// One team match: 50 members of mixed experience, the microservices goal,
// all twelve frameworks.
void BM_TeamMatchGo50(benchmark::State& state) {
  auto catalog = GoCatalog();
  Scorer scorer(catalog);
  TeamMatchRequest request;
  const auto learners = Learners(*catalog, 50, 21);
  for (size_t m = 0; m < learners.size(); ++m) {
    TeamMember member{"member-" + std::to_string(m), {}};
    for (ItemId i = 0; i < catalog->item_count(); ++i) {
      if (learners[m].mastery[i] > 0) member.mastery[catalog->item(i).id] = learners[m].mastery[i];
    }
    request.members.push_back(std::move(member));
  }
  request.goals = {{"microservices", 1.0}};
  request.k = 12;
  for (auto _ : state) {
    auto matches = MatchTeam(scorer, ScoringProfile{}, request);
    benchmark::DoNotOptimize(matches);
  }
}
BENCHMARK(BM_TeamMatchGo50)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pathrank

BENCHMARK_MAIN();
