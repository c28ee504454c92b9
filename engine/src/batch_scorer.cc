#include "pathrank/batch_scorer.h"

#include <algorithm>
#include <thread>

#include "pathrank/sequence_model.h"
#include "score_kernels.h"

namespace pathrank {

BatchScorer::BatchScorer(const Scorer& scorer) : scorer_(scorer) {}

BatchScorer::~BatchScorer() = default;

namespace {

// The lane kernels: each runs over the `lanes` learners of one row, the same
// arithmetic as the scalar FusedPass in internal/score_kernels.cc.

// The runner-up and maximum update of a clause's satisfaction.
void MaxUpdate(double* __restrict best, double* __restrict next, const double* __restrict m,
               size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) {
    next[j] = std::max(next[j], std::min(best[j], m[j]));
    best[j] = std::max(best[j], m[j]);
  }
}

// unlock[j] += share * ((1 - best[j]) * open[j]).
void PushUnlock(double* __restrict unlock, const double* __restrict best,
                const double* __restrict open, double share, size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) unlock[j] += share * ((1.0 - best[j]) * open[j]);
}

// relevance[j] += base[j] * (1 - other) * rel[j], other being the best
// mastery among the clause's other alternatives.
void PushRelevance(double* __restrict relevance, const double* __restrict own,
                   const double* __restrict best, const double* __restrict next,
                   const double* __restrict base, const double* __restrict rel, size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) {
    // Both loads before the select, so the loop vectorises.
    const double b = best[j], n = next[j];
    const double other = own[j] == b ? n : b;
    relevance[j] += base[j] * (1.0 - other) * rel[j];
  }
}

// Per clause: coverage accumulates share * best, readiness drops where a
// requires clause is below theta_req (pass -1 for recommends), and the
// relevance base is lambda_alt_share * open.
void ClauseRow(double* __restrict acc, uint8_t* __restrict ok, double* __restrict base,
               const double* __restrict best, const double* __restrict open, double share,
               double lambda_alt_share, double threshold, size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) {
    acc[j] += share * best[j];
    ok[j] &= static_cast<uint8_t>(best[j] >= threshold);
    base[j] = lambda_alt_share * open[j];
  }
}

// Normalises relevance and unlock in place and writes each learner's score
// (the expressions of Scorer::Score and internal::CombineTerms).
void CombineRow(const ScoringProfile& p, const double* __restrict m, const double* __restrict cov,
                double* __restrict rel, double* __restrict unl, const double* __restrict seq,
                const double* __restrict max_rel, const double* __restrict max_unl,
                const double* __restrict level, double foundation, double hours_scale,
                double difficulty, double* __restrict score, size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) {
    const double r = rel[j], u = unl[j], mr = max_rel[j], mu = max_unl[j];
    const double rel_n = mr > 0 ? r / mr : 0.0;
    const double unl_n = mu > 0 ? u / mu : 0.0;
    rel[j] = rel_n;
    unl[j] = unl_n;
    const double s = seq != nullptr ? seq[j] : 0.0;
    const double above = std::clamp((difficulty - level[j] - 1.0) / 3.0, 0.0, 1.0);
    const double effort = 0.5 * hours_scale + 0.5 * above;
    score[j] = (1.0 - m[j]) * (p.w_cov * cov[j] + p.w_rel * rel_n + p.w_unl * unl_n +
                               p.w_fnd * foundation + p.w_seq * s - p.w_eff * effort);
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

}  // namespace

