// The static "foundation" prior: for each item, how many items build on it
// transitively. Private to engine/src.

#ifndef PATHRANK_SRC_CATALOG_FOUNDATION_H_
#define PATHRANK_SRC_CATALOG_FOUNDATION_H_

#include <cstdint>
#include <vector>

#include "pathrank/catalog.h"

namespace pathrank::internal {

// Number of distinct items that depend on each item through any chain of
// clauses (requires or recommends). Exact: bitsets over blocks of 512
// targets taken in topological order, so a block is only propagated through
// the items that can reach it; O(n^2 / 1024 * (1 + average dependents))
// word operations. Blocks are independent: from 4,096 items on (8 blocks)
// they are spread over up to 4 threads (one per 4 blocks, at most the
// hardware's), which return before this does.
std::vector<uint32_t> CountTransitiveDependents(const Catalog& catalog);

// The foundation term of every item (docs/scoring.md): its transitive
// dependents times the earliness of its stage in the catalog's teaching
// order, (S - stage) / S for S stages (1 for the first stage, 1/S for the
// last; 1 everywhere with one stage or none), divided by the largest such
// product in the catalog (all 0 when no item has a dependent). So an item
// many others build on counts most when the roadmap also puts it early:
// the cold-start prior of where to begin.
std::vector<double> FoundationPrior(const Catalog& catalog);

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_CATALOG_FOUNDATION_H_
