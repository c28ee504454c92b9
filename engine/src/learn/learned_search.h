// The "learned" tuning method (tuner.h step 3 with TuneMethod::kLearned):
// profile weights fitted by a pairwise logistic loss (pairwise_logit.h) over
// (chosen, not chosen) pairs of the cached training steps (search_cache.h),
// one fit per lambda of the grid, recency decay of the grid and L2 strength;
// each fit is scored by the search objective like a grid-search point, so
// the tuner's validation selection treats both methods alike. Private to
// engine/src.

#ifndef PATHRANK_SRC_LEARN_LEARNED_SEARCH_H_
#define PATHRANK_SRC_LEARN_LEARNED_SEARCH_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "eval/search_cache.h"
#include "eval/weight_search.h"

namespace pathrank::internal {

struct LearnedSearchOptions {
  std::vector<double> l2 = {1e-4, 1e-2, 1.0};
  size_t pairs_per_truth = 16;  // not-chosen items drawn per chosen one
  uint64_t seed = 1;
};

// The number of fits LearnedSearch makes.
size_t LearnedSearchBudget(const SearchCache& cache, const LearnedSearchOptions& options);

// Evaluates `starts`, then every fit; `observe` is called after each point
// with the phase ("start", "learned"). The fitted weights are scaled so the
// largest is at most 100 (a profile's bound; a positive scale does not
// change a ranking). Deterministic for options.seed.
std::vector<Evaluated> LearnedSearch(
    const SearchCache& cache, const std::vector<SearchPoint>& starts,
    const LearnedSearchOptions& options, const std::function<double(const SearchPoint&)>& evaluate,
    const std::function<void(const Evaluated&, const char* phase)>& observe);

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_LEARN_LEARNED_SEARCH_H_
