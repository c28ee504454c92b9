// Scenarios on the Go catalog that a Go mentor would agree with.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "pathrank/catalog_json.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"
#include "test_paths.h"

namespace pathrank {
namespace {

class GoScenarioTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = LoadCatalogFile(testing::GoCatalogPath());
    ASSERT_TRUE(c) << c.error().message();
    catalog_ = new std::shared_ptr<const Catalog>(*c);
    scorer_ = new Scorer(*catalog_);
  }
  static void TearDownTestSuite() {
    delete scorer_;
    delete catalog_;
  }
  const Catalog& catalog() const { return **catalog_; }

  // Every item of the given stages mastered (projects aside).
  LearnerState Knowing(std::vector<std::string> stages,
                       std::map<std::string, double> goals = {}) const {
    std::map<std::string, double> mastery;
    for (const Item& item : catalog().items()) {
      if (item.kind == ItemKind::kProject) continue;
      if (std::find(stages.begin(), stages.end(), catalog().stages()[item.stage].id) !=
          stages.end()) {
        mastery[item.id] = 1.0;
      }
    }
    auto state = MakeLearnerState(catalog(), mastery, goals);
    EXPECT_TRUE(state) << state.error().message();
    return *state;
  }

  std::vector<std::string> Top(const LearnerState& learner, size_t k) const {
    RecommendOptions options;
    options.k = k;
    auto ranked = scorer_->Recommend(learner, ScoringProfile{}, options);
    EXPECT_TRUE(ranked);
    std::vector<std::string> ids;
    for (const auto& r : *ranked) ids.push_back(catalog().item(r.item).id);
    return ids;
  }

  // Goal demand of `goal` for item `id` (target weight + tag weights).
  double Demand(const std::string& goal, const std::string& id) const {
    const Goal& g = catalog().goals()[*catalog().FindGoal(goal)];
    const ItemId item = *catalog().FindItem(id);
    for (const auto& [i, d] : g.demand) {
      if (i == item) return d;
    }
    return 0;
  }

  static std::shared_ptr<const Catalog>* catalog_;
  static Scorer* scorer_;
};

std::shared_ptr<const Catalog>* GoScenarioTest::catalog_ = nullptr;
Scorer* GoScenarioTest::scorer_ = nullptr;

TEST_F(GoScenarioTest, NewLearnerStartsWithFoundations) {
  const auto top = Top(Knowing({}), 3);
  ASSERT_EQ(top.size(), 3u);
  // The first steps need nothing: every one has no requires clause at all.
  for (const std::string& id : top) {
    for (const Clause& clause : catalog().clauses_of(*catalog().FindItem(id))) {
      EXPECT_NE(clause.type, ClauseType::kRequires) << id;
    }
  }
  EXPECT_THAT(top, ::testing::Contains("go-environment"));
}

// Issue #20: a new learner with no goal is told to start where the roadmap
// starts. The ready items of a blank learner are computed, not listed: the
// first one must come from the catalog's first stage, and no later stage may
// lead while a ready item of an earlier stage waits with more items building
// on it.
TEST_F(GoScenarioTest, ColdStartLeadsWithTheFirstStage) {
  RecommendOptions options;
  options.k = 5;
  auto ranked = scorer_->Recommend(Knowing({}), ScoringProfile{}, options);
  ASSERT_TRUE(ranked);
  ASSERT_FALSE(ranked->empty());
  EXPECT_EQ(catalog().item((*ranked)[0].item).stage, 0u)
      << "led by " << catalog().item((*ranked)[0].item).id;
  // Every first-stage item that is ready is in the top five.
  ScoreSheet sheet;
  scorer_->Score(Knowing({}), ScoringProfile{}, nullptr, &sheet);
  std::set<ItemId> top;
  for (const auto& r : *ranked) top.insert(r.item);
  for (ItemId i = 0; i < catalog().item_count(); ++i) {
    if (catalog().item(i).stage == 0 && sheet.ready[i]) {
      EXPECT_TRUE(top.count(i)) << catalog().item(i).id;
    }
  }
}

TEST_F(GoScenarioTest, AfterSyntaxComesTheRestOfTheGoCore) {
  auto state = MakeLearnerState(
      catalog(), std::map<std::string, double>{{"go-environment", 1}, {"go-basic-syntax", 1}}, {});
  ASSERT_TRUE(state);
  const auto top = Top(*state, 2);
  // Data types and flow control directly build on the syntax.
  EXPECT_THAT(top, ::testing::Contains("go-data-types"));
}

