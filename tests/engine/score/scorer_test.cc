// Each term of the scoring model on a five-item catalog, against values
// computed by hand (the derivations are in the comments).

#include "pathrank/scorer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "engine/tiny_catalogs.h"

namespace pathrank {
namespace {

constexpr double kTol = 1e-12;

class ScorerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    catalog_ = testing::FiveItemCatalog();
    ASSERT_TRUE(catalog_);
    scorer_ = std::make_unique<Scorer>(catalog_);
  }
  ItemId Id(const char* id) const { return *catalog_->FindItem(id); }
  LearnerState Learner(std::map<std::string, double> mastery,
                       std::map<std::string, double> goals = {}) const {
    auto state = MakeLearnerState(*catalog_, mastery, goals);
    EXPECT_TRUE(state) << state.error().message();
    return *state;
  }
  ScoreSheet Sheet(const LearnerState& learner, const ScoringProfile& profile = {}) const {
    ScoreSheet sheet;
    scorer_->Score(learner, profile, nullptr, &sheet);
    return sheet;
  }

  std::shared_ptr<const Catalog> catalog_;
  std::unique_ptr<Scorer> scorer_;
};

// The reference learner: a = 0.9, b = 0.4, goal g (weight 2).
TEST_F(ScorerTest, CoverageIsWeightedClauseSatisfaction) {
  ScoreSheet s = Sheet(Learner({{"a", 0.9}, {"b", 0.4}}, {{"g", 2.0}}));
  EXPECT_DOUBLE_EQ(s.terms[Id("a")].coverage, 1.0);  // no clause
  // c: (1 * 0.9 + 0.5 * 0.4) / 1.5
  EXPECT_NEAR(s.terms[Id("c")].coverage, (0.9 + 0.2) / 1.5, kTol);
  // d: a|b -> max(0.9, 0.4)
  EXPECT_NEAR(s.terms[Id("d")].coverage, 0.9, kTol);
  EXPECT_NEAR(s.terms[Id("e")].coverage, 0.0, kTol);
}

TEST_F(ScorerTest, OrClauseIsSatisfiedByAnyAlternative) {
  EXPECT_TRUE(Sheet(Learner({{"a", 0.9}})).ready[Id("d")]);
  EXPECT_TRUE(Sheet(Learner({{"b", 0.7}})).ready[Id("d")]);
  EXPECT_FALSE(Sheet(Learner({{"a", 0.5}, {"b", 0.5}})).ready[Id("d")]);
  EXPECT_NEAR(Sheet(Learner({{"a", 0.2}, {"b", 0.7}})).terms[Id("d")].coverage, 0.7, kTol);
}

TEST_F(ScorerTest, RequiresGatesReadinessRecommendsDoesNot) {
  // c requires a, recommends b.
  EXPECT_TRUE(Sheet(Learner({{"a", 0.6}})).ready[Id("c")]);              // b unmet: soft
  EXPECT_FALSE(Sheet(Learner({{"a", 0.59}, {"b", 1}})).ready[Id("c")]);  // a below 0.6
  ScoringProfile strict;
  strict.theta_req = 0.95;
  EXPECT_FALSE(Sheet(Learner({{"a", 0.9}}), strict).ready[Id("c")]);
}

TEST_F(ScorerTest, RelevancePropagatesThroughTwoHops) {
  ScoreSheet s = Sheet(Learner({{"a", 0.9}, {"b", 0.4}}, {{"g", 2.0}}));
  // Demand: e = 2 (goal weight 2 x target 1). lambda = 0.5.
  // c gets 0.5 * share 1 * (1 - m_e 0) / 1 alt * (1 - 0) * rel_e 2 = 1.
  // a gets 0.5 * (1/1.5) * (1 - m_c 0) * 1 * rel_c 1 = 1/3 (two hops from e);
  // b gets 0.5 * (0.5/1.5) * 1 * 1 = 1/6. Normalised by the max, rel_e = 2.
  EXPECT_NEAR(s.terms[Id("e")].relevance, 1.0, kTol);
  EXPECT_NEAR(s.terms[Id("c")].relevance, 0.5, kTol);
  EXPECT_NEAR(s.terms[Id("a")].relevance, (1.0 / 3) / 2, kTol);
  EXPECT_NEAR(s.terms[Id("b")].relevance, (1.0 / 6) / 2, kTol);
  EXPECT_NEAR(s.terms[Id("d")].relevance, 0.0, kTol);
}

