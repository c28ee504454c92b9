// The evaluator and the baselines on small hand-made cases.

#include "pathrank/eval/evaluator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "engine/tiny_catalogs.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/baselines.h"
#include "pathrank/eval/simulator.h"
#include "test_paths.h"

namespace pathrank {
namespace {

// Ranks candidates in a fixed order given at construction.
class FixedRanker final : public Ranker {
 public:
  explicit FixedRanker(std::vector<ItemId> order) : order_(std::move(order)) {}
  const std::string& name() const override { return name_; }
  size_t Rank(const ReplayStep& step, std::vector<ItemId>* ranking) const override {
    ranking->clear();
    for (ItemId i : order_) {
      if (std::find(step.candidates.begin(), step.candidates.end(), i) != step.candidates.end()) {
        ranking->push_back(i);
      }
    }
    return ranking->size();
  }

 private:
  std::vector<ItemId> order_;
  std::string name_ = "fixed";
};

class EvaluatorTest : public ::testing::Test {
 protected:
  std::shared_ptr<const Catalog> c_ = testing::FiveItemCatalog();
  ItemId Id(const char* id) const { return *c_->FindItem(id); }
};

TEST_F(EvaluatorTest, HandComputedReplay) {
  // Order a, b, c, d, e. Learner: d (position 4 of 5), then a (position 1 of
  // the 4 left). k = 2.
  FixedRanker fixed({Id("a"), Id("b"), Id("c"), Id("d"), Id("e")});
  const Ranker* rankers[] = {&fixed};
  const Trajectory t{"u", {{1, Id("d"), 1, {}}, {2, Id("a"), 1, {}}}};
  EvalOptions o;
  o.k = 2;
  auto r = Evaluate(*c_, std::span(&t, 1), rankers, o);
  ASSERT_TRUE(r.has_value());
  const RankMetrics m = (*r)[0].total.mean();
  EXPECT_EQ((*r)[0].total.count, 2u);
  EXPECT_DOUBLE_EQ(m.hit, 0.5);
  EXPECT_DOUBLE_EQ(m.ndcg, 0.5);  // (0 + 1) / 2
  EXPECT_DOUBLE_EQ(m.rr, (0.25 + 1.0) / 2);
  // Top-2 lists: {a, b} then {a, b}: 2 of 5 items.
  EXPECT_DOUBLE_EQ((*r)[0].coverage, 0.4);
  // At step 1 nothing is mastered: a, b have no clause (met); step 2 has d
  // mastered: still a, b. No unmet requires.
  EXPECT_DOUBLE_EQ((*r)[0].unmet_requires, 0.0);
  EXPECT_EQ((*r)[0].recommendations, 4u);
}

TEST_F(EvaluatorTest, UnmetRequiresCountsBlockedRecommendations) {
  FixedRanker fixed({Id("e"), Id("c"), Id("a"), Id("b"), Id("d")});
  const Ranker* rankers[] = {&fixed};
  const Trajectory t{"u", {{1, Id("a"), 1, {}}}};
  EvalOptions o;
  o.k = 2;
  auto r = Evaluate(*c_, std::span(&t, 1), rankers, o);
  ASSERT_TRUE(r.has_value());
  EXPECT_DOUBLE_EQ((*r)[0].unmet_requires, 1.0);  // e needs c, c needs a
  EXPECT_TRUE(HasUnmetRequires(*c_, std::vector<double>(5, 0.0), Id("d"), 0.6));
  std::vector<double> m(5, 0.0);
  m[Id("b")] = 0.6;
  EXPECT_FALSE(HasUnmetRequires(*c_, m, Id("d"), 0.6));  // a or b
}

TEST_F(EvaluatorTest, BaselinesOrderAsDocumented) {
  const std::vector<Trajectory> train = {
      {"1", {{1, Id("b"), 1, {}}, {2, Id("d"), 1, {}}}},
      {"2", {{1, Id("b"), 1, {}}, {2, Id("a"), 1, {}}, {3, Id("c"), 1, {}}}},
      {"3", {{1, Id("a"), 1, {}}, {2, Id("c"), 1, {}}}}};
  auto popularity = MakePopularityRanker(*c_, train);
  auto transition = MakeTransitionRanker(*c_, train);
  auto order = MakeCatalogOrderRanker();
  ReplayStep step;
  step.state.mastery.assign(5, 0.0);
  step.candidates = {0, 1, 2, 3, 4};
  std::vector<ItemId> ranking;
  popularity->Rank(step, &ranking);
  // b 2, a 2, c 2, d 1, e 0; ties by catalog order.
  EXPECT_EQ(ranking, (std::vector<ItemId>{Id("a"), Id("b"), Id("c"), Id("d"), Id("e")}));
  order->Rank(step, &ranking);
  EXPECT_EQ(ranking, (std::vector<ItemId>{0, 1, 2, 3, 4}));
  // Start: b twice, a once.
  transition->Rank(step, &ranking);
  EXPECT_EQ(ranking[0], Id("b"));
  EXPECT_EQ(ranking[1], Id("a"));
  // After b: d once, a once (ties by popularity: a 2 > d 1).
  step.state.recent = {Id("b")};
  step.candidates = {Id("a"), Id("c"), Id("d"), Id("e")};
  transition->Rank(step, &ranking);
  EXPECT_EQ(ranking, (std::vector<ItemId>{Id("a"), Id("d"), Id("c"), Id("e")}));
}

TEST_F(EvaluatorTest, RandomRankerIsSeededPerStep) {
  auto r1 = MakeRandomRanker(3), r2 = MakeRandomRanker(3), r3 = MakeRandomRanker(4);
  ReplayStep step;
  step.learner = 7;
  step.event = 2;
  for (ItemId i = 0; i < 50; ++i) step.candidates.push_back(i);
  std::vector<ItemId> a, b, c;
  r1->Rank(step, &a);
  r2->Rank(step, &b);
  r3->Rank(step, &c);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  std::vector<ItemId> sorted = a;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, step.candidates);
}

// The pathrank ranker's top k is exactly Scorer::Recommend()'s, and it never
// recommends an item whose requires are unmet.
TEST(ProfileRankerTest, TopKMatchesRecommend) {
  auto catalog = LoadCatalogFile(testing::GoCatalogPath());
  ASSERT_TRUE(catalog.has_value());
  const Catalog& c = **catalog;
  Scorer scorer(*catalog);
  SimulationOptions so;
  so.learners = 5;
  auto learners = SimulateLearners(c, so);
  ASSERT_TRUE(learners.has_value());
  ScoringProfile profile;
  auto ranker = MakeProfileRanker(scorer, profile, nullptr);
  size_t checked = 0;
  for (size_t l = 0; l < learners->size(); ++l) {
    ReplayTrajectory(c, (*learners)[l], l, [&](const ReplayStep& step) {
      std::vector<ItemId> ranking;
      const size_t shown = ranker->Rank(step, &ranking);
      RecommendOptions options;
      options.k = 10;
      for (ItemId i = 0; i < c.item_count(); ++i) {
        if (std::find(step.candidates.begin(), step.candidates.end(), i) == step.candidates.end()) {
          options.exclude.push_back(i);
        }
      }
      auto recommended = scorer.Recommend(step.state, profile, options);
      ASSERT_TRUE(recommended.has_value());
      ASSERT_LE(recommended->size(), shown);
      for (size_t r = 0; r < recommended->size(); ++r) {
        EXPECT_EQ(ranking[r], (*recommended)[r].item);
        EXPECT_FALSE(HasUnmetRequires(c, step.state.mastery, ranking[r], profile.theta_req));
      }
      ++checked;
    });
  }
  EXPECT_GT(checked, 20u);
}

TEST(EvaluateTest, ResultsDoNotDependOnThreads) {
  auto catalog = LoadCatalogFile(testing::GoCatalogPath());
  ASSERT_TRUE(catalog.has_value());
  Scorer scorer(*catalog);
  SimulationOptions so;
  so.learners = 40;
  auto learners = SimulateLearners(**catalog, so);
  ASSERT_TRUE(learners.has_value());
  auto profile = MakeProfileRanker(scorer, ScoringProfile{}, nullptr);
  auto random = MakeRandomRanker(1);
  const Ranker* rankers[] = {profile.get(), random.get()};
  EvalOptions one, three;
  three.threads = 3;
  auto a = Evaluate(**catalog, *learners, rankers, one);
  auto b = Evaluate(**catalog, *learners, rankers, three);
  ASSERT_TRUE(a.has_value() && b.has_value());
  for (size_t r = 0; r < 2; ++r) {
    EXPECT_EQ((*a)[r].total.ndcg, (*b)[r].total.ndcg);
    EXPECT_EQ((*a)[r].total.rr, (*b)[r].total.rr);
    EXPECT_EQ((*a)[r].coverage, (*b)[r].coverage);
    EXPECT_EQ((*a)[r].unmet_requires, (*b)[r].unmet_requires);
  }
  EXPECT_FALSE(Evaluate(**catalog, *learners, rankers, EvalOptions{0, 0.6, 1}).has_value());
}

}  // namespace
}  // namespace pathrank
