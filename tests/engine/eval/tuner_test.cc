// The tuner: deterministic for a seed, and on simulated learners the tuned
// profile beats every baseline on the held-out split.

#include "pathrank/eval/tuner.h"

#include <gtest/gtest.h>

#include "pathrank/catalog_builder.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/simulator.h"
#include "pathrank/eval/synthetic_catalog.h"
#include "test_paths.h"

namespace pathrank {
namespace {

TEST(SplitLearnersTest, SeededDisjointAndComplete) {
  const double shares[] = {0.6, 0.2};
  auto a = SplitLearners(100, shares, 3);
  auto b = SplitLearners(100, shares, 3);
  EXPECT_EQ(a, b);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].size(), 60u);
  EXPECT_EQ(a[1].size(), 20u);
  EXPECT_EQ(a[2].size(), 20u);
  std::vector<int> seen(100, 0);
  for (const auto& g : a) {
    for (size_t i : g) ++seen[i];
  }
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 100);
  EXPECT_NE(SplitLearners(100, shares, 4), a);
}

TuneOptions SmallOptions(uint64_t seed) {
  TuneOptions o;
  o.seed = seed;
  o.random_samples = 10;
  o.descent_rounds = 2;
  o.validation_candidates = 3;
  o.bootstrap_resamples = 200;
  return o;
}

TEST(TunerTest, DeterministicForASeed) {
  SyntheticCatalogOptions so;
  so.items = 40;
  so.goals = 3;
  so.seed = 2;
  auto catalog = BuildCatalog(MakeSyntheticCatalog(so));
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  SimulationOptions sim;
  sim.learners = 60;
  sim.seed = 4;
  auto learners = SimulateLearners(**catalog, sim);
  ASSERT_TRUE(learners.has_value());
  Scorer scorer(*catalog);
  TuneOptions o = SmallOptions(7);
  size_t progress_calls = 0;
  o.progress = [&](const TuneProgress& p) {
    ++progress_calls;
    EXPECT_LE(p.done, p.total);
  };
  auto a = Tune(scorer, ScoringProfile{}, *learners, {}, o);
  ASSERT_TRUE(a.has_value()) << a.error().message();
  o.threads = 2;  // the thread count does not change the result
  auto b = Tune(scorer, ScoringProfile{}, *learners, {}, o);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(a->tuned, b->tuned);
  ASSERT_EQ(a->curve.size(), b->curve.size());
  for (size_t i = 0; i < a->curve.size(); ++i) EXPECT_EQ(a->curve[i].train, b->curve[i].train);
  EXPECT_EQ(a->test[0].total.ndcg, b->test[0].total.ndcg);
  EXPECT_EQ(a->comparisons[a->best_baseline].wilcoxon.p_value,
            b->comparisons[b->best_baseline].wilcoxon.p_value);
  EXPECT_GT(progress_calls, 10u);
  // The curve's best-so-far never falls.
  for (size_t i = 1; i < a->curve.size(); ++i) {
    EXPECT_GE(a->curve[i].best_train, a->curve[i - 1].best_train);
  }
  EXPECT_EQ(a->train_learners + a->validation_learners + a->test_learners, 60u);
  ASSERT_TRUE(a->sequence.has_value());
  // Another seed splits differently.
  auto c = Tune(scorer, ScoringProfile{}, *learners, {}, SmallOptions(8));
  ASSERT_TRUE(c.has_value());
  EXPECT_NE(a->curve[0].train, c->curve[0].train);
}

TEST(TunerTest, BeatsEveryBaselineOnSimulatedLearners) {
  auto catalog = LoadCatalogFile(testing::GoCatalogPath());
  ASSERT_TRUE(catalog.has_value());
  SimulationOptions sim;
  sim.learners = 150;
  sim.seed = 1;
  auto learners = SimulateLearners(**catalog, sim);
  ASSERT_TRUE(learners.has_value());
  Scorer scorer(*catalog);
  TuneOptions o = SmallOptions(1);
  o.threads = 2;
  auto r = Tune(scorer, ScoringProfile{}, *learners, {}, o);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  ASSERT_EQ(r->comparisons.size(), 5u);
  for (const BaselineComparison& c : r->comparisons) {
    EXPECT_GT(c.difference.estimate, 0.0) << c.baseline;
    EXPECT_GT(c.difference.low, 0.0) << c.baseline;
    EXPECT_GT(c.wilcoxon.z, 0.0) << c.baseline;
    EXPECT_LT(c.wilcoxon.p_value, 0.01) << c.baseline;
  }
  EXPECT_EQ(r->test[0].name, "pathrank");
  EXPECT_GT(r->tuned.w_seq, 0.0);
}

TEST(TunerTest, RejectsBadOptionsAndTinyInputs) {
  auto catalog = LoadCatalogFile(testing::GoCatalogPath());
  ASSERT_TRUE(catalog.has_value());
  Scorer scorer(*catalog);
  SimulationOptions sim;
  sim.learners = 2;
  auto learners = SimulateLearners(**catalog, sim);
  ASSERT_TRUE(learners.has_value());
  EXPECT_FALSE(Tune(scorer, ScoringProfile{}, *learners, {}, TuneOptions{}).has_value());
  TuneOptions bad;
  bad.train_share = 0.9;
  bad.validation_share = 0.2;
  EXPECT_FALSE(Tune(scorer, ScoringProfile{}, *learners, {}, bad).has_value());
  bad = TuneOptions{};
  bad.lambdas = {2.0};
  EXPECT_FALSE(Tune(scorer, ScoringProfile{}, *learners, {}, bad).has_value());
}

}  // namespace
}  // namespace pathrank