TEST_F(ScorerTest, RelevanceSplitsAnOrClauseAndSkipsASatisfiedOne) {
  // Goal gd: d (1.0) plus tag t-b (0.5) -> demand d 1, b 0.5.
  ScoreSheet fresh = Sheet(Learner({}, {{"gd", 1.0}}));
  // a: 0.5 * 1 * (1 - 0) / 2 alts * (1 - m_b 0) * 1 = 0.25; b: 0.5 + 0.25.
  // Normalised by the max, d's own 1.
  EXPECT_NEAR(fresh.terms[Id("d")].relevance, 1.0, kTol);
  EXPECT_NEAR(fresh.terms[Id("b")].relevance, 0.75, kTol);
  EXPECT_NEAR(fresh.terms[Id("a")].relevance, 0.25, kTol);
  // With b mastered the clause is met: a unlocks nothing more toward d.
  ScoreSheet knows_b = Sheet(Learner({{"b", 1.0}}, {{"gd", 1.0}}));
  EXPECT_NEAR(knows_b.terms[Id("a")].relevance, 0.0, kTol);
}

TEST_F(ScorerTest, UnlockIsTheCoverageGainOfDependents) {
  ScoreSheet s = Sheet(Learner({{"a", 0.9}, {"b", 0.4}}));
  // a: c via share 2/3 * (1 - 0.9) + d via 1 * (1 - 0.9) = 1/6
  // b: c via share 1/3 * (1 - 0.4) + d via 1 * (1 - 0.9) = 0.3
  // c: e via 1 * (1 - 0) = 1 (the max)
  EXPECT_NEAR(s.terms[Id("a")].unlock, (2.0 / 3) * 0.1 + 0.1, 1e-12);
  EXPECT_NEAR(s.terms[Id("b")].unlock, 0.2 + 0.1, 1e-12);
  EXPECT_NEAR(s.terms[Id("c")].unlock, 1.0, kTol);
  EXPECT_NEAR(s.terms[Id("e")].unlock, 0.0, kTol);
}

TEST_F(ScorerTest, FoundationIsTheShareOfTransitiveDependents) {
  // a and b: c, d, e depend on them (3, the max); c: e (1); d, e: none.
  EXPECT_DOUBLE_EQ(scorer_->foundation(Id("a")), 1.0);
  EXPECT_DOUBLE_EQ(scorer_->foundation(Id("b")), 1.0);
  EXPECT_DOUBLE_EQ(scorer_->foundation(Id("c")), 1.0 / 3);
  EXPECT_DOUBLE_EQ(scorer_->foundation(Id("d")), 0.0);
}

// With stages, a dependent count is weighed by its stage's earliness,
// (S - stage) / S: here S = 2, a root in stage "late" building as much as a
// root in stage "early" gets half the prior.
TEST(ScorerFoundationTest, StageEarlinessWeighsTheDependents) {
  CatalogSpec spec;
  spec.id = "staged";
  spec.title = "Staged";
  spec.stages = {{"early", "Early", ""}, {"late", "Late", ""}};
  auto item = [](std::string id, std::string stage, std::vector<ClauseSpec> pre = {}) {
    ItemSpec s = testing::TinyItem(std::move(id), 1, 1, std::move(pre));
    s.stage = std::move(stage);
    return s;
  };
  spec.items.push_back(item("x", "early"));
  spec.items.push_back(item("y", "late"));
  spec.items.push_back(item("x2", "late", {{{"x"}, 1.0, ClauseType::kRequires, ""}}));
  spec.items.push_back(item("y2", "late", {{{"y"}, 1.0, ClauseType::kRecommends, ""}}));
  auto built = BuildCatalog(std::move(spec));
  ASSERT_TRUE(built) << built.error().message();
  Scorer scorer(*built);
  const Catalog& c = **built;
  EXPECT_DOUBLE_EQ(scorer.foundation(*c.FindItem("x")), 1.0);  // 1 dependent * 1
  EXPECT_DOUBLE_EQ(scorer.foundation(*c.FindItem("y")), 0.5);  // 1 dependent * 1/2
  EXPECT_DOUBLE_EQ(scorer.foundation(*c.FindItem("x2")), 0.0);
}

