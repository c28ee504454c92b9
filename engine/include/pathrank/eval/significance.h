// Paired significance tests over learners: the Wilcoxon signed-rank test and
// a paired bootstrap confidence interval.
//
// Thread safety: pure functions.

#ifndef PATHRANK_EVAL_SIGNIFICANCE_H_
#define PATHRANK_EVAL_SIGNIFICANCE_H_

#include <cstddef>
#include <cstdint>
#include <span>

#include "pathrank/export.h"

namespace pathrank {

struct WilcoxonResult {
  size_t n = 0;        // pairs with a non-zero difference
  size_t zeros = 0;    // pairs dropped because their difference is zero
  double w_plus = 0;   // sum of the ranks of positive differences
  double w_minus = 0;  // sum of the ranks of negative differences
  double z = 0;        // (w_plus - n(n+1)/4) / sigma
  double p_value = 1;  // two-sided
};

// Wilcoxon signed-rank test of `differences` (one per learner: a - b).
// Differences with |d| <= zero_tolerance are dropped (Wilcoxon's zero
// method); |d| are ranked with average ranks for ties; the p-value is the
// normal approximation without continuity correction, with the variance
// corrected for ties:
//   sigma^2 = n(n+1)(2n+1)/24 - sum over tie groups (t^3 - t)/48,
//   p = 2 * (1 - Phi(|z|)) = erfc(|z| / sqrt 2).
// (scipy.stats.wilcoxon(..., zero_method="wilcox", correction=False,
// method="approx") computes the same.) With n = 0, p = 1.
PATHRANK_EXPORT WilcoxonResult WilcoxonSignedRank(std::span<const double> differences,
                                                  double zero_tolerance = 1e-12);

struct BootstrapInterval {
  double estimate = 0;  // sum(numerators) / sum(denominators)
  double low = 0;       // the (1 - confidence)/2 quantile of the resampled estimates
  double high = 0;      // the (1 + confidence)/2 quantile
};

// Paired bootstrap over learners of a ratio estimate, e.g. the step-averaged
// NDCG difference: numerators[l] = sum over learner l's steps of (a - b),
// denominators[l] = its number of steps. Learners are resampled with
// replacement `resamples` times from a stream seeded by `seed`.
// REQUIRES: numerators.size() == denominators.size(); confidence in (0, 1).
PATHRANK_EXPORT BootstrapInterval PairedBootstrap(std::span<const double> numerators,
                                                  std::span<const double> denominators,
                                                  size_t resamples, uint64_t seed,
                                                  double confidence = 0.95);

}  // namespace pathrank

#endif  // PATHRANK_EVAL_SIGNIFICANCE_H_
