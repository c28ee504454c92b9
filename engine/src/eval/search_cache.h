// The tuner's search objective, precomputed. Private to engine/src.
//
// With thresholds fixed, an item's score is linear in the term weights:
//   score = w_cov*cov + w_rel*rel(lambda) + w_unl*unl + w_fnd*fnd
//         + w_seq*seq(decay) - w_eff*eff
// (the (1 - m) factor is 1: candidates are items not yet reached, whose
// mastery is 0). So the terms of every candidate of every replayed step are
// computed once — relevance for each lambda of the grid, the sequence term
// for each recency decay of the grid — and a weight vector is scored by dot
// products. Candidates are ranked as the pathrank ranker ranks them (ready
// first, then score, then stage and id); items that are not ready are kept
// only for steps where a truth item is not ready, since otherwise they rank
// below every truth. Terms are stored as floats: the objective guides the
// search; reported metrics come from the evaluator.

#ifndef PATHRANK_SRC_EVAL_SEARCH_CACHE_H_
#define PATHRANK_SRC_EVAL_SEARCH_CACHE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "pathrank/eval/trajectory.h"
#include "pathrank/scorer.h"
#include "pathrank/sequence_model.h"

namespace pathrank::internal {

// Linear weights, in this order.
enum Weight : size_t { kCov, kRel, kUnl, kFnd, kEff, kSeq, kWeightCount };

struct SearchPoint {
  std::array<double, kWeightCount> w{};
  size_t lambda = 0;  // index into the lambda grid
  size_t decay = 0;   // index into the decay grid (ignored without sequence models)
  bool operator==(const SearchPoint&) const = default;
};

class SearchCache {
 public:
  // `sequence(learner, decay)` gives the sequence model for a learner (one
  // trained without that learner) at each decay of the grid; it is not
  // called when `decays` is 0. `progress` is called after each block of
  // learners with (blocks done, blocks).
  SearchCache(const Scorer& scorer, const ScoringProfile& base,
              std::span<const Trajectory> learners, std::span<const double> lambdas, size_t decays,
              const std::function<const SequenceModel*(size_t learner, size_t decay)>& sequence,
              size_t threads, const std::function<void(size_t, size_t)>& progress);

  // Mean NDCG@k over the cached steps.
  double Objective(const SearchPoint& point, size_t k) const;

  size_t events() const { return events_; }
  // Rows are cov, unl, fnd, eff, rel[lambda grid], seq[decay grid].
  size_t width() const { return width_; }
  size_t lambdas() const { return lambdas_; }
  size_t decays() const { return decays_; }

  // (chosen, not chosen) pairs for a pairwise fit (learn/pairwise_logit.h):
  // for each truth item of each cached step, up to `per_truth` items of the
  // step that are not truths and in the same readiness group (the others
  // rank the same way whatever the weights), drawn by a stream seeded by
  // (seed, event). Each pair is the row difference, with the effort column
  // negated (so that its weight, w_eff, enters with a plus). Deterministic.
  // Appends to `diffs`.
  void AppendPairs(size_t per_truth, uint64_t seed, std::vector<float>* diffs) const;
  static constexpr size_t kLearnersPerBlock = 32;

 private:
  struct Block {
    std::vector<float> terms;            // rows of width_ per stored candidate
    std::vector<uint32_t> key;           // per stored candidate: (not ready) << 31 | tie rank
    std::vector<uint32_t> offset;        // per event + 1: into key
    std::vector<uint32_t> truth_offset;  // per event + 1: into truth
    std::vector<uint32_t> truth;         // local indexes (within the event) of the truth items
  };
  void BuildBlock(size_t b, std::span<const Trajectory> learners, const ScoringProfile& base,
                  std::span<const double> lambdas,
                  const std::function<const SequenceModel*(size_t, size_t)>& sequence);
  double BlockNdcg(const Block& block, const SearchPoint& point, size_t k) const;

  const Scorer& scorer_;
  size_t lambdas_ = 0, decays_ = 0, width_ = 0;
  size_t threads_ = 1;
  std::vector<uint32_t> tie_rank_;  // per item: position by (stage, id)
  std::vector<Block> blocks_;
  size_t events_ = 0;
};

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_EVAL_SEARCH_CACHE_H_
