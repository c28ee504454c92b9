#include "catalog/graph_order.h"

#include <gtest/gtest.h>

#include <vector>

namespace pathrank::internal {
namespace {

struct Graph {
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> prereqs;
  // Appends a node needing `needs`.
  void Add(std::vector<uint32_t> needs) {
    prereqs.insert(prereqs.end(), needs.begin(), needs.end());
    offsets.push_back(static_cast<uint32_t>(prereqs.size()));
  }
  PrereqGraph view() const { return {offsets, prereqs}; }
};

TEST(TopologicalOrderTest, PrerequisitesFirstThenPriority) {
  Graph g;
  g.Add({2});     // 0 needs 2
  g.Add({});      // 1
  g.Add({});      // 2
  g.Add({0, 1});  // 3 needs 0 and 1
  std::vector<uint32_t> priority{0, 1, 0, 0};
  auto order = TopologicalOrder(g.view(), priority);
  // Ready at first: 1 (p1), 2 (p0) -> 2 first; then 0 (p0) before 1 (p1).
  EXPECT_EQ(order, (std::vector<uint32_t>{2, 0, 1, 3}));
}

TEST(FindCyclesTest, NamesEachCycleOnce) {
  Graph g;
  g.Add({1});  // 0 -> 1
  g.Add({2});  // 1 -> 2
  g.Add({0});  // 2 -> 0   (cycle 0,1,2)
  g.Add({0});  // 3 depends on the cycle, is not on it
  g.Add({5});  // 4 -> 5
  g.Add({4});  // 5 -> 4   (cycle 4,5)
  g.Add({});   // 6 free
  std::vector<uint32_t> priority(7, 0);
  auto order = TopologicalOrder(g.view(), priority);
  EXPECT_EQ(order, (std::vector<uint32_t>{6}));
  auto cycles = FindCycles(g.view(), order);
  ASSERT_EQ(cycles.size(), 2u);
  EXPECT_EQ(cycles[0], (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(cycles[1], (std::vector<uint32_t>{4, 5}));
}

TEST(FindCyclesTest, CycleUpstreamOfAnotherIsStillReported) {
  Graph g;
  g.Add({1, 2});  // 0 needs 1 and 2
  g.Add({0});     // 1 needs 0    (cycle 0,1)
  g.Add({3});     // 2 needs 3
  g.Add({2});     // 3 needs 2    (cycle 2,3)
  std::vector<uint32_t> priority(4, 0);
  auto order = TopologicalOrder(g.view(), priority);
  EXPECT_TRUE(order.empty());
  auto cycles = FindCycles(g.view(), order);
  ASSERT_EQ(cycles.size(), 2u);
  EXPECT_EQ(cycles[0], (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(cycles[1], (std::vector<uint32_t>{2, 3}));
}

}  // namespace
}  // namespace pathrank::internal
