#include "catalog/foundation.h"

#include <algorithm>
#include <array>
#include <thread>

#include "util/parallel.h"

namespace pathrank::internal {

namespace {

constexpr size_t kWords = 8;  // 512 targets per block
constexpr size_t kBlock = kWords * 64;
using Bits = std::array<uint64_t, kWords>;
// Threads only for a catalog of some thousands of items: at least this many
// blocks per worker, at most this many workers.
constexpr size_t kMinBlocksPerWorker = 4;
constexpr size_t kMaxWorkers = 4;

// The bits set in `x`. std::popcount is a libgcc call on the baseline
// x86-64 target (no -mpopcnt), a tenth of this function's time; this is
// inline.
inline uint32_t PopCount(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return static_cast<uint32_t>((x * 0x0101010101010101ull) >> 56);
}

// The dependency graph by topological position: the dependents of the item
// at position p are at positions after[offset[p] .. offset[p + 1]), sorted,
// each once.
struct PositionGraph {
  std::vector<uint32_t> offset;
  std::vector<uint32_t> after;
};

PositionGraph ByPosition(const Catalog& catalog) {
  const auto order = catalog.topological_order();
  PositionGraph g;
  g.offset.reserve(order.size() + 1);
  g.offset.push_back(0);
  for (const ItemId v : order) {
    const size_t first = g.after.size();
    for (const Dependent& d : catalog.dependents_of(v))
      g.after.push_back(catalog.topological_rank(d.item));
    std::sort(g.after.begin() + first, g.after.end());
    g.after.erase(std::unique(g.after.begin() + first, g.after.end()), g.after.end());
    g.offset.push_back(static_cast<uint32_t>(g.after.size()));
  }
  return g;
}

// Adds to count[p] how many targets at positions [begin, end) the item at
// position p reaches (itself not counted), for every p < end. `reach` and
// `any` (per position) are scratch of item_count() entries.
void CountBlock(const PositionGraph& g, size_t begin, size_t end, std::vector<Bits>& reach,
                std::vector<uint8_t>& any, std::vector<uint32_t>& count) {
  // Dependents rank after their prerequisites: visit positions from the
  // last one of the block down, so each dependent is final when read.
  for (size_t pos = end; pos-- > 0;) {
    Bits bits{};
    bool set = false;
    if (pos >= begin) {
      const size_t t = pos - begin;
      bits[t / 64] |= uint64_t{1} << (t % 64);
      set = true;
    }
    for (uint32_t k = g.offset[pos]; k < g.offset[pos + 1]; ++k) {
      const uint32_t d = g.after[k];
      if (d >= end) break;  // sorted: the rest are beyond the block too
      if (!any[d]) continue;
      const Bits& other = reach[d];
      for (size_t w = 0; w < kWords; ++w) bits[w] |= other[w];
      set = true;
    }
    reach[pos] = bits;
    any[pos] = set;
    if (!set) continue;
    uint32_t total = 0;
    for (uint64_t word : bits) total += PopCount(word);
    count[pos] += total - (pos >= begin ? 1 : 0);
  }
}

}  // namespace

std::vector<uint32_t> CountTransitiveDependents(const Catalog& catalog) {
  const size_t n = catalog.item_count();
  const PositionGraph g = ByPosition(catalog);
  const size_t blocks = (n + kBlock - 1) / kBlock;
  // Blocks are independent: each worker takes every workers-th one (a later
  // block costs more, so they interleave) with scratch and counts of its own.
  const size_t workers =
      blocks < kMinBlocksPerWorker * 2
          ? 1
          : std::min<size_t>({blocks / kMinBlocksPerWorker, kMaxWorkers,
                              std::max(1u, std::thread::hardware_concurrency())});
  std::vector<std::vector<uint32_t>> by_position(workers, std::vector<uint32_t>(n, 0));
  RunOnWorkers(workers, [&](size_t w) {
    std::vector<Bits> reach(n);
    std::vector<uint8_t> any(n, 0);
    for (size_t b = w; b < blocks; b += workers) {
      CountBlock(g, b * kBlock, std::min(n, (b + 1) * kBlock), reach, any, by_position[w]);
    }
  });
  const auto order = catalog.topological_order();
  std::vector<uint32_t> count(n, 0);
  for (size_t pos = 0; pos < n; ++pos) {
    for (const std::vector<uint32_t>& part : by_position) count[order[pos]] += part[pos];
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