TEST_F(ScorerTest, EffortCombinesHoursAndDifficultyAboveLevel) {
  ScoreSheet s = Sheet(Learner({{"a", 0.9}, {"b", 0.4}}));
  // Hours scale log1p(h) / log1p(15): a 1/4, b 1/2, c 3/4, e 1.
  // Level: mean difficulty of mastered items = a's 2. Above: (d - 2 - 1) / 3.
  EXPECT_NEAR(s.terms[Id("a")].effort, 0.5 * 0.25, kTol);
  EXPECT_NEAR(s.terms[Id("b")].effort, 0.5 * 0.5, kTol);
  EXPECT_NEAR(s.terms[Id("c")].effort, 0.5 * 0.75 + 0.5 * (1.0 / 3), kTol);
  EXPECT_NEAR(s.terms[Id("e")].effort, 0.5 * 1.0 + 0.5 * (2.0 / 3), kTol);
}

TEST_F(ScorerTest, ScoreRanksReadyUnmasteredItems) {
  LearnerState learner = Learner({{"a", 0.9}, {"b", 0.4}}, {{"g", 2.0}});
  auto ranked = scorer_->Recommend(learner, ScoringProfile{}, RecommendOptions{});
  ASSERT_TRUE(ranked);
  // a is mastered (0.9 >= 0.8); e is not ready (c unmet).
  // c: 1 * (11/15 + 2.5*0.5 + 0.4*1 + 0.2/3 - 0.3*(0.375 + 1/6))
  // b: 0.6 * (1 + 2.5/12 + 0.4*0.3 + 0.2*1 - 0.3*0.25)
  // d: 1 * (0.9 + 0 + 0 + 0 - 0.3*0.25)
  const double c = 11.0 / 15 + 1.25 + 0.4 + 0.2 / 3 - 0.3 * (0.375 + 1.0 / 6);
  const double b = 0.6 * (1 + 2.5 / 12 + 0.12 + 0.2 - 0.075);
  const double d = 0.9 - 0.075;
  ASSERT_EQ(ranked->size(), 3u);
  EXPECT_EQ((*ranked)[0].item, Id("c"));
  EXPECT_NEAR((*ranked)[0].score, c, 1e-12);
  EXPECT_EQ((*ranked)[1].item, Id("b"));
  EXPECT_NEAR((*ranked)[1].score, b, 1e-12);
  EXPECT_EQ((*ranked)[2].item, Id("d"));
  EXPECT_NEAR((*ranked)[2].score, d, 1e-12);
}

TEST_F(ScorerTest, BlockedItemsOnlyOnRequestAndMarked) {
  LearnerState learner = Learner({{"a", 0.9}, {"b", 0.4}}, {{"g", 2.0}});
  RecommendOptions options;
  options.include_blocked = true;
  auto ranked = scorer_->Recommend(learner, ScoringProfile{}, options);
  ASSERT_TRUE(ranked);
  ASSERT_EQ(ranked->size(), 4u);
  // e: 1 * (0 + 2.5 * 1 - 0.3 * (0.5 + 1/3)) = 2.25, just below c.
  EXPECT_EQ((*ranked)[1].item, Id("e"));
  EXPECT_FALSE((*ranked)[1].ready);
  EXPECT_NEAR((*ranked)[1].score, 2.5 - 0.3 * (0.5 + 1.0 / 3), 1e-12);
  for (const auto& r : *ranked) {
    if (r.item != Id("e")) {
      EXPECT_TRUE(r.ready);
    }
  }
}

