#include "pathrank/scorer.h"

#include <algorithm>
#include <cmath>

#include "catalog/foundation.h"
#include "pathrank/sequence_model.h"
#include "score/score_kernels.h"

namespace pathrank {

Scorer::Scorer(std::shared_ptr<const Catalog> catalog) : catalog_(std::move(catalog)) {
  const Catalog& c = *catalog_;
  const size_t n = c.item_count();

  foundation_ = internal::FoundationPrior(c);

  double max_hours = 0;
  for (const Item& item : c.items()) max_hours = std::max(max_hours, item.hours);
  hours_scale_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    hours_scale_[i] = max_hours > 0 ? std::log1p(c.item(i).hours) / std::log1p(max_hours) : 0.0;
  }

  difficulty_.resize(n);
  for (size_t i = 0; i < n; ++i) difficulty_[i] = c.item(i).difficulty;

  clause_share_.resize(c.clause_count());
  for (uint32_t k = 0; k < c.clause_count(); ++k) {
    const Clause& clause = c.clauses()[k];
    clause_share_[k] = clause.weight / c.clause_weight_sum(clause.item);
    alternative_share_.push_back(clause_share_[k] / clause.alternative_count);
  }
}

bool Scorer::RanksBefore(ItemId a, double score_a, ItemId b, double score_b) const {
  if (score_a != score_b) return score_a > score_b;
  const Item& ia = catalog_->item(a);
  const Item& ib = catalog_->item(b);
  if (ia.stage != ib.stage) return ia.stage < ib.stage;
  return ia.id < ib.id;
}

void Scorer::Score(const LearnerState& learner, const ScoringProfile& profile,
                   const SequenceModel* sequence, ScoreSheet* sheet) const {
  const Catalog& c = *catalog_;
  const size_t n = c.item_count();
  const std::vector<double>& m = learner.mastery;

  sheet->satisfaction.resize(c.clause_count());
  sheet->terms.resize(n);
  sheet->ready.resize(n);
  sheet->score.resize(n);
  std::vector<double> coverage(n), relevance(n, 0.0), unlock(n, 0.0);
  internal::GoalDemand(c, learner.goals, relevance);
  internal::FusedPass(c, clause_share_, alternative_share_, profile.lambda, profile.theta_req, m,
                      {sheet->satisfaction, coverage, sheet->ready, relevance, unlock});
  const double level = internal::LearnerLevel(difficulty_, m, profile.theta);
  std::vector<double> seq(n, 0.0);
  if (sequence != nullptr) sequence->Score(learner, seq);

  const double max_rel = internal::MaxOf(relevance);
  const double max_unl = internal::MaxOf(unlock);
  for (ItemId i = 0; i < n; ++i) {
    Terms& t = sheet->terms[i];
    t.coverage = coverage[i];
    t.relevance = max_rel > 0 ? relevance[i] / max_rel : 0.0;
    t.unlock = max_unl > 0 ? unlock[i] / max_unl : 0.0;
    t.foundation = foundation_[i];
    t.sequence = seq[i];
    t.effort = internal::Effort(hours_scale_[i], difficulty_[i], level);
    sheet->score[i] = internal::CombineTerms(profile, m[i], t);
  }
}

Result<std::vector<Recommendation>> Scorer::Recommend(const LearnerState& learner,
                                                      const ScoringProfile& profile,
                                                      const RecommendOptions& options) const {
  const Catalog& c = *catalog_;
  if (learner.mastery.size() != c.item_count()) {
    return Status::InvalidArgument("learner has " + std::to_string(learner.mastery.size()) +
                                   " mastery entries; catalog \"" + c.id() + "\" has " +
                                   std::to_string(c.item_count()) + " items");
  }
  if (options.k == 0) return Status::InvalidArgument("k must be at least 1");
  ScoreSheet sheet;
  Score(learner, profile, options.sequence, &sheet);

  const std::vector<ItemId> ranked =
      internal::RankCandidates(*this, learner.mastery, profile, options, sheet.score, sheet.ready);
  std::vector<Recommendation> out;
  out.reserve(ranked.size());
  for (ItemId i : ranked) {
    Recommendation r;
    r.item = i;
    r.score = sheet.score[i];
    r.ready = sheet.ready[i] != 0;
    r.terms = sheet.terms[i];
    out.push_back(std::move(r));
  }
  if (options.explain) {
    internal::GoalRelevanceTable goals(*this, clause_share_, learner, profile, sheet);
    for (Recommendation& r : out) {
      r.explanation =
          internal::BuildExplanation(*this, clause_share_, learner, profile, sheet, goals, r.item);
    }
  }
  return out;
}

Explanation Scorer::Explain(const LearnerState& learner, const ScoringProfile& profile,
                            const ScoreSheet& sheet, ItemId i) const {
  internal::GoalRelevanceTable goals(*this, clause_share_, learner, profile, sheet);
  return internal::BuildExplanation(*this, clause_share_, learner, profile, sheet, goals, i);
}

}  // namespace pathrank
