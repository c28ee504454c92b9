#include "pathrank/batch_scorer.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <thread>
#include <utility>

#include "pathrank/sequence_model.h"
#include "score/score_kernels.h"
#include "util/parallel.h"

namespace pathrank {

BatchScorer::BatchScorer(const Scorer& scorer) : scorer_(scorer) {}

namespace {

// The lane kernels: each runs over the `lanes` learners of one row, the same
// arithmetic as the scalar FusedPass in internal/score_kernels.cc.

// The runner-up and maximum update of a clause's satisfaction. The
// selects are written on values (std::max returns a reference, which keeps
// GCC from vectorising) with std::max's and std::min's exact semantics.
void MaxUpdate(double* __restrict best, double* __restrict next, const double* __restrict m,
               size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) {
    const double b = best[j], n = next[j], x = m[j];
    const double low = x < b ? x : b;  // std::min(b, x)
    next[j] = n < low ? low : n;       // std::max(n, low)
    best[j] = b < x ? x : b;           // std::max(b, x)
  }
}

// unlock[j] += share * ((1 - best[j]) * open[j]).
void PushUnlock(double* __restrict unlock, const double* __restrict best,
                const double* __restrict open, double share, size_t lanes) {
  for (size_t j = 0; j < lanes; ++j) unlock[j] += share * ((1.0 - best[j]) * open[j]);
}

// PushUnlock, and relevance[j] += base[j] * (1 - other) * rel[j] (other
// being the best mastery among the clause's other alternatives), for one
// alternative in one loop.
void PushBoth(double* __restrict unlock, double* __restrict relevance, const double* __restrict own,
              const double* __restrict best, const double* __restrict next,
              const double* __restrict open, const double* __restrict base,
              const double* __restrict rel, double share, size_t lanes) {
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
void ClauseRow(double* __restrict acc, double* __restrict ok, double* __restrict base,
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
void CombineRow(const ScoringProfile& p, const double* __restrict m, const double* __restrict cov,
                const double* __restrict rel, const double* __restrict unl,
                const double* __restrict seq, const double* __restrict max_rel,
                const double* __restrict max_unl, const double* __restrict level, double foundation,
                double hours_scale, double difficulty, double* __restrict score, size_t lanes) {
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
void MasteryRow(double* __restrict row, const double* const* __restrict columns, size_t i,
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

// Scores and ranks one block of learners into `out` (one list per learner).
// Compiled for AVX-512, AVX2 and the baseline x86-64, the best chosen at
// load time: the lane loops are the same IEEE operations whatever the width
// (the engine is built with -ffp-contract=off, so no FMA), so results do not depend
// on it. The lane kernels are inlined into each clone.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
void ScoreBlock(const BatchInputs& in, std::span<const LearnerState> learners,
                Buffers& ws,
                std::span<std::vector<Recommendation>> out) {
  const Catalog& c = in.catalog;
  const ScoringProfile& p = in.profile;
  const size_t n = c.item_count();
  const size_t L = learners.size();
  const auto clauses = c.clauses();
  const auto alternatives = c.alternatives();
  const auto order = c.topological_order();

  // Mastery, item-major (row i holds item i for the block's learners), and
  // the learners' levels (internal::LearnerLevel, same sums in the same order).
  ws.mastery.Resize(n, L);
  ws.level.assign(L, 0.0);
  ws.mastered.assign(L, 0.0);
  ws.columns.resize(L);
  for (size_t j = 0; j < L; ++j) ws.columns[j] = learners[j].mastery.data();
  for (size_t i = 0; i < n; ++i) {
    MasteryRow(ws.mastery.row(i), ws.columns.data(), i, p.theta, in.difficulty[i], ws.level.data(),
               ws.mastered.data(), L);
  }
  for (size_t j = 0; j < L; ++j) {
    ws.level[j] = ws.mastered[j] == 0.0 ? 1.0 : ws.level[j] / ws.mastered[j];
  }
  // Goal demand (as internal::GoalDemand), then the fused pass.
  ws.relevance.Reset(n, L, 0.0);
  for (size_t j = 0; j < L; ++j) {
    for (const auto& [goal, weight] : learners[j].goals) {
      for (const auto& [item, d] : c.goals()[goal].demand) ws.relevance.row(item)[j] += weight * d;
    }
  }
  ws.unlock.Reset(n, L, 0.0);
  ws.coverage.Resize(n, L);  // every row is written by the pass
  ws.ready.resize(n * L);
  ws.open.resize(L), ws.best.resize(L), ws.next.resize(L), ws.base.resize(L), ws.acc.resize(L),
      ws.ok.resize(L);
  ws.max_rel.assign(L, 0.0);
  ws.max_unl.assign(L, 0.0);
  ws.zeros.assign(L, 0.0);
  double* open = ws.open.data();
  double* best = ws.best.data();
  double* next = ws.next.data();

  for (size_t pos = order.size(); pos-- > 0;) {
    const ItemId i = order[pos];
    const Item& item = c.item(i);
    const double* rel_i = ws.relevance.row(i);
    if (item.clause_count > 0) {
      const double* m_i = ws.mastery.row(i);
      bool any_relevance = false;
      for (size_t j = 0; j < L; ++j) {
        open[j] = 1.0 - m_i[j];
        any_relevance |= rel_i[j] != 0.0;
      }
      std::fill(ws.acc.begin(), ws.acc.end(), 0.0);
      std::fill(ws.ok.begin(), ws.ok.end(), 1.0);
      for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
        const Clause& clause = clauses[k];
        const ItemId* alt = alternatives.data() + clause.first_alternative;
        // One alternative (most clauses of real catalogs): its mastery row is
        // the satisfaction and the runner-up is 0, as MaxUpdate would give.
        const double* sat = ws.mastery.row(alt[0]);
        const double* second = ws.zeros.data();
        if (clause.alternative_count > 1) {
          std::fill(best, best + L, 0.0);
          std::fill(next, next + L, 0.0);
          for (uint32_t a = 0; a < clause.alternative_count; ++a) {
            MaxUpdate(best, next, ws.mastery.row(alt[a]), L);
          }
          sat = best;
          second = next;
        }
        const double share = in.clause_share[k];
        ClauseRow(ws.acc.data(), ws.ok.data(), ws.base.data(), sat, open, share,
                  p.lambda * in.alternative_share[k],
                  clause.type == ClauseType::kRequires ? p.theta_req : -1.0, L);
        for (uint32_t a = 0; a < clause.alternative_count; ++a) {
          if (any_relevance) {
            PushBoth(ws.unlock.row(alt[a]), ws.relevance.row(alt[a]), ws.mastery.row(alt[a]), sat,
                     second, open, ws.base.data(), rel_i, share, L);
          } else {
            PushUnlock(ws.unlock.row(alt[a]), sat, open, share, L);
          }
        }
      }
      std::copy(ws.acc.begin(), ws.acc.end(), ws.coverage.row(i));
      uint8_t* ready_row = ws.ready.data() + i * L;
      for (size_t j = 0; j < L; ++j) ready_row[j] = ws.ok[j] != 0.0;
    } else {  // no clause: fully covered and ready
      std::fill(ws.coverage.row(i), ws.coverage.row(i) + L, 1.0);
      std::fill(ws.ready.data() + i * L, ws.ready.data() + (i + 1) * L, uint8_t{1});
    }
    // Every dependent of i came before it: its relevance and unlock are
    // final, and enter the maxima that normalise them.
    const double* unl_i = ws.unlock.row(i);
    for (size_t j = 0; j < L; ++j) {
      const double r = rel_i[j], u = unl_i[j];
      ws.max_rel[j] = ws.max_rel[j] < r ? r : ws.max_rel[j];
      ws.max_unl[j] = ws.max_unl[j] < u ? u : ws.max_unl[j];
    }
  }

  const bool with_sequence = in.options.sequence != nullptr;
  if (with_sequence) {
    ws.sequence.Resize(n, L);
    ws.sequence_column.resize(n);
    for (size_t j = 0; j < L; ++j) {
      in.options.sequence->Score(learners[j], ws.sequence_column);
      for (size_t i = 0; i < n; ++i) ws.sequence.row(i)[j] = ws.sequence_column[i];
    }
  }

  // Normalise, combine (the expression of internal::CombineTerms) and rank
  // (the filter of internal::RankCandidates) in one pass over the items.
  std::vector<TopK> top(L);
  for (TopK& t : top) t.Reset(in.options.k);
  // Below a learner's floor (the k-th best score so far) nothing can enter
  // its list; most items stop at this one comparison.
  ws.floor.assign(L, -std::numeric_limits<double>::infinity());
  double* floor = ws.floor.data();
  ws.score.Resize(1, L);
  double* score = ws.score.row(0);
  for (size_t i = 0; i < n; ++i) {
    const double* m_i = ws.mastery.row(i);
    CombineRow(p, m_i, ws.coverage.row(i), ws.relevance.row(i), ws.unlock.row(i),
               with_sequence ? ws.sequence.row(i) : nullptr, ws.max_rel.data(), ws.max_unl.data(),
               ws.level.data(), in.foundation[i], in.hours_scale[i], in.difficulty[i], score, L);
    if (!in.allowed[i]) continue;
    const uint8_t* ready_i = ws.ready.data() + i * L;
    for (size_t j = 0; j < L; ++j) {
      if (score[j] < floor[j]) continue;
      if (m_i[j] >= p.theta) continue;
      if (ready_i[j] == 0 && !in.options.include_blocked) continue;
      top[j].Offer(in.scorer, static_cast<ItemId>(i), score[j]);
      floor[j] = top[j].floor();
    }
  }

  for (size_t j = 0; j < L; ++j) {
    auto& list = out[j];
    list.clear();
    list.reserve(top[j].list().size());
    for (const auto& [i, s] : top[j].list()) {
      Recommendation r;
      r.item = i;
      r.score = s;
      r.ready = ws.ready[i * L + j] != 0;
      r.terms.coverage = ws.coverage.row(i)[j];
      // Normalised as in CombineRow.
      const double mr = ws.max_rel[j], mu = ws.max_unl[j];
      r.terms.relevance = mr > 0 ? ws.relevance.row(i)[j] / mr : 0.0;
      r.terms.unlock = mu > 0 ? ws.unlock.row(i)[j] / mu : 0.0;
      r.terms.foundation = in.foundation[i];
      r.terms.sequence = with_sequence ? ws.sequence.row(i)[j] : 0.0;
      r.terms.effort = internal::Effort(in.hours_scale[i], in.difficulty[i], ws.level[j]);
      list.push_back(std::move(r));
    }
  }
}

}  // namespace

// A thread's buffers, kept between calls.
struct BatchScorer::Workspace : Buffers {};

BatchScorer::~BatchScorer() = default;

std::unique_ptr<BatchScorer::Workspace> BatchScorer::Acquire() const {
  std::lock_guard lock(pool_mu_);
  if (pool_.empty()) return std::make_unique<Workspace>();
  std::unique_ptr<Workspace> workspace = std::move(pool_.back());
  pool_.pop_back();
  return workspace;
}

void BatchScorer::Release(std::unique_ptr<Workspace> workspace) const {
  std::lock_guard lock(pool_mu_);
  pool_.push_back(std::move(workspace));
}

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

  // The filter of internal::RankCandidates that does not depend on the
  // learner: excluded items and kinds.
  std::vector<uint8_t> allowed(n, 1);
  for (ItemId x : options.exclude) {
    if (x < n) allowed[x] = 0;
  }
  if (!options.kinds.empty()) {
    for (ItemId i = 0; i < n; ++i) {
      const ItemKind kind = c.item(i).kind;
      if (std::find(options.kinds.begin(), options.kinds.end(), kind) == options.kinds.end()) {
        allowed[i] = 0;
      }
    }
  }
  const BatchInputs inputs{scorer_,
                           c,
                           scorer_.clause_share_,
                           scorer_.alternative_share_,
                           scorer_.foundation_,
                           scorer_.hours_scale_,
                           scorer_.difficulty_,
                           profile,
                           options,
                           allowed};

  // Blocks are independent: `workers` threads take every workers-th block,
  // each with its own buffers, and write disjoint entries of *out.
  const size_t blocks = (learners.size() + block - 1) / block;
  const size_t workers = std::max<size_t>(1, std::min(threads, blocks));
  auto run = [&](size_t worker) {
    std::unique_ptr<Workspace> workspace = Acquire();
    Workspace& ws = *workspace;
    for (size_t first = worker * block; first < learners.size(); first += workers * block) {
      const size_t size = std::min(block, learners.size() - first);
      ScoreBlock(inputs, learners.subspan(first, size), ws, std::span(*out).subspan(first, size));
    }
  };
  internal::RunOnWorkers(workers, run);
  return Status::Ok();
}

}  // namespace pathrank
