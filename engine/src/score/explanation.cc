// Explanations of ranked items: weighted term contributions, unmet clauses,
// the goals an item serves (with the chain of items through which it serves
// them) and the items it unlocks.

#include <algorithm>

#include "score/score_kernels.h"

namespace pathrank::internal {

namespace {

constexpr size_t kMaxChain = 32;
constexpr size_t kMaxUnlocks = 10;

}  // namespace

GoalRelevanceTable::GoalRelevanceTable(const Scorer& scorer, std::span<const double> clause_share,
                                       const LearnerState& learner, const ScoringProfile& profile,
                                       const ScoreSheet& sheet) {
  const Catalog& c = scorer.catalog();
  const size_t n = c.item_count();
  std::vector<double> satisfaction(c.clause_count());
  second_.resize(c.clause_count());
  ClauseSatisfaction(c, learner.mastery, satisfaction, second_);
  KernelInputs in{c, clause_share, {}, {}, profile};
  for (const auto& goal : learner.goals) {
    goals_.push_back(goal.first);
    std::vector<double> demand(n, 0.0);
    const std::pair<uint32_t, double> one[] = {goal};
    GoalDemand(c, one, demand);
    std::vector<double> relevance(n);
    PropagateRelevance(in, learner.mastery, sheet.satisfaction, second_, demand, relevance);
    demand_.push_back(std::move(demand));
    relevance_.push_back(std::move(relevance));
  }
}

Explanation BuildExplanation(const Scorer& scorer, std::span<const double> clause_share,
                             const LearnerState& learner, const ScoringProfile& profile,
                             const ScoreSheet& sheet, const GoalRelevanceTable& goals, ItemId i) {
  const Catalog& c = scorer.catalog();
  const std::vector<double>& m = learner.mastery;
  Explanation e;
  const Terms& t = sheet.terms[i];
  const double open = 1.0 - m[i];
  e.contributions.coverage = open * profile.w_cov * t.coverage;
  e.contributions.relevance = open * profile.w_rel * t.relevance;
  e.contributions.unlock = open * profile.w_unl * t.unlock;
  e.contributions.foundation = open * profile.w_fnd * t.foundation;
  e.contributions.sequence = open * profile.w_seq * t.sequence;
  e.contributions.effort = -open * profile.w_eff * t.effort;

  const Item& item = c.item(i);
  for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
    if (sheet.satisfaction[k] >= profile.theta) continue;
    const Clause& clause = c.clauses()[k];
    ClauseGap gap;
    gap.clause = k;
    gap.type = clause.type;
    gap.weight = clause.weight;
    gap.satisfaction = sheet.satisfaction[k];
    for (ItemId a : c.alternatives(clause)) gap.alternatives.push_back({a, m[a]});
    e.missing.push_back(std::move(gap));
  }

  // A goal's chain follows, from the item, the dependent through which most
  // of that goal's relevance arrives, until the goal's own demand for the
  // current item outweighs what arrives from any dependent.
  for (size_t g = 0; g < goals.size(); ++g) {
    const std::vector<double>& rel = goals.relevance(g);
    if (rel[i] <= 0) continue;
    GoalService service;
    service.goal = goals.goal(g);
    service.relevance = rel[i];
    ItemId current = i;
    service.via.push_back(current);
    while (service.via.size() < kMaxChain) {
      double best = 0;
      ItemId next = current;
      for (const Dependent& d : c.dependents_of(current)) {
        const Clause& clause = c.clauses()[d.clause];
        const double other = BestOtherAlternative(m[current], sheet.satisfaction[d.clause],
                                                  goals.second()[d.clause]);
        const double arriving = profile.lambda * clause_share[d.clause] * (1.0 - m[d.item]) /
                                clause.alternative_count * (1.0 - other) * rel[d.item];
        if (arriving > best) {
          best = arriving;
          next = d.item;
        }
      }
      if (next == current || goals.demand(g)[current] >= best) break;
      current = next;
      service.via.push_back(current);
    }
    e.serves.push_back(std::move(service));
  }
  std::stable_sort(
      e.serves.begin(), e.serves.end(),
      [](const GoalService& a, const GoalService& b) { return a.relevance > b.relevance; });

  std::vector<std::pair<double, ItemId>> gains;
  for (const Dependent& d : c.dependents_of(i)) {
    if (m[d.item] >= profile.theta) continue;
    const double gain = clause_share[d.clause] * (1.0 - sheet.satisfaction[d.clause]);
    if (gain <= 0) continue;
    auto it = std::find_if(gains.begin(), gains.end(), [&](auto& g) { return g.second == d.item; });
    if (it == gains.end()) {
      gains.push_back({gain, d.item});
    } else {
      it->first += gain;
    }
  }
  std::sort(gains.begin(), gains.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return c.item(a.second).id < c.item(b.second).id;
  });
  for (size_t u = 0; u < gains.size() && u < kMaxUnlocks; ++u) e.unlocks.push_back(gains[u].second);
  for (const Clause& clause : c.clauses_of(i)) {
    for (ItemId a : c.alternatives(clause)) {
      if (const InferredMastery* inferred = FindInferred(learner, a))
        e.inferred.push_back(*inferred);
    }
  }
  std::sort(e.inferred.begin(), e.inferred.end(),
            [](const InferredMastery& x, const InferredMastery& y) { return x.item < y.item; });
  e.inferred.erase(std::unique(e.inferred.begin(), e.inferred.end()), e.inferred.end());
  return e;
}

}  // namespace pathrank::internal
