#include "score/score_kernels.h"

namespace pathrank::internal {

void ClauseSatisfaction(const Catalog& c, std::span<const double> mastery,
                        std::span<double> satisfaction, std::span<double> second) {
  const auto clauses = c.clauses();
  const auto alternatives = c.alternatives();
  for (uint32_t k = 0; k < clauses.size(); ++k) {
    const Clause& clause = clauses[k];
    double best = 0.0, next = 0.0;
    for (uint32_t a = 0; a < clause.alternative_count; ++a) {
      const double m = mastery[alternatives[clause.first_alternative + a]];
      next = std::max(next, std::min(best, m));
      best = std::max(best, m);
    }
    satisfaction[k] = best;
    second[k] = next;
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
                        std::span<const double> demand, std::span<double> relevance) {
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
      const double base =
          lambda * in.clause_share[k] * (1.0 - mastery[i]) / clause.alternative_count;
      for (ItemId a : c.alternatives(clause)) {
        const double other = BestOtherAlternative(mastery[a], satisfaction[k], second[k]);
        relevance[a] += base * (1.0 - other) * rel_i;
      }
    }
  }
}

void FusedPass(const Catalog& c, std::span<const double> clause_share,
               std::span<const double> alternative_share, double lambda, double theta_req,
               std::span<const double> mastery, const PassOutputs& out) {
  const auto clauses = c.clauses();
  const auto alternatives = c.alternatives();
  const auto order = c.topological_order();
  for (size_t pos = order.size(); pos-- > 0;) {
    const ItemId i = order[pos];
    const Item& item = c.item(i);
    const double open = 1.0 - mastery[i];
    const double rel_i = out.relevance[i];
    double acc = 0.0;
    uint8_t ok = 1;
    for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
      const Clause& clause = clauses[k];
      const ItemId* alt = alternatives.data() + clause.first_alternative;
      double best = 0.0, next = 0.0;
      for (uint32_t a = 0; a < clause.alternative_count; ++a) {
        const double m = mastery[alt[a]];
        next = std::max(next, std::min(best, m));
        best = std::max(best, m);
      }
      out.satisfaction[k] = best;
      const double share = clause_share[k];
      acc += share * best;
      ok &= static_cast<uint8_t>(best >= (clause.type == ClauseType::kRequires ? theta_req : -1.0));
      const double gain = (1.0 - best) * open;
      const double base = lambda * alternative_share[k] * open;
      for (uint32_t a = 0; a < clause.alternative_count; ++a) {
        out.unlock[alt[a]] += share * gain;
        if (rel_i != 0.0) {
          const double other = BestOtherAlternative(mastery[alt[a]], best, next);
          out.relevance[alt[a]] += base * (1.0 - other) * rel_i;
        }
      }
    }
    out.coverage[i] = item.clause_count == 0 ? 1.0 : acc;
    out.ready[i] = ok;
  }
}

double LearnerLevel(std::span<const double> difficulty, std::span<const double> mastery,
                    double theta) {
  double sum = 0;
  size_t count = 0;
  for (size_t i = 0; i < mastery.size(); ++i) {
    if (mastery[i] >= theta) {
      sum += difficulty[i];
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
