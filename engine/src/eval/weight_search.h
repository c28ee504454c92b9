// Random search then coordinate descent over SearchPoints (tuner.h step 3).
// Private to engine/src.

#ifndef PATHRANK_SRC_EVAL_WEIGHT_SEARCH_H_
#define PATHRANK_SRC_EVAL_WEIGHT_SEARCH_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "eval/search_cache.h"

namespace pathrank::internal {

struct Evaluated {
  SearchPoint point;
  double train = 0;
};

struct WeightSearchOptions {
  size_t lambdas = 1;  // grid sizes
  size_t decays = 0;   // 0: no sequence term (w_seq stays as given)
  size_t random_samples = 48;
  size_t descent_rounds = 4;
  uint64_t seed = 1;
};

// Upper bound of the evaluations Search() makes after the start points.
size_t SearchBudget(const WeightSearchOptions& options);

// Evaluates `starts`, the random samples and the descent; calls `evaluate`
// for each point (in a deterministic order) and `observe` after each with
// the phase. Returns every evaluated point in order.
std::vector<Evaluated> Search(
    const std::vector<SearchPoint>& starts, const WeightSearchOptions& options,
    const std::function<double(const SearchPoint&)>& evaluate,
    const std::function<void(const Evaluated&, const char* phase)>& observe);

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_EVAL_WEIGHT_SEARCH_H_
