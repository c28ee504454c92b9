// The batch scorer's building blocks (batch_scorer.cc): the lane kernels,
// each running over the learners of one row (the same arithmetic as the
// scalar FusedPass in score_kernels.cc), the per-thread buffers and the
// top-k list. Header-only so that every kernel is inlined into each
// instruction-set clone of the block scorer.
#ifndef PATHRANK_ENGINE_SRC_SCORE_BATCH_KERNELS_H_
#define PATHRANK_ENGINE_SRC_SCORE_BATCH_KERNELS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/scorer.h"
#include "pathrank/scoring_profile.h"

namespace pathrank::internal::batch {

// The runner-up and maximum update of a clause's satisfaction. The
// selects are written on values (std::max returns a reference, which keeps
// GCC from vectorising) with std::max's and std::min's exact semantics.
inline void MaxUpdate(double* __restrict best, double* __restrict next, const double* __restrict m,
                      size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) {
    const double b = best[j], n = next[j], x = m[j];
    const double low = x < b ? x : b;  // std::min(b, x)
    next[j] = n < low ? low : n;       // std::max(n, low)
    best[j] = b < x ? x : b;           // std::max(b, x)
  }
}

// unlock[j] += share * ((1 - best[j]) * open[j]).
inline void PushUnlock(double* __restrict unlock, const double* __restrict best,
                       const double* __restrict open, double share, size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) unlock[j] += share * ((1.0 - best[j]) * open[j]);
}

// PushUnlock, and relevance[j] += base[j] * (1 - other) * rel[j] (other
// being the best mastery among the clause's other alternatives), for one
// alternative in one loop.
inline void PushBoth(double* __restrict unlock, double* __restrict relevance,
                     const double* __restrict own, const double* __restrict best,
                     const double* __restrict next, const double* __restrict open,
                     const double* __restrict base, const double* __restrict rel, double share,
                     size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) {
    const double b = best[j], n = next[j];
    unlock[j] += share * ((1.0 - b) * open[j]);
    const double other = own[j] == b ? n : b;
    relevance[j] += base[j] * (1.0 - other) * rel[j];
  }
}

// Per clause: coverage accumulates share * best, readiness drops where a
// requires clause is below theta_req (pass -1 for recommends), and the
// relevance base is lambda_alt_share * open.
// `ok` is 1.0 or 0.0 (doubles, so that the loop vectorises).
inline void ClauseRow(double* __restrict acc, double* __restrict ok, double* __restrict base,
                      const double* __restrict best, const double* __restrict open, double share,
                      double lambda_alt_share, double threshold, size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) {
    const double b = best[j];
    acc[j] += share * b;
    ok[j] = b >= threshold ? ok[j] : 0.0;
    base[j] = lambda_alt_share * open[j];
  }
}

// Writes each learner's score of one item (the expressions of Scorer::Score
// and internal::CombineTerms, relevance and unlock normalised by the
// learner's maxima). GCC keeps it out of line, compiled for the baseline.
inline void CombineRow(const ScoringProfile& p, const double* __restrict m,
                       const double* __restrict cov, const double* __restrict rel,
                       const double* __restrict unl, const double* __restrict seq,
                       const double* __restrict max_rel, const double* __restrict max_unl,
                       const double* __restrict level, double foundation, double hours_scale,
                       double difficulty, double* __restrict score, size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) {
    const double r = rel[j], u = unl[j], mr = max_rel[j], mu = max_unl[j];
    const double rel_n = mr > 0 ? r / mr : 0.0;
    const double unl_n = mu > 0 ? u / mu : 0.0;
    const double s = seq != nullptr ? seq[j] : 0.0;
    // std::clamp(x, 0.0, 1.0) written on values, so that the loop vectorises.
    const double x = (difficulty - level[j] - 1.0) / 3.0;
    const double above = x < 0.0 ? 0.0 : (1.0 < x ? 1.0 : x);
    const double effort = 0.5 * hours_scale + 0.5 * above;
    score[j] = (1.0 - m[j]) * (p.w_cov * cov[j] + p.w_rel * rel_n + p.w_unl * unl_n +
                               p.w_fnd * foundation + p.w_seq * s - p.w_eff * effort);
  }
}

// Row i of the item-major mastery, gathered from the learners' columns, and
// the running sums of internal::LearnerLevel (difficulty and count of the
// mastered items; adding 0.0 for an item not mastered changes nothing).
inline void MasteryRow(double* __restrict row, const double* const* __restrict columns, size_t i,
                       double theta, double difficulty, double* __restrict level_sum,
                       double* __restrict mastered, size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) row[j] = columns[j][i];
  for (size_t j = 0; j < lanes; ++j) {
    const bool is_mastered = row[j] >= theta;
    level_sum[j] += is_mastered ? difficulty : 0.0;
    mastered[j] += is_mastered ? 1.0 : 0.0;
  }
}

// A matrix of `rows` x `lanes` doubles, row-major.
struct Lanes {
  std::vector<double> data;
  size_t lanes = 0;
  void Reset(size_t rows, size_t width, double value) {
    lanes = width;
    data.assign(rows * width, value);
  }
  // Resizes without initialising what is kept (the caller overwrites it).
  void Resize(size_t rows, size_t width) {
    lanes = width;
    data.resize(rows * width);
  }
  double* row(size_t r) { return data.data() + r * lanes; }
  const double* row(size_t r) const { return data.data() + r * lanes; }
};

// One thread's buffers, reused block after block.
struct Buffers {
  Lanes mastery, relevance, unlock, coverage, sequence, score;
  std::vector<uint8_t> ready;  // items x lanes, 1 when every requires clause is met
  std::vector<double> open, best, next, base, acc, ok, zeros;
  std::vector<double> level, mastered, max_rel, max_unl, floor;
  std::vector<const double*> columns;
  std::vector<double> sequence_column;  // one learner's sequence term per item
};

// What every block reads.
struct BatchInputs {
  const Scorer& scorer;
  const Catalog& catalog;
  std::span<const double> clause_share, alternative_share, foundation, hours_scale, difficulty;
  const ScoringProfile& profile;
  const RecommendOptions& options;
  std::span<const uint8_t> allowed;  // per item: not excluded and of an asked-for kind
};

// A learner's best candidates so far, best first, at most k: the same list
// RankCandidates' partial sort gives, since RanksBefore is a total order.
class TopK {
 public:
  void Reset(size_t k) {
    k_ = k;
    list_.clear();
  }
  void Offer(const Scorer& scorer, ItemId item, double score) {
    if (list_.size() == k_) {
      const auto& [last_item, last_score] = list_.back();
      if (score < last_score || !scorer.RanksBefore(item, score, last_item, last_score)) return;
      list_.pop_back();
    }
    size_t at = list_.size();
    while (at > 0 && scorer.RanksBefore(item, score, list_[at - 1].first, list_[at - 1].second)) {
      --at;
    }
    list_.insert(list_.begin() + static_cast<std::ptrdiff_t>(at), {item, score});
  }
  const std::vector<std::pair<ItemId, double>>& list() const { return list_; }
  // The score an item needs to enter: -infinity until the list is full.
  double floor() const {
    return list_.size() < k_ ? -std::numeric_limits<double>::infinity() : list_.back().second;
  }

 private:
  size_t k_ = 0;
  std::vector<std::pair<ItemId, double>> list_;
};

}  // namespace pathrank::internal::batch

#endif  // PATHRANK_ENGINE_SRC_SCORE_BATCH_KERNELS_H_