TEST_F(ScorerTest, KindsExcludeAndK) {
  LearnerState learner = Learner({{"a", 0.9}, {"b", 0.4}}, {{"g", 2.0}});
  RecommendOptions options;
  options.k = 1;
  options.exclude = {Id("c")};
  auto ranked = scorer_->Recommend(learner, ScoringProfile{}, options);
  ASSERT_TRUE(ranked);
  ASSERT_EQ(ranked->size(), 1u);
  EXPECT_EQ((*ranked)[0].item, Id("b"));
  options.kinds = {ItemKind::kFramework};
  EXPECT_TRUE(scorer_->Recommend(learner, ScoringProfile{}, options)->empty());
  options.k = 0;
  EXPECT_FALSE(scorer_->Recommend(learner, ScoringProfile{}, options));
}

TEST_F(ScorerTest, TiesBreakByStageThenId) {
  EXPECT_TRUE(scorer_->RanksBefore(Id("a"), 1.0, Id("b"), 1.0));
  EXPECT_FALSE(scorer_->RanksBefore(Id("b"), 1.0, Id("a"), 1.0));
  EXPECT_TRUE(scorer_->RanksBefore(Id("b"), 1.5, Id("a"), 1.0));
}

TEST_F(ScorerTest, ExplanationNamesTermsGapsGoalsAndUnlocks) {
  LearnerState learner = Learner({{"a", 0.9}, {"b", 0.4}}, {{"g", 2.0}});
  RecommendOptions options;
  options.explain = true;
  options.include_blocked = true;
  auto ranked = scorer_->Recommend(learner, ScoringProfile{}, options);
  ASSERT_TRUE(ranked);
  const Recommendation* c = nullptr;
  const Recommendation* b = nullptr;
  for (const auto& r : *ranked) {
    if (r.item == Id("c")) c = &r;
    if (r.item == Id("b")) b = &r;
  }
  ASSERT_TRUE(c && c->explanation && b && b->explanation);
  const Explanation& ec = *c->explanation;
  EXPECT_NEAR(ec.contributions.relevance, 2.5 * 0.5, kTol);
  EXPECT_NEAR(ec.contributions.effort, -0.3 * (0.375 + 1.0 / 6), kTol);
  const double sum = ec.contributions.coverage + ec.contributions.relevance +
                     ec.contributions.unlock + ec.contributions.foundation +
                     ec.contributions.sequence + ec.contributions.effort;
  EXPECT_NEAR(sum, c->score, 1e-12);
  // c's recommends-b clause is unmet (0.4 < 0.8), with b's mastery.
  ASSERT_EQ(ec.missing.size(), 1u);
  EXPECT_EQ(ec.missing[0].type, ClauseType::kRecommends);
  EXPECT_NEAR(ec.missing[0].satisfaction, 0.4, kTol);
  ASSERT_EQ(ec.missing[0].alternatives.size(), 1u);
  EXPECT_EQ(ec.missing[0].alternatives[0].first, Id("b"));
  // c serves g through e.
  ASSERT_EQ(ec.serves.size(), 1u);
  EXPECT_EQ(ec.serves[0].via, (std::vector<ItemId>{Id("c"), Id("e")}));
  EXPECT_EQ(ec.unlocks, (std::vector<ItemId>{Id("e")}));
  // b serves g through c and e; it unlocks c (gain 0.2) before d (0.1).
  const Explanation& eb = *b->explanation;
  ASSERT_EQ(eb.serves.size(), 1u);
  EXPECT_EQ(eb.serves[0].via, (std::vector<ItemId>{Id("b"), Id("c"), Id("e")}));
  EXPECT_EQ(eb.unlocks, (std::vector<ItemId>{Id("c"), Id("d")}));
}

TEST_F(ScorerTest, MasteryOfAnotherCatalogIsRejected) {
  LearnerState wrong;
  wrong.mastery.assign(3, 0.0);
  auto ranked = scorer_->Recommend(wrong, ScoringProfile{}, RecommendOptions{});
  ASSERT_FALSE(ranked);
  EXPECT_THAT(ranked.error().message(), ::testing::HasSubstr("3 mastery entries"));
}

}  // namespace
}  // namespace pathrank
