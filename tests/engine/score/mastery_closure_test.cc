// Issue #20: mastery implies what it stands on. A stated mastery is closed
// downwards over single-alternative `requires` clauses (learner.h), on by
// default, off with the profile field infer_mastery = 0, never overriding a
// stated mastery; recommendations, paths and team gaps see the closure and
// say which mastery was inferred.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/tiny_catalogs.h"
#include "pathrank/catalog_json.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"
#include "pathrank/team_matcher.h"
#include "test_paths.h"

namespace pathrank {
namespace {

TEST(MasteryClosureTest, RequiresChainsAreClosedRecommendsAndOrClausesAreNot) {
  auto c = testing::FiveItemCatalog();
  ASSERT_TRUE(c);
  auto id = [&](const char* s) { return *c->FindItem(s); };
  // e requires c; c requires a and recommends b.
  auto learner = MakeLearnerState(*c, {{"e", 0.9}}, {});
  ASSERT_TRUE(learner);
  EXPECT_DOUBLE_EQ(learner->mastery[id("c")], 0.9);
  EXPECT_DOUBLE_EQ(learner->mastery[id("a")], 0.9);
  EXPECT_DOUBLE_EQ(learner->mastery[id("b")], 0.0);  // only recommended
  ASSERT_EQ(learner->inferred.size(), 2u);
  EXPECT_EQ(learner->inferred[0], (InferredMastery{id("a"), 0.9, id("c")}));
  EXPECT_EQ(learner->inferred[1], (InferredMastery{id("c"), 0.9, id("e")}));
  // d requires a | b: which one was learned is unknown.
  auto either = MakeLearnerState(*c, {{"d", 1.0}}, {});
  ASSERT_TRUE(either);
  EXPECT_TRUE(either->inferred.empty());
  EXPECT_DOUBLE_EQ(either->mastery[id("a")], 0.0);
}

TEST(MasteryClosureTest, StatedMasteryIsNeverOverridden) {
  auto c = testing::FiveItemCatalog();
  ASSERT_TRUE(c);
  auto id = [&](const char* s) { return *c->FindItem(s); };
  auto learner = MakeLearnerState(*c, {{"e", 1.0}, {"c", 0.2}}, {});
  ASSERT_TRUE(learner);
  EXPECT_DOUBLE_EQ(learner->mastery[id("c")], 0.2);  // stated, lower, kept
  EXPECT_DOUBLE_EQ(learner->mastery[id("a")], 0.2);  // from c's stated 0.2
  EXPECT_EQ(FindInferred(*learner, id("c")), nullptr);
  auto explicit_zero = MakeLearnerState(*c, {{"e", 1.0}, {"c", 0.0}}, {});
  ASSERT_TRUE(explicit_zero);
  EXPECT_DOUBLE_EQ(explicit_zero->mastery[id("c")], 0.0);
}

TEST(MasteryClosureTest, TheSwitchTurnsItOff) {
  auto c = testing::FiveItemCatalog();
  ASSERT_TRUE(c);
  auto learner = MakeLearnerState(*c, {{"e", 0.9}}, {}, /*infer_prerequisites=*/false);
  ASSERT_TRUE(learner);
  EXPECT_TRUE(learner->inferred.empty());
  EXPECT_DOUBLE_EQ(learner->mastery[*c->FindItem("c")], 0.0);
  ScoringProfile profile;
  EXPECT_EQ(profile.infer_mastery, 1.0);
  EXPECT_TRUE(SetProfileField(profile, "infer_mastery", 0).ok());
  EXPECT_FALSE(SetProfileField(profile, "infer_mastery", 0.5).ok());
  auto parsed = ParseProfileJson(FormatProfileJson(profile));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->infer_mastery, 0.0);
}

class GoClosureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = LoadCatalogFile(testing::GoCatalogPath());
    ASSERT_TRUE(c) << c.error().message();
    catalog_ = *c;
    scorer_ = std::make_unique<Scorer>(catalog_);
  }
  ItemId Id(const char* s) const { return *catalog_->FindItem(s); }
  LearnerState GinLearner(bool infer, std::map<std::string, double> goals = {}) const {
    auto learner = MakeLearnerState(*catalog_, {{"gin", 1.0}}, goals, infer);
    EXPECT_TRUE(learner);
    return *learner;
  }
  std::shared_ptr<const Catalog> catalog_;
  std::unique_ptr<Scorer> scorer_;
};

