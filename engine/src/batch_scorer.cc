#include "pathrank/batch_scorer.h"

#include <algorithm>

#include "eigen_types.h"
#include "pathrank/sequence_model.h"
#include "score_kernels.h"

namespace pathrank {

using internal::RowMatrix;
using internal::RowMatrixU32;
using internal::RowMatrixU8;
using internal::SparseRowMatrix;

// The catalog's structure as sparse matrices.
struct BatchScorer::Matrices {
  // coverage = share_by_owner * satisfaction: row i holds share_c for the
  // clauses c of item i (in clause order).
  SparseRowMatrix share_by_owner;
  // unlock = share_by_alternative * gain: row p holds share_c for every
  // clause c listing p (in clause order, as Catalog::dependents_of()).
  SparseRowMatrix share_by_alternative;
};

BatchScorer::BatchScorer(const Scorer& scorer)
    : scorer_(scorer), matrices_(std::make_unique<Matrices>()) {
  const Catalog& c = scorer.catalog();
  const int n = static_cast<int>(c.item_count());
  const int clauses = static_cast<int>(c.clause_count());
  std::vector<Eigen::Triplet<double, int>> owner, alternative;
  for (int k = 0; k < clauses; ++k) {
    const Clause& clause = c.clauses()[k];
    owner.emplace_back(static_cast<int>(clause.item), k, scorer.clause_share_[k]);
    for (ItemId a : c.alternatives(clause)) {
      alternative.emplace_back(static_cast<int>(a), k, scorer.clause_share_[k]);
    }
  }
  matrices_->share_by_owner.resize(n, clauses);
  matrices_->share_by_owner.setFromTriplets(owner.begin(), owner.end());
  matrices_->share_by_alternative.resize(n, clauses);
  matrices_->share_by_alternative.setFromTriplets(alternative.begin(), alternative.end());
}

BatchScorer::~BatchScorer() = default;

namespace {

// One block of learners, laid out items x learners.
struct Block {
  RowMatrix mastery, satisfaction, second, relevance, coverage, unlock, score;
  RowMatrixU32 argmax;
  RowMatrixU8 ready;
};

}  // namespace

Status BatchScorer::Recommend(std::span<const LearnerState> learners, const ScoringProfile& profile,
                              const RecommendOptions& options,
                              std::vector<std::vector<Recommendation>>* out, size_t block) const {
  const Catalog& c = scorer_.catalog();
  const size_t n = c.item_count();
  const size_t clauses = c.clause_count();
  if (options.k == 0) return Status::InvalidArgument("k must be at least 1");
  for (size_t j = 0; j < learners.size(); ++j) {
    if (learners[j].mastery.size() != n) {
      return Status::InvalidArgument("learner " + std::to_string(j) + " does not match catalog \"" +
                                     c.id() + "\"");
    }
  }
  block = std::max<size_t>(block, 1);
  out->assign(learners.size(), {});
  const auto alternatives = c.alternatives();
  const auto order = c.topological_order();
  const double lambda = profile.lambda;
  Block b;
  std::vector<double> column(n), score_column(n), seq(n);
  std::vector<uint8_t> ready_column(n);

  for (size_t first = 0; first < learners.size(); first += block) {
    const Eigen::Index L = static_cast<Eigen::Index>(std::min(block, learners.size() - first));
    b.mastery.resize(n, L);
    for (Eigen::Index j = 0; j < L; ++j) {
      const auto& m = learners[first + j].mastery;
      for (size_t i = 0; i < n; ++i) b.mastery(i, j) = m[i];
    }

    // Clause satisfaction: a segment-max over each clause's alternatives,
    // keeping the runner-up and the first maximum's position.
    b.satisfaction.setZero(clauses, L);
    b.second.setZero(clauses, L);
    b.argmax.setZero(clauses, L);
    for (size_t k = 0; k < clauses; ++k) {
      const Clause& clause = c.clauses()[k];
      auto best = b.satisfaction.row(k);
      auto next = b.second.row(k);
      auto at = b.argmax.row(k);
      for (uint32_t a = 0; a < clause.alternative_count; ++a) {
        const auto m = b.mastery.row(alternatives[clause.first_alternative + a]);
        for (Eigen::Index j = 0; j < L; ++j) {
          if (m[j] > best[j]) {
            next[j] = best[j];
            best[j] = m[j];
            at[j] = a;
          } else if (m[j] > next[j]) {
            next[j] = m[j];
          }
        }
      }
    }

    // Coverage as a sparse product; readiness per requires clause.
    b.coverage.noalias() = matrices_->share_by_owner * b.satisfaction;
    b.ready.setOnes(n, L);
    for (size_t i = 0; i < n; ++i) {
      const Item& item = c.item(i);
      if (item.clause_count == 0) {
        b.coverage.row(i).setOnes();
        continue;
      }
      for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
        if (c.clauses()[k].type != ClauseType::kRequires) continue;
        b.ready.row(i).array() *= (b.satisfaction.row(k).array() >= profile.theta_req).cast<uint8_t>();
      }
    }

    // Goal demand, then relevance pushed to prerequisites in reverse
    // topological order, row by row.
    b.relevance.setZero(n, L);
    for (Eigen::Index j = 0; j < L; ++j) {
      std::fill(column.begin(), column.end(), 0.0);
      internal::GoalDemand(c, learners[first + j].goals, column);
      for (size_t i = 0; i < n; ++i) b.relevance(i, j) = column[i];
    }
    for (size_t pos = order.size(); pos-- > 0;) {
      const ItemId i = order[pos];
      const auto rel_i = b.relevance.row(i).array();
      if ((rel_i == 0.0).all()) continue;
      const Item& item = c.item(i);
      const auto open = 1.0 - b.mastery.row(i).array();
      for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
        const Clause& clause = c.clauses()[k];
        const double lambda_share = lambda * scorer_.clause_share_[k];
        const double alternatives_count = clause.alternative_count;
        for (uint32_t a = 0; a < clause.alternative_count; ++a) {
          const ItemId alt = alternatives[clause.first_alternative + a];
          auto target = b.relevance.row(alt).array();
          const auto s = b.satisfaction.row(k).array();
          const auto s2 = b.second.row(k).array();
          const auto arg = b.argmax.row(k).array();
          for (Eigen::Index j = 0; j < L; ++j) {
            const double other = arg[j] == a ? s2[j] : s[j];
            target[j] += lambda_share * open[j] / alternatives_count * (1.0 - other) * rel_i[j];
          }
        }
      }
    }

