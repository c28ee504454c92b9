#include "catalog/foundation.h"

#include <algorithm>
#include <array>
#include <bit>

namespace pathrank::internal {

std::vector<uint32_t> CountTransitiveDependents(const Catalog& catalog) {
  constexpr size_t kWords = 8;  // 512 targets per block
  constexpr size_t kBlock = kWords * 64;
  using Bits = std::array<uint64_t, kWords>;

  const size_t n = catalog.item_count();
  const auto order = catalog.topological_order();
  std::vector<uint32_t> count(n, 0);
  std::vector<Bits> reach(n);
  for (size_t begin = 0; begin < n; begin += kBlock) {
    const size_t end = std::min(n, begin + kBlock);
    // Targets are the items at topological positions [begin, end). Only items
    // at positions < end can reach them; visit those dependents-first.
    for (size_t pos = end; pos-- > 0;) {
      const ItemId v = order[pos];
      Bits bits{};
      if (pos >= begin) {
        const size_t t = pos - begin;
        bits[t / 64] |= uint64_t{1} << (t % 64);
      }
      for (const Dependent& d : catalog.dependents_of(v)) {
        // A dependent ranks after v, so it was visited if it is below `end`.
        if (catalog.topological_rank(d.item) >= end) continue;
        const Bits& other = reach[d.item];
        for (size_t w = 0; w < kWords; ++w) bits[w] |= other[w];
      }
      reach[v] = bits;
      uint32_t total = 0;
      for (uint64_t word : bits) total += static_cast<uint32_t>(std::popcount(word));
      count[v] += total - (pos >= begin ? 1 : 0);
    }
  }
  return count;
}

std::vector<double> FoundationPrior(const Catalog& catalog) {
  const std::vector<uint32_t> dependents = CountTransitiveDependents(catalog);
  const size_t stages = catalog.stages().size();
  std::vector<double> prior(catalog.item_count(), 0.0);
  double max_prior = 0;
  for (ItemId i = 0; i < catalog.item_count(); ++i) {
    const double earliness = stages <= 1 ? 1.0
                                         : static_cast<double>(stages - catalog.item(i).stage) /
                                               static_cast<double>(stages);
    prior[i] = static_cast<double>(dependents[i]) * earliness;
    max_prior = std::max(max_prior, prior[i]);
  }
  if (max_prior > 0) {
    for (double& p : prior) p /= max_prior;
  }
  return prior;
}

}  // namespace pathrank::internal