// The seed's summary table puts "Go syntax, CS basics, and concurrency" in
// its Foundation stage: that is the learner who "knows the Go core and
// concurrency".
TEST_F(GoScenarioTest, MicroservicesAndFullStackGoalsDiverge) {
  const std::vector<std::string> core = {"foundation", "concurrency", "cs-basics"};
  const auto micro = Top(Knowing(core, {{"microservices", 1.0}}), 10);
  const auto full = Top(Knowing(core, {{"full-stack-web", 1.0}}), 10);
  ASSERT_EQ(micro.size(), 10u);
  ASSERT_EQ(full.size(), 10u);
  std::set<std::string> shared;
  for (const std::string& id : micro) {
    if (std::find(full.begin(), full.end(), id) != full.end()) shared.insert(id);
  }
  EXPECT_LE(shared.size(), 5u) << "top-10s share too much";
  // Each list is led by items its goal asks for directly.
  for (size_t r = 0; r < 3; ++r) {
    EXPECT_GT(Demand("microservices", micro[r]), 0.0) << micro[r];
    EXPECT_GT(Demand("full-stack-web", full[r]), 0.0) << full[r];
    EXPECT_EQ(std::find(full.begin(), full.begin() + 3, micro[r]), full.begin() + 3) << micro[r];
  }
}

TEST_F(GoScenarioTest, ExplanationsShowTheGoalChain) {
  LearnerState learner =
      Knowing({"foundation", "concurrency", "cs-basics"}, {{"microservices", 1.0}});
  RecommendOptions options;
  options.k = 10;
  options.explain = true;
  auto ranked = scorer_->Recommend(learner, ScoringProfile{}, options);
  ASSERT_TRUE(ranked);
  size_t serving = 0;
  for (const auto& r : *ranked) {
    for (const GoalService& s : r.explanation->serves) {
      ASSERT_FALSE(s.via.empty());
      EXPECT_EQ(s.via.front(), r.item);
      EXPECT_GT(Demand("microservices", catalog().item(s.via.back()).id), 0.0);
      // Each hop is a prerequisite of the next.
      for (size_t h = 0; h + 1 < s.via.size(); ++h) {
        bool linked = false;
        for (const Dependent& d : catalog().dependents_of(s.via[h]))
          linked |= d.item == s.via[h + 1];
        EXPECT_TRUE(linked);
      }
      ++serving;
    }
  }
  EXPECT_GE(serving, 5u);
}

TEST_F(GoScenarioTest, PathToAGoalSkipsMasteredAndRespectsRequires) {
  LearnerState learner = Knowing({"foundation", "concurrency"}, {{"microservices", 1.0}});
  PlanOptions options;
  options.hours_per_week = 8;
  auto plan = PlanPath(*scorer_, learner, ScoringProfile{}, options);
  ASSERT_TRUE(plan) << plan.error().message();
  ASSERT_GT(plan->steps.size(), 5u);
  std::vector<double> m = learner.mastery;
  std::set<std::string> on_path;
  for (const PlanStep& step : plan->steps) {
    EXPECT_LT(learner.mastery[step.item], 0.8) << catalog().item(step.item).id;
    for (const Clause& clause : catalog().clauses_of(step.item)) {
      if (clause.type != ClauseType::kRequires) continue;
      double s = 0;
      for (ItemId a : catalog().alternatives(clause)) s = std::max(s, m[a]);
      EXPECT_GE(s, 0.6) << catalog().item(step.item).id << " before its prerequisite";
    }
    m[step.item] = 1.0;
    on_path.insert(catalog().item(step.item).id);
    EXPECT_FALSE(step.reason.empty());
  }
  EXPECT_TRUE(on_path.count("grpc"));
  EXPECT_TRUE(on_path.count("protobuf"));
  EXPECT_TRUE(on_path.count("tcp-ip-stack"));  // gRPC needs HTTP/2, which needs TCP/IP
  EXPECT_EQ(plan->weeks, static_cast<int>(std::ceil(plan->total_hours / 8 - 1e-9)));
}

}  // namespace
}  // namespace pathrank