    // Unlock as a sparse product over each clause's open gain.
    RowMatrix gain(clauses, L);
    for (size_t k = 0; k < clauses; ++k) {
      const ItemId owner = c.clauses()[k].item;
      gain.row(k).array() =
          (1.0 - b.satisfaction.row(k).array()) * (1.0 - b.mastery.row(owner).array());
    }
    b.unlock.noalias() = matrices_->share_by_alternative * gain;

    // Normalise, combine, rank each learner.
    const Eigen::ArrayXd max_rel = b.relevance.colwise().maxCoeff().transpose().array().max(0.0);
    const Eigen::ArrayXd max_unl = b.unlock.colwise().maxCoeff().transpose().array().max(0.0);
    internal::KernelInputs in{c, scorer_.clause_share_, scorer_.foundation_, scorer_.hours_scale_,
                              profile};
    for (Eigen::Index j = 0; j < L; ++j) {
      const LearnerState& learner = learners[first + j];
      const double level = internal::LearnerLevel(c, learner.mastery, profile.theta);
      std::fill(seq.begin(), seq.end(), 0.0);
      if (options.sequence != nullptr) options.sequence->Score(learner, seq);
      std::vector<Terms> terms(n);
      for (size_t i = 0; i < n; ++i) {
        Terms& t = terms[i];
        t.coverage = b.coverage(i, j);
        t.relevance = max_rel[j] > 0 ? b.relevance(i, j) / max_rel[j] : 0.0;
        t.unlock = max_unl[j] > 0 ? b.unlock(i, j) / max_unl[j] : 0.0;
        t.foundation = scorer_.foundation_[i];
        t.sequence = seq[i];
        t.effort = internal::Effort(in, static_cast<ItemId>(i), level);
        score_column[i] = internal::CombineTerms(profile, learner.mastery[i], t);
        ready_column[i] = b.ready(i, j);
      }
      RecommendOptions plain = options;
      plain.explain = false;
      const std::vector<ItemId> ranked = internal::RankCandidates(
          scorer_, learner.mastery, profile, plain, score_column, ready_column);
      auto& list = (*out)[first + j];
      list.reserve(ranked.size());
      for (ItemId i : ranked) {
        Recommendation r;
        r.item = i;
        r.score = score_column[i];
        r.ready = ready_column[i] != 0;
        r.terms = terms[i];
        list.push_back(std::move(r));
      }
    }
  }
  return Status::Ok();
}

}  // namespace pathrank