Status BatchScorer::Recommend(std::span<const LearnerState> learners, const ScoringProfile& profile,
                              const RecommendOptions& options,
                              std::vector<std::vector<Recommendation>>* out, size_t block,
                              size_t threads) const {
  const Catalog& c = scorer_.catalog();
  const size_t n = c.item_count();
  if (options.k == 0) return Status::InvalidArgument("k must be at least 1");
  for (size_t j = 0; j < learners.size(); ++j) {
    if (learners[j].mastery.size() != n) {
      return Status::InvalidArgument("learner " + std::to_string(j) + " does not match catalog \"" +
                                     c.id() + "\"");
    }
  }
  block = std::max<size_t>(block, 1);
  out->assign(learners.size(), {});
  const auto clauses = c.clauses();
  const auto alternatives = c.alternatives();
  const auto order = c.topological_order();
  const ScoringProfile& p = profile;

  // Blocks are independent: `workers` threads take every workers-th block,
  // each with its own buffers, and write disjoint entries of *out.
  const size_t blocks = (learners.size() + block - 1) / block;
  const size_t workers = std::max<size_t>(1, std::min(threads, blocks));
  auto run = [&](size_t worker) {
    Lanes mastery, relevance, unlock, coverage, score, by_learner;
    std::vector<uint8_t> ready;
    std::vector<double> open, best, next, base, acc, column, level;
    std::vector<uint8_t> ok;
    std::vector<const double*> columns;
    RecommendOptions plain = options;
    plain.explain = false;

    for (size_t first = worker * block; first < learners.size(); first += workers * block) {
      const size_t L = std::min(block, learners.size() - first);
      // Mastery, item-major: row i holds item i for the block's learners.
      mastery.Resize(n, L);
      columns.resize(L);
      for (size_t j = 0; j < L; ++j) columns[j] = learners[first + j].mastery.data();
      for (size_t i = 0; i < n; ++i) {
        double* row = mastery.row(i);
        for (size_t j = 0; j < L; ++j) row[j] = columns[j][i];
      }
      // Goal demand (as internal::GoalDemand), then the fused pass.
      relevance.Reset(n, L, 0.0);
      for (size_t j = 0; j < L; ++j) {
        for (const auto& [goal, weight] : learners[first + j].goals) {
          for (const auto& [item, d] : c.goals()[goal].demand) relevance.row(item)[j] += weight * d;
        }
      }
      unlock.Reset(n, L, 0.0);
      coverage.Reset(n, L, 1.0);
      ready.assign(n * L, 1);
      open.resize(L), best.resize(L), next.resize(L), base.resize(L), acc.resize(L), ok.resize(L);

      for (size_t pos = order.size(); pos-- > 0;) {
        const ItemId i = order[pos];
        const Item& item = c.item(i);
        if (item.clause_count == 0) continue;
        const double* m_i = mastery.row(i);
        const double* rel_i = relevance.row(i);
        bool any_relevance = false;
        for (size_t j = 0; j < L; ++j) {
          open[j] = 1.0 - m_i[j];
          any_relevance |= rel_i[j] != 0.0;
        }
        std::fill(acc.begin(), acc.end(), 0.0);
        std::fill(ok.begin(), ok.end(), 1);
        for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
          const Clause& clause = clauses[k];
          const ItemId* alt = alternatives.data() + clause.first_alternative;
          std::fill(best.begin(), best.end(), 0.0);
          std::fill(next.begin(), next.end(), 0.0);
          for (uint32_t a = 0; a < clause.alternative_count; ++a) {
            MaxUpdate(best.data(), next.data(), mastery.row(alt[a]), L);
          }
          const double share = scorer_.clause_share_[k];
          ClauseRow(acc.data(), ok.data(), base.data(), best.data(), open.data(), share,
                    p.lambda * scorer_.alternative_share_[k],
                    clause.type == ClauseType::kRequires ? p.theta_req : -1.0, L);
          for (uint32_t a = 0; a < clause.alternative_count; ++a) {
            PushUnlock(unlock.row(alt[a]), best.data(), open.data(), share, L);
            if (any_relevance) {
              PushRelevance(relevance.row(alt[a]), mastery.row(alt[a]), best.data(), next.data(),
                            base.data(), rel_i, L);
            }
          }
        }
        std::copy(acc.begin(), acc.end(), coverage.row(i));
        std::copy(ok.begin(), ok.end(), ready.begin() + i * L);
      }

      // Normalise and combine (the expression of internal::CombineTerms).
      std::vector<double> max_rel(L, 0.0), max_unl(L, 0.0);
      for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < L; ++j) {
          max_rel[j] = std::max(max_rel[j], relevance.row(i)[j]);
          max_unl[j] = std::max(max_unl[j], unlock.row(i)[j]);
        }
      }
      level.resize(L);
      for (size_t j = 0; j < L; ++j) {
        level[j] =
            internal::LearnerLevel(scorer_.difficulty_, learners[first + j].mastery, p.theta);
      }
      Lanes sequence;
      if (options.sequence != nullptr) {
        sequence.Reset(n, L, 0.0);
        column.resize(n);
        for (size_t j = 0; j < L; ++j) {
          options.sequence->Score(learners[first + j], column);
          for (size_t i = 0; i < n; ++i) sequence.row(i)[j] = column[i];
        }
      }
      score.Resize(n, L);
      for (size_t i = 0; i < n; ++i) {
        CombineRow(p, mastery.row(i), coverage.row(i), relevance.row(i), unlock.row(i),
                   options.sequence != nullptr ? sequence.row(i) : nullptr, max_rel.data(),
                   max_unl.data(), level.data(), scorer_.foundation_[i], scorer_.hours_scale_[i],
                   scorer_.difficulty_[i], score.row(i), L);
      }
      by_learner.Resize(L, n);  // learner-major, for ranking
      for (size_t i = 0; i < n; ++i) {
        const double* row = score.row(i);
        for (size_t j = 0; j < L; ++j) by_learner.row(j)[i] = row[j];
      }

      // Rank each learner.
      std::vector<uint8_t> ready_column(n);
      for (size_t j = 0; j < L; ++j) {
        const LearnerState& learner = learners[first + j];
        for (size_t i = 0; i < n; ++i) ready_column[i] = ready[i * L + j];
        const std::span<const double> score_column(by_learner.row(j), n);
        const std::vector<ItemId> ranked = internal::RankCandidates(
            scorer_, learner.mastery, p, plain, score_column, ready_column);
        auto& list = (*out)[first + j];
        list.reserve(ranked.size());
        for (ItemId i : ranked) {
          Recommendation r;
          r.item = i;
          r.score = score_column[i];
          r.ready = ready_column[i] != 0;
          r.terms.coverage = coverage.row(i)[j];
          r.terms.relevance = relevance.row(i)[j];
          r.terms.unlock = unlock.row(i)[j];
          r.terms.foundation = scorer_.foundation_[i];
          r.terms.sequence = options.sequence != nullptr ? sequence.row(i)[j] : 0.0;
          r.terms.effort =
              internal::Effort(scorer_.hours_scale_[i], scorer_.difficulty_[i], level[j]);
          list.push_back(std::move(r));
        }
      }
    }
  };
  if (workers == 1) {
    run(0);
  } else {
    std::vector<std::thread> pool;
    for (size_t w = 1; w < workers; ++w) pool.emplace_back(run, w);
    run(0);
    for (std::thread& t : pool) t.join();
  }
  return Status::Ok();
}

}  // namespace pathrank
