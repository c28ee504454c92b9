// BatchScorer: scores many learners against one catalog at once.
//
// The learners are laid side by side (items x learners, row-major), so every
// step of the model runs over contiguous rows: clause satisfaction is a
// segment-max over the CSR of alternatives, coverage and unlock are sparse
// matrix products (Eigen), relevance propagates row by row in reverse
// topological order. The rankings are exactly those of Scorer::Recommend()
// for each learner alone (same arithmetic, same order).
//
// Thread safety: immutable after construction; Recommend() may run
// concurrently.

#ifndef PATHRANK_BATCH_SCORER_H_
#define PATHRANK_BATCH_SCORER_H_

#include <memory>
#include <span>
#include <vector>

#include "pathrank/scorer.h"

namespace pathrank {

class BatchScorer {
 public:
  explicit BatchScorer(const Scorer& scorer);
  ~BatchScorer();
  BatchScorer(const BatchScorer&) = delete;
  BatchScorer& operator=(const BatchScorer&) = delete;

  // Ranks `learners` (n of them): (*out)[j] is what
  // scorer.Recommend(learners[j], profile, options) returns. Explanations
  // are not produced (options.explain is ignored); the sequence term is.
  // Learners are processed in blocks of `block` columns (memory is about
  // 8 * (items + clauses) * block * 6 bytes).
  // Fails like Scorer::Recommend() for the first learner that does.
  Status Recommend(std::span<const LearnerState> learners, const ScoringProfile& profile,
                   const RecommendOptions& options,
                   std::vector<std::vector<Recommendation>>* out, size_t block = 256) const;

 private:
  struct Matrices;
  const Scorer& scorer_;
  std::unique_ptr<Matrices> matrices_;
};

}  // namespace pathrank

#endif  // PATHRANK_BATCH_SCORER_H_
