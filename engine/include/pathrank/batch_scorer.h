// BatchScorer: scores many learners against one catalog at once.
//
// The learners of a block are laid side by side (items x learners,
// row-major), and the scorer's single fused pass (reverse topological order:
// clause satisfaction as a segment-max over the CSR of alternatives,
// coverage, readiness, unlock and relevance pushed to prerequisites) runs over
// whole rows, so each catalog entry is read once per block and the lane loops
// vectorise (compiled for AVX-512, AVX2 and baseline x86-64, chosen at load
// time; no FMA contraction, so the numbers are the same on every machine).
// The maxima that normalise relevance and unlock are taken in the same pass;
// then one pass over the items combines the terms and keeps each learner's
// k best in a small sorted list, so no learner's scores are transposed or
// sorted. The rankings are exactly those of Scorer::Recommend() for each
// learner alone (same arithmetic, same order; the property tests check it).
//
// Thread safety: immutable after construction; Recommend() may run
// concurrently.

#ifndef PATHRANK_BATCH_SCORER_H_
#define PATHRANK_BATCH_SCORER_H_

#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "pathrank/export.h"
#include "pathrank/scorer.h"

namespace pathrank {

class PATHRANK_EXPORT BatchScorer {
 public:
  // Borrows `scorer` (and through it the catalog). REQUIRES: `scorer`
  // outlives this BatchScorer.
  explicit BatchScorer(const Scorer& scorer);
  ~BatchScorer();
  BatchScorer(const BatchScorer&) = delete;
  BatchScorer& operator=(const BatchScorer&) = delete;

  // Ranks `learners` (n of them): (*out)[j] is what
  // scorer.Recommend(learners[j], profile, options) returns. Explanations
  // are not produced (options.explain is ignored); the sequence term is.
  // Learners are processed in blocks of `block` (memory per thread is about
  // 5 * 8 * items * block bytes, 6 * ... with a sequence model), blocks
  // spread over `threads` threads (1 = the calling thread only). Block 16
  // was fastest on the reference machine (bench/RESULTS.md). The buffers
  // are kept for the next call (one set per thread that ran at once; the
  // largest block's size), so repeated calls do not fault fresh memory in.
  // Fails with InvalidArgument, before any work, when k is 0 or a learner
  // does not match the catalog. REQUIRES: out != nullptr; block >= 1 and
  // threads >= 1 (0 is taken as 1). `*out` is replaced, one entry per learner.
  Status Recommend(std::span<const LearnerState> learners, const ScoringProfile& profile,
                   const RecommendOptions& options, std::vector<std::vector<Recommendation>>* out,
                   size_t block = 16, size_t threads = 1) const;

 private:
  struct Workspace;
  // Takes a workspace from the pool (or a new one); Release gives it back.
  std::unique_ptr<Workspace> Acquire() const;
  void Release(std::unique_ptr<Workspace> workspace) const;

  const Scorer& scorer_;
  mutable std::mutex pool_mu_;
  mutable std::vector<std::unique_ptr<Workspace>> pool_;  // guarded by pool_mu_
};

}  // namespace pathrank

#endif  // PATHRANK_BATCH_SCORER_H_
