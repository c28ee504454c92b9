// The replay hands each step only what came before it: changing the future
// of a trajectory never changes the state of an earlier step.

#include "pathrank/eval/replay.h"

#include <gtest/gtest.h>

#include <random>

#include "engine/tiny_catalogs.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/simulator.h"
#include "test_paths.h"

namespace pathrank {
namespace {

std::vector<ReplayStep> Collect(const Catalog& c, const Trajectory& t) {
  std::vector<ReplayStep> out;
  ReplayTrajectory(c, t, 0, [&](const ReplayStep& s) { out.push_back(s); });
  return out;
}

bool SameState(const ReplayStep& a, const ReplayStep& b) {
  return a.state.mastery == b.state.mastery && a.state.recent == b.state.recent &&
         a.state.goals == b.state.goals && a.candidates == b.candidates && a.event == b.event;
}

TEST(ReplayTest, StateIsWhatCameBefore) {
  auto c = testing::FiveItemCatalog();
  const ItemId a = *c->FindItem("a"), b = *c->FindItem("b"), cc = *c->FindItem("c"),
               e = *c->FindItem("e");
  Trajectory t{"u", {{1, a, 0.9, {{0, 1.0}}}, {2, b, 1.0, {}}, {2, cc, 0.7, {}}, {5, e, 1.0, {}}}};
  auto steps = Collect(*c, t);
  ASSERT_EQ(steps.size(), 3u);  // steps 1, 2 (two items), 5
  EXPECT_EQ(steps[0].truth, std::vector<ItemId>{a});
  EXPECT_EQ(steps[0].state.mastery, std::vector<double>(5, 0.0));
  EXPECT_TRUE(steps[0].state.recent.empty());
  EXPECT_EQ(steps[0].state.goals.size(), 1u);  // stated on the row of step 1
  EXPECT_EQ(steps[0].candidates.size(), 5u);

  EXPECT_EQ(steps[1].truth, (std::vector<ItemId>{b, cc}));
  EXPECT_DOUBLE_EQ(steps[1].state.mastery[a], 0.9);
  EXPECT_DOUBLE_EQ(steps[1].state.mastery[b], 0.0);
  EXPECT_EQ(steps[1].state.recent, std::vector<ItemId>{a});
  EXPECT_EQ(steps[1].candidates.size(), 4u);

  EXPECT_EQ(steps[2].truth, std::vector<ItemId>{e});
  EXPECT_DOUBLE_EQ(steps[2].state.mastery[cc], 0.7);
  EXPECT_EQ(steps[2].state.recent, (std::vector<ItemId>{cc, b, a}));  // newest first
  EXPECT_EQ(steps[2].candidates, (std::vector<ItemId>{*c->FindItem("d"), e}));
  EXPECT_EQ(CountEvents(t), 3u);
}

// For every cut point, replacing everything after it (items, mastery, goals,
// even the number of later steps) leaves every state up to it unchanged.
TEST(ReplayTest, NoFutureInformationLeaks) {
  auto catalog = LoadCatalogFile(testing::GoCatalogPath());
  ASSERT_TRUE(catalog.has_value());
  const Catalog& c = **catalog;
  SimulationOptions options;
  options.learners = 30;
  options.seed = 5;
  auto learners = SimulateLearners(c, options);
  ASSERT_TRUE(learners.has_value());
  std::mt19937_64 rng(11);
  size_t checked = 0;
  for (const Trajectory& original : *learners) {
    const auto before = Collect(c, original);
    for (size_t cut = 0; cut < original.steps.size(); cut += 3) {
      // Keep steps [0, cut]; rewrite the rest from other items.
      Trajectory changed = original;
      changed.steps.resize(cut + 1);
      std::vector<uint8_t> used(c.item_count(), 0);
      for (const TrajectoryStep& s : changed.steps) used[s.item] = 1;
      const uint32_t goal = static_cast<uint32_t>(rng() % c.goals().size());
      for (ItemId i = 0; i < c.item_count() && changed.steps.size() < cut + 8; ++i) {
        const ItemId pick = static_cast<ItemId>((i * 37 + rng() % 5) % c.item_count());
        if (used[pick]) continue;
        used[pick] = 1;
        changed.steps.push_back({changed.steps.back().step + 1, pick, 0.5, {{goal, 3.0}}});
      }
      const auto after = Collect(c, changed);
      // Every event up to the cut sees the same state and candidates.
      const size_t kept_events =
          CountEvents(Trajectory{"", {original.steps.begin(), original.steps.begin() + cut + 1}});
      ASSERT_GE(after.size(), kept_events);
      for (size_t e = 0; e < kept_events; ++e) {
        ASSERT_TRUE(SameState(before[e], after[e]))
            << original.learner << " cut " << cut << " event " << e;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 500u);
}

}  // namespace
}  // namespace pathrank
