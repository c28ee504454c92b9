// The per-learner steps of the scoring model, shared by Scorer, the planner
// and the batch scorer so that every path computes the same numbers in the
// same order. docs/scoring.md defines the terms. Private to engine/src.

#ifndef PATHRANK_SRC_SCORE_KERNELS_H_
#define PATHRANK_SRC_SCORE_KERNELS_H_

#include <algorithm>
#include <span>
#include <utility>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/scorer.h"

namespace pathrank::internal {

struct KernelInputs {
  const Catalog& catalog;
  std::span<const double> clause_share;  // w_c / sum of the item's clause weights
  std::span<const double> foundation;
  std::span<const double> hours_scale;
  const ScoringProfile& profile;
};

// Per clause: s_c = max mastery over its alternatives, the best mastery among
// the others than the first maximum, and the index (in alternatives()) of
// that first maximum.
void ClauseSatisfaction(const Catalog& c, std::span<const double> mastery,
                        std::span<double> satisfaction, std::span<double> second,
                        std::span<uint32_t> argmax);

// demand[i] += goal weight * the goal's demand for i, over the learner's goals.
void GoalDemand(const Catalog& c, std::span<const std::pair<uint32_t, double>> goals,
                std::span<double> demand);

// Mastery of the best alternative of `clause` other than `item`.
inline double BestOtherAlternative(const Catalog& c, const Clause& clause, uint32_t clause_index,
                                   ItemId item, std::span<const double> satisfaction,
                                   std::span<const double> second,
                                   std::span<const uint32_t> argmax) {
  return c.alternatives(clause)[argmax[clause_index]] == item ? second[clause_index]
                                                             : satisfaction[clause_index];
}

// rel_p = t_p + lambda * sum over (i, c) with p in c of
//   share_c * (1 - m_i) / |A_c| * (1 - best other alternative of c) * rel_i,
// in one pass in reverse topological order. Unnormalised.
void PropagateRelevance(const KernelInputs& in, std::span<const double> mastery,
                        std::span<const double> satisfaction, std::span<const double> second,
                        std::span<const uint32_t> argmax, std::span<const double> demand,
                        std::span<double> relevance);

// unl_p = sum over dependents (d, c) of p of share_c * ((1 - s_c) * (1 - m_d)).
void Unlock(const KernelInputs& in, std::span<const double> mastery,
            std::span<const double> satisfaction, std::span<double> unlock);

// Mean difficulty of the mastered items; 1 when none is mastered.
double LearnerLevel(const Catalog& c, std::span<const double> mastery, double theta);

inline double MaxOf(std::span<const double> v) {
  double best = 0;
  for (double x : v) best = std::max(best, x);
  return best;
}

// Coverage of item i (1 with no clause); sets *ready to whether every
// requires clause reaches theta_req.
inline double Coverage(const KernelInputs& in, ItemId i, std::span<const double> satisfaction,
                       uint8_t* ready) {
  const Item& item = in.catalog.item(i);
  if (item.clause_count == 0) {
    *ready = 1;
    return 1.0;
  }
  double acc = 0.0;
  uint8_t ok = 1;
  for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
    acc += in.clause_share[k] * satisfaction[k];
    if (in.catalog.clauses()[k].type == ClauseType::kRequires &&
        satisfaction[k] < in.profile.theta_req) {
      ok = 0;
    }
  }
  *ready = ok;
  return acc;
}

// 0.5 * hours scale + 0.5 * difficulty above the learner's level:
// max(0, d - level - 1) / 3, capped at 1.
inline double Effort(const KernelInputs& in, ItemId i, double level) {
  const double above = std::clamp((in.catalog.item(i).difficulty - level - 1.0) / 3.0, 0.0, 1.0);
  return 0.5 * in.hours_scale[i] + 0.5 * above;
}

inline double CombineTerms(const ScoringProfile& p, double mastery, const Terms& t) {
  return (1.0 - mastery) * (p.w_cov * t.coverage + p.w_rel * t.relevance + p.w_unl * t.unlock +
                            p.w_fnd * t.foundation + p.w_seq * t.sequence - p.w_eff * t.effort);
}

// The items Recommend() returns, best first: not mastered, of an allowed
// kind, not excluded, ready unless include_blocked; at most k.
std::vector<ItemId> RankCandidates(const Scorer& scorer, std::span<const double> mastery,
                                   const ScoringProfile& profile, const RecommendOptions& options,
                                   std::span<const double> score, std::span<const uint8_t> ready);

// Per-goal relevance vectors (unnormalised) for explanations.
class GoalRelevanceTable {
 public:
  GoalRelevanceTable(const Scorer& scorer, std::span<const double> clause_share,
                     const LearnerState& learner, const ScoringProfile& profile,
                     const ScoreSheet& sheet);
  size_t size() const { return goals_.size(); }
  uint32_t goal(size_t g) const { return goals_[g]; }
  const std::vector<double>& demand(size_t g) const { return demand_[g]; }
  const std::vector<double>& relevance(size_t g) const { return relevance_[g]; }
  // Second-best and argmax per clause, as ClauseSatisfaction computed them.
  std::span<const double> second() const { return second_; }
  std::span<const uint32_t> argmax() const { return argmax_; }

 private:
  std::vector<uint32_t> goals_;
  std::vector<std::vector<double>> demand_;
  std::vector<std::vector<double>> relevance_;
  std::vector<double> second_;
  std::vector<uint32_t> argmax_;
};

Explanation BuildExplanation(const Scorer& scorer, std::span<const double> clause_share,
                             const LearnerState& learner, const ScoringProfile& profile,
                             const ScoreSheet& sheet, const GoalRelevanceTable& goals, ItemId i);

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_SCORE_KERNELS_H_
