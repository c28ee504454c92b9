// Seeded random catalogs of any size, for benchmarks and property tests.
//
// Items are spread over seven stages; each item's clauses pick alternatives
// among earlier items (mostly nearby ones, some anywhere), so the graph is a
// DAG shaped like a real curriculum. The same options give the same spec.
//
// Thread safety: a pure function.

#ifndef PATHRANK_EVAL_SYNTHETIC_CATALOG_H_
#define PATHRANK_EVAL_SYNTHETIC_CATALOG_H_

#include <cstdint>

#include "pathrank/catalog_spec.h"
#include "pathrank/export.h"

namespace pathrank {

struct SyntheticCatalogOptions {
  uint32_t items = 1000;
  // Average number of clause entries (alternatives summed over clauses) per
  // item; the first 2% of items have none.
  double entries_per_item = 5.0;
  // Share of clauses that are `recommends` rather than `requires`.
  double recommends_share = 0.3;
  uint32_t tags = 40;
  uint32_t goals = 6;
  uint64_t seed = 1;
};

// The spec described above (it builds without a cycle: clauses point to
// earlier items only). Deterministic for a seed; the caller owns the spec.
PATHRANK_EXPORT CatalogSpec MakeSyntheticCatalog(const SyntheticCatalogOptions& options);

}  // namespace pathrank

#endif  // PATHRANK_EVAL_SYNTHETIC_CATALOG_H_
