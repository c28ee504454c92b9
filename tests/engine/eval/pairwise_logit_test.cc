// The learned tuning method: the pairwise logistic fit recovers planted
// weights from choices it generated, is deterministic, keeps constrained
// weights non-negative; Tune(kLearned) is deterministic for a seed whatever
// the thread count.

#include "learn/pairwise_logit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "pathrank/catalog_builder.h"
#include "pathrank/eval/simulator.h"
#include "pathrank/eval/synthetic_catalog.h"
#include "pathrank/eval/tuner.h"

namespace pathrank {
namespace {

using internal::FitPairwiseLogit;
using internal::LogitOptions;
using internal::PairSet;

// Steps of 20 candidates with 4 uniform features; the chosen one maximises
// planted . x + Gumbel noise (so the pairwise choice is logistic in the
// planted weights); pairs: chosen vs every other.
PairSet PlantedPairs(const std::vector<double>& planted, size_t steps, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  PairSet pairs;
  pairs.width = planted.size();
  std::vector<std::vector<double>> x(20, std::vector<double>(planted.size()));
  for (size_t s = 0; s < steps; ++s) {
    size_t best = 0;
    double best_utility = -1e300;
    for (size_t c = 0; c < x.size(); ++c) {
      double utility = -std::log(-std::log(u(rng) * 0.999999 + 5e-7));
      for (size_t k = 0; k < planted.size(); ++k) {
        x[c][k] = u(rng);
        utility += planted[k] * x[c][k];
      }
      if (utility > best_utility) {
        best_utility = utility;
        best = c;
      }
    }
    for (size_t c = 0; c < x.size(); ++c) {
      if (c == best) continue;
      for (size_t k = 0; k < planted.size(); ++k) {
        pairs.diffs.push_back(static_cast<float>(x[best][k] - x[c][k]));
      }
    }
  }
  return pairs;
}

TEST(PairwiseLogitTest, RecoversThePlantedWeights) {
  const std::vector<double> planted = {3.0, 0.8, 0.0, 1.6};
  const PairSet pairs = PlantedPairs(planted, 3000, 11);
  LogitOptions o;
  o.l2 = 1e-6;
  const auto fit = FitPairwiseLogit(pairs, {0, 1, 2, 3}, o);
  ASSERT_TRUE(fit.converged);
  ASSERT_EQ(fit.w.size(), 4u);
  // Order and sign of the planted weights, and their size within 15%.
  EXPECT_GT(fit.w[0], fit.w[3]);
  EXPECT_GT(fit.w[3], fit.w[1]);
  EXPECT_GT(fit.w[1], 0.3);
  EXPECT_LT(std::abs(fit.w[2]), 0.15);
  for (size_t k : {0, 1, 3}) EXPECT_NEAR(fit.w[k], planted[k], 0.15 * planted[k]) << k;
}

TEST(PairwiseLogitTest, ConstrainedWeightsStayNonNegative) {
  const std::vector<double> planted = {2.0, -1.5, 1.0};
  const PairSet pairs = PlantedPairs(planted, 2000, 5);
  LogitOptions free;
  free.l2 = 1e-6;
  const auto unconstrained = FitPairwiseLogit(pairs, {0, 1, 2}, free);
  EXPECT_LT(unconstrained.w[1], -1.0);  // the data do say "negative"
  LogitOptions o = free;
  o.nonnegative = {true, true, true};
  const auto fit = FitPairwiseLogit(pairs, {0, 1, 2}, o);
  EXPECT_EQ(fit.w[1], 0.0);
  EXPECT_GT(fit.w[0], fit.w[2]);
  EXPECT_GT(fit.w[2], 0.0);
  // A subset of the columns fits those columns only.
  const auto two = FitPairwiseLogit(pairs, {2, 0}, o);
  ASSERT_EQ(two.w.size(), 2u);
  EXPECT_GT(two.w[1], two.w[0]);
}

TEST(PairwiseLogitTest, DeterministicAndL2Shrinks) {
  const PairSet pairs = PlantedPairs({1.0, 2.0}, 500, 3);
  LogitOptions o;
  o.l2 = 1e-3;
  const auto a = FitPairwiseLogit(pairs, {0, 1}, o);
  const auto b = FitPairwiseLogit(pairs, {0, 1}, o);
  EXPECT_EQ(a.w, b.w);
  o.l2 = 1.0;
  const auto shrunk = FitPairwiseLogit(pairs, {0, 1}, o);
  EXPECT_LT(std::hypot(shrunk.w[0], shrunk.w[1]), std::hypot(a.w[0], a.w[1]));
}

TEST(LearnedTuneTest, DeterministicForASeedAndBeatsTheUntunedProfile) {
  SyntheticCatalogOptions so;
  so.items = 40;
  so.goals = 3;
  so.seed = 2;
  auto catalog = BuildCatalog(MakeSyntheticCatalog(so));
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  SimulationOptions sim;
  sim.learners = 80;
  sim.seed = 4;
  auto learners = SimulateLearners(**catalog, sim);
  ASSERT_TRUE(learners.has_value());
  Scorer scorer(*catalog);
  TuneOptions o;
  o.seed = 7;
  o.method = TuneMethod::kLearned;
  o.validation_candidates = 3;
  o.bootstrap_resamples = 200;
  auto a = Tune(scorer, ScoringProfile{}, *learners, {}, o);
  ASSERT_TRUE(a.has_value()) << a.error().message();
  o.threads = 2;
  auto b = Tune(scorer, ScoringProfile{}, *learners, {}, o);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(a->method, TuneMethod::kLearned);
  EXPECT_EQ(a->tuned, b->tuned);
  EXPECT_EQ(a->test[0].total.ndcg, b->test[0].total.ndcg);
  // Every fit is on the curve: 2 starts + lambdas (3 + the base 0.5 is in
  // the grid) * 2 decays * 3 L2 strengths.
  size_t learned = 0;
  for (const auto& p : a->curve) learned += p.phase == "learned" ? 1 : 0;
  EXPECT_EQ(learned, 3u * 2u * 3u);
  // The best fit beats the untuned profile on train.
  double best_fit = 0;
  for (const auto& p : a->curve) {
    if (p.phase == "learned") best_fit = std::max(best_fit, p.train);
  }
  EXPECT_GT(best_fit, a->curve[0].train);
}

}  // namespace
}  // namespace pathrank
