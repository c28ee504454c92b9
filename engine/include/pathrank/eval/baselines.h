// The rankers the evaluator compares: pathrank's scorer under a profile, and
// the baselines of ARCHITECTURE.md "Evaluation and tuning". Every ranker
// orders all candidates; ties break by catalog order (dense item id) unless
// said otherwise.
//
//   pathrank      Scorer::Score under a profile (and optional sequence
//                 model): ready items first, ordered as Scorer::Recommend
//                 orders them (score, then stage, then id), then the items
//                 that are not ready in the same order. Its top k equals
//                 Recommend()'s whenever k items are ready.
//   coverage      the same with only coverage weighted (w_cov = 1, every
//                 other weight 0): graph coverage alone.
//   random        a seeded shuffle; the same (seed, learner, event) gives the
//                 same order whatever the thread or call order.
//   popularity    learners in the training split who reached the item.
//   catalog-order the order the catalog lists its items.
//   transition    c(last -> i): how often training learners reached i right
//                 after the item this learner reached last (the start counts
//                 before the first step), ties by popularity.
//
// Thread safety: every ranker here is immutable; Rank() may run
// concurrently.

#ifndef PATHRANK_EVAL_BASELINES_H_
#define PATHRANK_EVAL_BASELINES_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "pathrank/eval/evaluator.h"
#include "pathrank/export.h"
#include "pathrank/scorer.h"
#include "pathrank/transition_model.h"

namespace pathrank {

// REQUIRES: `scorer` and `sequence` (may be null) outlive the ranker.
PATHRANK_EXPORT std::unique_ptr<Ranker> MakeProfileRanker(const Scorer& scorer,
                                                          const ScoringProfile& profile,
                                                          const SequenceModel* sequence,
                                                          std::string name = "pathrank");
PATHRANK_EXPORT std::unique_ptr<Ranker> MakeCoverageRanker(const Scorer& scorer,
                                                           const ScoringProfile& base);
PATHRANK_EXPORT std::unique_ptr<Ranker> MakeRandomRanker(uint64_t seed);
PATHRANK_EXPORT std::unique_ptr<Ranker> MakeCatalogOrderRanker();
PATHRANK_EXPORT std::unique_ptr<Ranker> MakePopularityRanker(const Catalog& catalog,
                                                             std::span<const Trajectory> train);
PATHRANK_EXPORT std::unique_ptr<Ranker> MakeTransitionRanker(const Catalog& catalog,
                                                             std::span<const Trajectory> train);

// The profile with only coverage weighted, thresholds from `base`.
PATHRANK_EXPORT ScoringProfile CoverageOnlyProfile(const ScoringProfile& base);

}  // namespace pathrank

#endif  // PATHRANK_EVAL_BASELINES_H_