TEST_F(GoClosureTest, GinImpliesTheGoCore) {
  const LearnerState learner = GinLearner(true);
  for (const char* id : {"go-environment", "go-basic-syntax", "go-structs-methods",
                         "http-semantics", "tcp-ip-stack"}) {
    EXPECT_DOUBLE_EQ(learner.mastery[Id(id)], 1.0) << id;
    EXPECT_NE(FindInferred(learner, Id(id)), nullptr) << id;
  }
  EXPECT_EQ(FindInferred(learner, Id("gin")), nullptr);
}

TEST_F(GoClosureTest, RecommendationsSkipInferredItemsAndSaySo) {
  RecommendOptions options;
  options.k = 20;
  options.explain = true;
  auto without = scorer_->Recommend(GinLearner(false), ScoringProfile{}, options);
  ASSERT_TRUE(without);
  auto ids = [&](const std::vector<Recommendation>& r) {
    std::vector<std::string> out;
    for (const auto& x : r) out.push_back(catalog_->item(x.item).id);
    return out;
  };
  // Without the closure the learner is sent back to the toolchain.
  EXPECT_THAT(ids(*without), ::testing::Contains("go-environment"));
  const LearnerState learner = GinLearner(true);
  auto with = scorer_->Recommend(learner, ScoringProfile{}, options);
  ASSERT_TRUE(with);
  EXPECT_THAT(ids(*with), ::testing::Not(::testing::Contains("go-environment")));
  EXPECT_THAT(ids(*with), ::testing::Not(::testing::Contains("go-basic-syntax")));
  size_t marked = 0;
  for (const Recommendation& r : *with) {
    for (const InferredMastery& e : r.explanation->inferred) {
      const InferredMastery* known = FindInferred(learner, e.item);
      ASSERT_NE(known, nullptr);
      EXPECT_EQ(*known, e);
      ++marked;
    }
  }
  EXPECT_GT(marked, 0u);
}

TEST_F(GoClosureTest, PathsSkipInferredItemsAndSaySo) {
  const LearnerState learner = GinLearner(true, {{"microservices", 1.0}});
  auto plan = PlanPath(*scorer_, learner, ScoringProfile{}, PlanOptions{});
  ASSERT_TRUE(plan) << plan.error().message();
  for (const PlanStep& step : plan->steps) {
    EXPECT_EQ(FindInferred(learner, step.item), nullptr) << catalog_->item(step.item).id;
  }
  EXPECT_FALSE(plan->inferred.empty());
  for (const InferredMastery& e : plan->inferred) EXPECT_NE(FindInferred(learner, e.item), nullptr);
}

TEST_F(GoClosureTest, TeamGapsOfAGinMemberLeaveOutTheGoCore) {
  TeamMatchRequest request;
  request.members = {{"ana", {{"gin", 1.0}}}};
  request.k = 10;
  auto steps = [&](const ScoringProfile& profile) {
    auto matches = MatchTeam(*scorer_, profile, request);
    EXPECT_TRUE(matches) << matches.error().message();
    std::vector<std::string> out;
    size_t inferred = 0;
    for (const TeamMatch& m : *matches) {
      for (const PlanStep& s : m.members[0].plan.steps) out.push_back(catalog_->item(s.item).id);
      inferred += m.members[0].plan.inferred.size();
    }
    return std::make_pair(out, inferred);
  };
  ScoringProfile off;
  off.infer_mastery = 0;
  const auto [before, none] = steps(off);
  EXPECT_THAT(before, ::testing::Contains("go-environment"));
  EXPECT_EQ(none, 0u);
  const auto [after, marked] = steps(ScoringProfile{});
  EXPECT_THAT(after, ::testing::Not(::testing::Contains("go-environment")));
  EXPECT_THAT(after, ::testing::Not(::testing::Contains("go-basic-syntax")));
  EXPECT_GT(marked, 0u);
}

}  // namespace
}  // namespace pathrank
