// Ranking metrics of one prediction (one replayed step), as RecBole and
// Cornac define them, plus a running mean.
//
// A prediction is a ranking of candidate items and the set of relevant items
// (the items the learner actually reached at that step; usually one). Each
// metric takes the 1-based positions of the relevant items in the full
// ranking (0 for a relevant item the ranker did not rank) and:
//
//   HitRate@k = 1 if any relevant item is at position <= k, else 0
//   NDCG@k    = DCG@k / IDCG@k, DCG@k = sum over relevant items at position
//               p <= k of 1 / log2(p + 1), IDCG@k = sum_{j=1..min(R, k)}
//               1 / log2(j + 1) with R relevant items (binary relevance)
//   RR        = 1 / (position of the first relevant item), 0 if none is
//               ranked; its mean over predictions is MRR. Computed over the
//               whole ranking (Cornac's MRR; RecBole's MRR@k truncates at k).
//
// One relevant item at position 3: HitRate@10 = 1, NDCG@10 = 1/log2(4) =
// 0.5, RR = 1/3. docs/evaluation.md cites the definitions.
//
// Thread safety: pure functions.

#ifndef PATHRANK_EVAL_METRICS_H_
#define PATHRANK_EVAL_METRICS_H_

#include <cstddef>
#include <cstdint>
#include <span>

#include "pathrank/export.h"

namespace pathrank {

// REQUIRES: k >= 1. `positions`: 1-based, 0 = not ranked.
PATHRANK_EXPORT double HitRateAtK(std::span<const uint32_t> positions, size_t k);
PATHRANK_EXPORT double NdcgAtK(std::span<const uint32_t> positions, size_t k);
PATHRANK_EXPORT double ReciprocalRank(std::span<const uint32_t> positions);

// 1 / log2(position + 1) for position >= 1, from a table for small
// positions.
PATHRANK_EXPORT double DiscountAt(uint32_t position);

// The metrics of one prediction.
struct RankMetrics {
  double hit = 0;   // HitRate@k
  double ndcg = 0;  // NDCG@k
  double rr = 0;    // reciprocal rank

  static RankMetrics Of(std::span<const uint32_t> positions, size_t k) {
    return {HitRateAtK(positions, k), NdcgAtK(positions, k), ReciprocalRank(positions)};
  }
};

// Sums of RankMetrics and their count; mean() divides.
struct MetricSums {
  double hit = 0, ndcg = 0, rr = 0;
  size_t count = 0;

  void Add(const RankMetrics& m) {
    hit += m.hit;
    ndcg += m.ndcg;
    rr += m.rr;
    ++count;
  }
  void Add(const MetricSums& o) {
    hit += o.hit;
    ndcg += o.ndcg;
    rr += o.rr;
    count += o.count;
  }
  RankMetrics mean() const {
    if (count == 0) return {};
    const double n = static_cast<double>(count);
    return {hit / n, ndcg / n, rr / n};
  }
};

}  // namespace pathrank

#endif  // PATHRANK_EVAL_METRICS_H_
