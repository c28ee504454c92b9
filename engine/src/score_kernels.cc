#include "score_kernels.h"

namespace pathrank::internal {

void ClauseSatisfaction(const Catalog& c, std::span<const double> mastery,
                        std::span<double> satisfaction, std::span<double> second,
                        std::span<uint32_t> argmax) {
  const auto clauses = c.clauses();
  const auto alternatives = c.alternatives();
  for (uint32_t k = 0; k < clauses.size(); ++k) {
    const Clause& clause = clauses[k];
    double best = 0.0, next = 0.0;
    uint32_t best_at = 0;
    for (uint32_t a = 0; a < clause.alternative_count; ++a) {
      const double m = mastery[alternatives[clause.first_alternative + a]];
      if (m > best) {
        next = best;
        best = m;
        best_at = a;
      } else if (m > next) {
        next = m;
      }
    }
    satisfaction[k] = best;
    second[k] = next;
    argmax[k] = best_at;
  }
}

void GoalDemand(const Catalog& c, std::span<const std::pair<uint32_t, double>> goals,
                std::span<double> demand) {
  for (const auto& [goal, weight] : goals) {
    for (const auto& [item, d] : c.goals()[goal].demand) demand[item] += weight * d;
  }
}

void PropagateRelevance(const KernelInputs& in, std::span<const double> mastery,
                        std::span<const double> satisfaction, std::span<const double> second,
                        std::span<const uint32_t> argmax, std::span<const double> demand,
                        std::span<double> relevance) {
  const Catalog& c = in.catalog;
  std::copy(demand.begin(), demand.end(), relevance.begin());
  const double lambda = in.profile.lambda;
  const auto order = c.topological_order();
  for (size_t pos = order.size(); pos-- > 0;) {
    const ItemId i = order[pos];
    const double rel_i = relevance[i];
    if (rel_i == 0.0) continue;  // adds nothing (the batch scorer adds +0.0)
    const Item& item = c.item(i);
    for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
      const Clause& clause = c.clauses()[k];
      // The clause's share is split evenly among its alternatives: any one
      // satisfies it, so together they pass it on once.
      const double base = lambda * in.clause_share[k] * (1.0 - mastery[i]) / clause.alternative_count;
      for (ItemId a : c.alternatives(clause)) {
        const double other = BestOtherAlternative(c, clause, k, a, satisfaction, second, argmax);
        relevance[a] += base * (1.0 - other) * rel_i;
      }
    }
  }
}

void Unlock(const KernelInputs& in, std::span<const double> mastery,
            std::span<const double> satisfaction, std::span<double> unlock) {
  const Catalog& c = in.catalog;
  for (ItemId p = 0; p < c.item_count(); ++p) {
    double acc = 0.0;
    for (const Dependent& d : c.dependents_of(p)) {
      acc += in.clause_share[d.clause] * ((1.0 - satisfaction[d.clause]) * (1.0 - mastery[d.item]));
    }
    unlock[p] = acc;
  }
}

double LearnerLevel(const Catalog& c, std::span<const double> mastery, double theta) {
  double sum = 0;
  size_t count = 0;
  for (ItemId i = 0; i < c.item_count(); ++i) {
    if (mastery[i] >= theta) {
      sum += c.item(i).difficulty;
      ++count;
    }
  }
  return count == 0 ? 1.0 : sum / static_cast<double>(count);
}

std::vector<ItemId> RankCandidates(const Scorer& scorer, std::span<const double> mastery,
                                   const ScoringProfile& profile, const RecommendOptions& options,
                                   std::span<const double> score, std::span<const uint8_t> ready) {
  const Catalog& c = scorer.catalog();
  std::vector<uint8_t> allowed(c.item_count(), 1);
  for (ItemId x : options.exclude) {
    if (x < allowed.size()) allowed[x] = 0;
  }
  std::vector<ItemId> candidates;
  for (ItemId i = 0; i < c.item_count(); ++i) {
    if (!allowed[i] || mastery[i] >= profile.theta) continue;
    if (!ready[i] && !options.include_blocked) continue;
    if (!options.kinds.empty() && std::find(options.kinds.begin(), options.kinds.end(),
                                            c.item(i).kind) == options.kinds.end()) {
      continue;
    }
    candidates.push_back(i);
  }
  const size_t k = std::min(options.k, candidates.size());
  auto before = [&](ItemId a, ItemId b) { return scorer.RanksBefore(a, score[a], b, score[b]); };
  std::partial_sort(candidates.begin(), candidates.begin() + k, candidates.end(), before);
  candidates.resize(k);
  return candidates;
}

}  // namespace pathrank::internal
