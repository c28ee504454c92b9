// The per-learner steps of the scoring model, shared by Scorer, the planner
// and the batch scorer so that every path computes the same numbers in the
// same order. docs/scoring.md defines the terms. Private to engine/src.

#ifndef PATHRANK_SRC_SCORE_SCORE_KERNELS_H_
#define PATHRANK_SRC_SCORE_SCORE_KERNELS_H_

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

// Per clause: s_c = max mastery over its alternatives, and the runner-up
// (the largest value left when one maximum is taken out; equal to s_c when
// two alternatives share the maximum). Computed branch-free as
//   second = max(second, min(best, m)); best = max(best, m)
// so that the batch scorer's vectorised rows give the same numbers.
void ClauseSatisfaction(const Catalog& c, std::span<const double> mastery,
                        std::span<double> satisfaction, std::span<double> second);

// demand[i] += goal weight * the goal's demand for i, over the learner's goals.
void GoalDemand(const Catalog& c, std::span<const std::pair<uint32_t, double>> goals,
                std::span<double> demand);

// Mastery of the best alternative of a clause other than one whose mastery
// is `own`: the runner-up when `own` is the maximum, the maximum otherwise.
inline double BestOtherAlternative(double own, double satisfaction, double second) {
  return own == satisfaction ? second : satisfaction;
}

// rel_p = t_p + lambda * sum over (i, c) with p in c of
//   share_c * (1 - m_i) / |A_c| * (1 - best other alternative of c) * rel_i,
// in one pass in reverse topological order. Unnormalised.
void PropagateRelevance(const KernelInputs& in, std::span<const double> mastery,
                        std::span<const double> satisfaction, std::span<const double> second,
                        std::span<const double> demand, std::span<double> relevance);

// Outputs of FusedPass for one learner.
struct PassOutputs {
  std::span<double> satisfaction;  // per clause
  std::span<double> coverage;      // per item
  std::span<uint8_t> ready;        // per item
  std::span<double> relevance;     // per item: goal demand in, unnormalised relevance out
  std::span<double> unlock;        // per item: zeros in, unnormalised unlock out
};

// One pass over the items in reverse topological order (dependents first).
// At item i, for each clause c of i (satisfaction s_c, runner-up s2_c):
//   coverage_i = sum_c share_c * s_c (1 with no clause); ready_i = every
//   requires clause reaches theta_req;
//   for each alternative a of c:
//     unlock_a    += share_c * ((1 - s_c) * (1 - m_i))
//     relevance_a += lambda * (share_c / |A_c|) * (1 - m_i) * (1 - other) * rel_i
//       (other = BestOtherAlternative(m_a, s_c, s2_c); skipped when rel_i == 0)
// rel_i is final when i is reached, since every dependent comes before it.
// The batch scorer runs the same pass over rows of learners, in the same
// order, so both give the same numbers.
// `alternative_share` is share_c / |A_c| per clause.
void FusedPass(const Catalog& c, std::span<const double> clause_share,
               std::span<const double> alternative_share, double lambda, double theta_req,
               std::span<const double> mastery, const PassOutputs& out);

// Mean difficulty of the mastered items; 1 when none is mastered.
double LearnerLevel(std::span<const double> difficulty, std::span<const double> mastery,
                    double theta);

inline double MaxOf(std::span<const double> v) {
  double best = 0;
  for (double x : v) best = std::max(best, x);
  return best;
}

// 0.5 * hours scale + 0.5 * difficulty above the learner's level:
// max(0, d - level - 1) / 3, capped at 1.
inline double Effort(double hours_scale, double difficulty, double level) {
  const double above = std::clamp((difficulty - level - 1.0) / 3.0, 0.0, 1.0);
  return 0.5 * hours_scale + 0.5 * above;
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
  // The runner-up per clause, as ClauseSatisfaction computed it.
  std::span<const double> second() const { return second_; }

 private:
  std::vector<uint32_t> goals_;
  std::vector<std::vector<double>> demand_;
  std::vector<std::vector<double>> relevance_;
  std::vector<double> second_;
};

Explanation BuildExplanation(const Scorer& scorer, std::span<const double> clause_share,
                             const LearnerState& learner, const ScoringProfile& profile,
                             const ScoreSheet& sheet, const GoalRelevanceTable& goals, ItemId i);

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_SCORE_SCORE_KERNELS_H_
