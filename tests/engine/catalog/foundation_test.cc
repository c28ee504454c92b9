#include "catalog/foundation.h"

#include <gtest/gtest.h>

#include <vector>

#include "pathrank/catalog_builder.h"
#include "pathrank/eval/synthetic_catalog.h"

namespace pathrank::internal {
namespace {

// The same count by a breadth-first search from every item.
std::vector<uint32_t> CountByWalking(const Catalog& c) {
  std::vector<uint32_t> count(c.item_count(), 0);
  std::vector<uint32_t> seen(c.item_count(), UINT32_MAX);
  std::vector<ItemId> frontier;
  for (ItemId start = 0; start < c.item_count(); ++start) {
    frontier.assign(1, start);
    seen[start] = start;
    while (!frontier.empty()) {
      const ItemId v = frontier.back();
      frontier.pop_back();
      for (const Dependent& d : c.dependents_of(v)) {
        if (seen[d.item] == start) continue;
        seen[d.item] = start;
        ++count[start];
        frontier.push_back(d.item);
      }
    }
  }
  return count;
}

// Sizes around the 512-target block, so that chains cross blocks, and one
// of 10 blocks, which two workers share.
class TransitiveDependentsTest : public ::testing::TestWithParam<uint32_t> {};

TEST_P(TransitiveDependentsTest, EqualsAWalkFromEveryItem) {
  SyntheticCatalogOptions o;
  o.items = GetParam();
  o.seed = GetParam();
  auto catalog = BuildCatalog(MakeSyntheticCatalog(o));
  ASSERT_TRUE(catalog) << catalog.error().message();
  const std::vector<uint32_t> expected = CountByWalking(**catalog);
  EXPECT_EQ(CountTransitiveDependents(**catalog), expected);
  uint32_t most = 0;
  for (uint32_t e : expected) most = std::max(most, e);
  EXPECT_GT(most, 0u);  // the case is not trivial
}

INSTANTIATE_TEST_SUITE_P(Sizes, TransitiveDependentsTest,
                         ::testing::Values(50u, 511u, 512u, 513u, 1500u, 3000u, 5000u));

}  // namespace
}  // namespace pathrank::internal
