// Pairwise logistic fit of linear ranking weights: the "learned" tuning
// method (tuner.h, docs/evaluation.md). Private to engine/src; the one place
// the engine uses Eigen (pairwise_logit.cc includes it, this header does
// not; docs/dependencies.md).
//
// Data: pairs (chosen item, item not chosen) of the same replayed step, each
// given as the difference of their feature rows d = x_chosen - x_other. The
// fit minimises the mean pairwise logistic loss with an L2 penalty,
//   f(w) = (1/n) sum_p log(1 + exp(-w . d_p)) + (l2 / 2) |w|^2,
// by Newton's method (gradient and Hessian over all pairs, the step solved
// with Eigen's LDLT, backtracking line search). Coordinates listed in
// `nonnegative` are kept >= 0 by an active set: a coordinate that comes out
// negative is fixed at 0 and the rest refitted. Deterministic: the sums run
// in pair order on one thread.
//
// Thread safety: pure functions.

#ifndef PATHRANK_SRC_LEARN_PAIRWISE_LOGIT_H_
#define PATHRANK_SRC_LEARN_PAIRWISE_LOGIT_H_

#include <cstddef>
#include <vector>

namespace pathrank::internal {

struct PairSet {
  size_t width = 0;          // features per pair
  std::vector<float> diffs;  // rows of `width`: x_chosen - x_other
  size_t size() const { return width == 0 ? 0 : diffs.size() / width; }
};

struct LogitOptions {
  double l2 = 1e-3;
  size_t max_iterations = 50;
  double tolerance = 1e-9;        // stop when the Newton decrement^2 / 2 falls below
  std::vector<bool> nonnegative;  // per coordinate; empty: none constrained
};

struct LogitFit {
  std::vector<double> w;
  double loss = 0;  // f(w), penalty included
  size_t iterations = 0;
  bool converged = false;
};

// Fits w over `columns` of the pairs (indexes into a row; the result has one
// weight per listed column, in that order). REQUIRES: every column <
// pairs.width; options.nonnegative empty or columns.size() long.
LogitFit FitPairwiseLogit(const PairSet& pairs, const std::vector<size_t>& columns,
                          const LogitOptions& options);

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_LEARN_PAIRWISE_LOGIT_H_
