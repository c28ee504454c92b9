// Simulated learners: seeded, valid trajectories that follow the behaviour
// model (requires respected outside of none; goals recorded or hidden).

#include "pathrank/eval/simulator.h"

#include <gtest/gtest.h>

#include "pathrank/catalog_json.h"
#include "pathrank/eval/evaluator.h"
#include "pathrank/eval/replay.h"
#include "test_paths.h"

namespace pathrank {
namespace {

class SimulatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = LoadCatalogFile(testing::GoCatalogPath());
    ASSERT_TRUE(c.has_value());
    catalog_ = *c;
  }
  std::shared_ptr<const Catalog> catalog_;
};

TEST_F(SimulatorTest, SameSeedSameLearners) {
  SimulationOptions o;
  o.learners = 50;
  o.seed = 9;
  auto a = SimulateLearners(*catalog_, o);
  auto b = SimulateLearners(*catalog_, o);
  ASSERT_TRUE(a.has_value() && b.has_value());
  EXPECT_EQ(*a, *b);
  o.seed = 10;
  auto c = SimulateLearners(*catalog_, o);
  ASSERT_TRUE(c.has_value());
  EXPECT_NE(*a, *c);
}

TEST_F(SimulatorTest, TrajectoriesAreValidAndRespectRequires) {
  SimulationOptions o;
  o.learners = 200;
  auto learners = SimulateLearners(*catalog_, o);
  ASSERT_TRUE(learners.has_value());
  ASSERT_EQ(learners->size(), 200u);
  size_t steps = 0, blocked = 0;
  for (size_t l = 0; l < learners->size(); ++l) {
    const Trajectory& t = (*learners)[l];
    ASSERT_FALSE(t.steps.empty());
    for (const TrajectoryStep& s : t.steps) {
      EXPECT_GE(s.mastery, o.min_mastery);
      EXPECT_LE(s.mastery, 1.0);
      EXPECT_FALSE(s.goals.empty());
    }
    ReplayTrajectory(*catalog_, t, l, [&](const ReplayStep& step) {
      ++steps;
      for (ItemId i : step.truth)
        blocked += HasUnmetRequires(*catalog_, step.state.mastery, i, 0.6);
    });
  }
  EXPECT_EQ(blocked, 0u);  // mastery >= 0.7 >= theta_req: every requires clause met
  EXPECT_GT(steps, 200u * 10);
  // Round trip through the CSV format.
  auto again = ParseTrajectoriesCsv(*catalog_, FormatTrajectoriesCsv(*catalog_, *learners));
  ASSERT_TRUE(again.has_value()) << again.error().message();
  EXPECT_EQ(again->size(), learners->size());
  EXPECT_EQ(CountSteps(*again), CountSteps(*learners));
}

TEST_F(SimulatorTest, HiddenGoalsAndOptionChecks) {
  SimulationOptions o;
  o.learners = 5;
  o.record_goals = false;
  auto learners = SimulateLearners(*catalog_, o);
  ASSERT_TRUE(learners.has_value());
  for (const Trajectory& t : *learners) {
    for (const TrajectoryStep& s : t.steps) EXPECT_TRUE(s.goals.empty());
  }
  o.noise = 1.5;
  EXPECT_FALSE(SimulateLearners(*catalog_, o).has_value());
  o.noise = 0.1;
  o.min_mastery = 0;
  EXPECT_FALSE(SimulateLearners(*catalog_, o).has_value());
}

TEST_F(SimulatorTest, DropoutShortensTrajectories) {
  SimulationOptions keen, flaky;
  keen.learners = flaky.learners = 200;
  keen.dropout = 0.0;
  flaky.dropout = 0.2;
  auto a = SimulateLearners(*catalog_, keen);
  auto b = SimulateLearners(*catalog_, flaky);
  ASSERT_TRUE(a.has_value() && b.has_value());
  EXPECT_GT(CountSteps(*a), 2 * CountSteps(*b));
}

}  // namespace
}  // namespace pathrank
