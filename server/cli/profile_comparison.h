// `pathrank eval --profiles a.json,b.json`: the offline side of an A/B
// experiment. Each profile is replayed over the same trajectories; every
// later profile is compared with the first (the control) by the paired
// Wilcoxon signed-rank test over learners of their mean NDCG@k, with a
// paired bootstrap 95% interval of the step-averaged NDCG difference
// (pathrank/eval/significance.h).
//
// Thread safety: free functions.

#ifndef PATHRANK_SERVER_CLI_PROFILE_COMPARISON_H_
#define PATHRANK_SERVER_CLI_PROFILE_COMPARISON_H_

#include <cstdint>
#include <ostream>
#include <span>
#include <vector>

#include "pathrank/eval/evaluator.h"
#include "util/json/json_writer.h"

namespace pathrank::cli {

struct ProfileComparison {
  std::string control, variant;
  double ndcg_control = 0, ndcg_variant = 0;  // step-averaged NDCG@k
  double diff = 0, low = 0, high = 0;         // variant - control, bootstrap 95% interval
  double p_value = 1;                         // Wilcoxon, two-sided
  size_t learners = 0;                        // with a non-zero difference
};

// results[0] against each of results[1..]. REQUIRES: the results come from
// one Evaluate call (same trajectories).
std::vector<ProfileComparison> CompareProfiles(std::span<const RankerResult> results,
                                               uint64_t seed);

// A table: variant, NDCG of each, difference [interval], p.
void PrintProfileComparisons(std::ostream& out, std::span<const ProfileComparison> rows);

// "comparisons": [{"control", "variant", "ndcg_control", "ndcg_variant",
// "ndcg_diff", "ci95": [low, high], "p_value", "learners"}].
void WriteProfileComparisons(json::Writer& w, std::span<const ProfileComparison> rows);

}  // namespace pathrank::cli

#endif  // PATHRANK_SERVER_CLI_PROFILE_COMPARISON_H_
