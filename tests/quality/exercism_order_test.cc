// Exercism curated orders (read from ../shared; skips without it): the
// catalog is acyclic and the curated order never takes a concept before its
// prerequisites.

#include "exercism_order.h"

#include <gtest/gtest.h>

#include "pathrank/eval/evaluator.h"
#include "pathrank/eval/replay.h"
#include "test_paths.h"

namespace pathrank {
namespace {

TEST(ExercismOrderTest, EveryTrackGivesAValidCuratedOrder) {
  if (testing::SharedPath("datasets/exercism/go/config.json").empty()) {
    GTEST_SKIP() << "../shared/datasets/exercism is absent (not shipped with the repository)";
  }
  for (const char* track : {"go", "python", "rust", "javascript", "java", "cpp", "elixir"}) {
    auto data = quality::LoadExercismOrder(
        testing::SharedPath(std::string("datasets/exercism/") + track), track);
    ASSERT_TRUE(data.has_value()) << track << ": " << data.error().message();
    const Catalog& c = *data->catalog;
    ASSERT_EQ(data->trajectories.size(), 1u);
    EXPECT_EQ(CountSteps(data->trajectories), c.item_count()) << track;
    ReplayTrajectory(c, data->trajectories[0], 0, [&](const ReplayStep& step) {
      for (ItemId i : step.truth) {
        EXPECT_FALSE(HasUnmetRequires(c, step.state.mastery, i, 0.6))
            << track << " " << c.item(i).id;
      }
    });
  }
}

TEST(ExercismOrderTest, GoTrackCounts) {
  const std::string dir = testing::SharedPath("datasets/exercism/go");
  if (dir.empty()) GTEST_SKIP() << "../shared/datasets/exercism is absent";
  auto data = quality::LoadExercismOrder(dir, "go");
  ASSERT_TRUE(data.has_value()) << data.error().message();
  EXPECT_EQ(data->catalog->id(), "exercism-go");
  EXPECT_EQ(data->catalog->item_count(), 34u);
  EXPECT_EQ(data->trajectories[0].steps.front().item, *data->catalog->FindItem("basics"));
}

}  // namespace
}  // namespace pathrank
