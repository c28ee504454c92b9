#include "pathrank/planner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/tiny_catalogs.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

class PlannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    catalog_ = testing::FiveItemCatalog();
    ASSERT_TRUE(catalog_);
    scorer_ = std::make_unique<Scorer>(catalog_);
  }
  ItemId Id(const char* id) const { return *catalog_->FindItem(id); }
  std::vector<std::string> Ids(const Plan& plan) const {
    std::vector<std::string> out;
    for (const PlanStep& s : plan.steps) out.push_back(catalog_->item(s.item).id);
    return out;
  }
  Result<Plan> PlanFor(std::map<std::string, double> mastery, std::map<std::string, double> goals,
                       double hours_per_week = 10) {
    auto learner = MakeLearnerState(*catalog_, mastery, goals);
    EXPECT_TRUE(learner);
    PlanOptions options;
    options.hours_per_week = hours_per_week;
    return PlanPath(*scorer_, *learner, ScoringProfile{}, options);
  }

  std::shared_ptr<const Catalog> catalog_;
  std::unique_ptr<Scorer> scorer_;
};

TEST_F(PlannerTest, TargetPlusRequiresClosureInOrder) {
  // Goal g targets e; e requires c; c requires a (b is only recommended).
  auto plan = PlanFor({}, {{"g", 1.0}}, 10);
  ASSERT_TRUE(plan) << plan.error().message();
  EXPECT_EQ(Ids(*plan), (std::vector<std::string>{"a", "c", "e"}));
  // Hours 1, 7, 15 -> cumulative 1, 8, 23 -> weeks 1, 1, 3 at 10 h/week.
  EXPECT_DOUBLE_EQ(plan->steps[2].cumulative_hours, 23);
  EXPECT_EQ(plan->steps[0].week, 1);
  EXPECT_EQ(plan->steps[1].week, 1);
  EXPECT_EQ(plan->steps[2].week, 3);
  EXPECT_EQ(plan->weeks, 3);
  EXPECT_DOUBLE_EQ(plan->total_hours, 23);
  EXPECT_EQ(plan->steps[2].reason, "target of goal g");
  EXPECT_EQ(plan->steps[1].reason, "required by e");
  EXPECT_EQ(plan->steps[0].reason, "required by c");
}

TEST_F(PlannerTest, MasteredItemsAreLeftOut) {
  auto plan = PlanFor({{"a", 0.85}}, {{"g", 1.0}});
  ASSERT_TRUE(plan);
  EXPECT_EQ(Ids(*plan), (std::vector<std::string>{"c", "e"}));
}

TEST_F(PlannerTest, OrClauseTakesTheAlternativeClosestToTheLearner) {
  // gx targets d (a|b). Fresh: a and b tie on mastery; a takes fewer hours.
  auto fresh = PlanFor({}, {{"gx", 1.0}});
  ASSERT_TRUE(fresh);
  EXPECT_EQ(Ids(*fresh), (std::vector<std::string>{"a", "d"}));
  // Knowing some of b makes b the better choice.
  auto partial = PlanFor({{"b", 0.5}}, {{"gx", 1.0}});
  ASSERT_TRUE(partial);
  EXPECT_EQ(Ids(*partial), (std::vector<std::string>{"b", "d"}));
  EXPECT_EQ(partial->steps[0].reason, "required by d");
}

TEST_F(PlannerTest, AnAlternativeMadeUnnecessaryIsDropped) {
  // gd targets d and, through tag t-b, b. With a half known the clause first
  // picks a, but b is learned anyway and satisfies d's clause: a drops out.
  auto plan = PlanFor({{"a", 0.5}}, {{"gd", 1.0}});
  ASSERT_TRUE(plan);
  EXPECT_EQ(Ids(*plan), (std::vector<std::string>{"b", "d"}));
  EXPECT_EQ(plan->steps[0].reason, "target of goal gd");
  EXPECT_EQ(plan->steps[1].reason, "target of goal gd");
}

TEST_F(PlannerTest, Errors) {
  auto no_goal = PlanFor({}, {});
  ASSERT_FALSE(no_goal);
  EXPECT_EQ(no_goal.error().fields()[0].field, "/goals");
  auto bad_hours = PlanFor({}, {{"g", 1.0}}, 0);
  ASSERT_FALSE(bad_hours);
  EXPECT_EQ(bad_hours.error().fields()[0].field, "/hours_per_week");
  auto learner = MakeLearnerState(*catalog_, std::map<std::string, double>{}, {{"g", 1.0}});
  PlanOptions tiny;
  tiny.max_steps = 2;
  auto too_long = PlanPath(*scorer_, *learner, ScoringProfile{}, tiny);
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().code(), StatusCode::kOutOfRange);
}

TEST_F(PlannerTest, NothingToLearnIsAnEmptyPlan) {
  auto plan = PlanFor({{"a", 1}, {"c", 1}, {"e", 1}}, {{"g", 1.0}});
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->steps.empty());
  EXPECT_EQ(plan->weeks, 0);
}

}  // namespace
}  // namespace pathrank
