#include "pathrank/batch_scorer.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <thread>
#include <utility>

#include "pathrank/sequence_model.h"
#include "score/batch_kernels.h"
#include "score/score_kernels.h"
#include "util/parallel.h"

namespace pathrank {

BatchScorer::BatchScorer(const Scorer& scorer) : scorer_(scorer) {}

namespace {

using internal::batch::BatchInputs;
using internal::batch::Buffers;
using internal::batch::ClauseRow;
using internal::batch::CombineRow;
using internal::batch::MasteryRow;
using internal::batch::MaxUpdate;
using internal::batch::PushBoth;
using internal::batch::PushUnlock;
using internal::batch::TopK;

// The phases of ScoreBlock, always inlined into it so that each
// instruction-set clone vectorises their lane loops.
#if defined(__GNUC__)
#define PATHRANK_BATCH_PHASE [[gnu::always_inline]] inline
#else
#define PATHRANK_BATCH_PHASE inline
#endif

// Mastery, item-major (row i holds item i for the block's learners), the
// learners' levels (internal::LearnerLevel, same sums in the same order), goal
// demand (as internal::GoalDemand), and the pass's buffers sized and cleared.
PATHRANK_BATCH_PHASE void GatherBlock(const BatchInputs& in, std::span<const LearnerState> learners,
                                      Buffers& ws) {
  const Catalog& c = in.catalog;
  const size_t n = c.item_count();
  const size_t L = learners.size();
  ws.mastery.Resize(n, L);
  ws.level.assign(L, 0.0);
  ws.mastered.assign(L, 0.0);
  ws.columns.resize(L);
  for (size_t j = 0; j < L; ++j) ws.columns[j] = learners[j].mastery.data();
  for (size_t i = 0; i < n; ++i) {
    MasteryRow(ws.mastery.row(i), ws.columns.data(), i, in.profile.theta, in.difficulty[i],
               ws.level.data(), ws.mastered.data(), L);
  }
  for (size_t j = 0; j < L; ++j) {
    ws.level[j] = ws.mastered[j] == 0.0 ? 1.0 : ws.level[j] / ws.mastered[j];
  }
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
}

// Item i's clauses, for every learner of the block: its coverage and
// readiness, and what it pushes into its prerequisites' unlock and
// relevance rows.
PATHRANK_BATCH_PHASE void PassClauses(const BatchInputs& in, Buffers& ws, ItemId i, size_t L) {
  const Catalog& c = in.catalog;
  const ScoringProfile& p = in.profile;
  const Item& item = c.item(i);
  const auto clauses = c.clauses();
  const auto alternatives = c.alternatives();
  const double* rel_i = ws.relevance.row(i);
  const double* m_i = ws.mastery.row(i);
  double* open = ws.open.data();
  double* best = ws.best.data();
  double* next = ws.next.data();
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
}

// The fused pass, dependents before prerequisites (reverse topological
// order): coverage, readiness, unlock and relevance of every item, and the
// maxima that normalise the last two.
PATHRANK_BATCH_PHASE void FusedPass(const BatchInputs& in, Buffers& ws, size_t L) {
  const auto order = in.catalog.topological_order();
  for (size_t pos = order.size(); pos-- > 0;) {
    const ItemId i = order[pos];
    if (in.catalog.item(i).clause_count > 0) {
      PassClauses(in, ws, i, L);
    } else {  // no clause: fully covered and ready
      std::fill(ws.coverage.row(i), ws.coverage.row(i) + L, 1.0);
      std::fill(ws.ready.data() + i * L, ws.ready.data() + (i + 1) * L, uint8_t{1});
    }
    // Every dependent of i came before it: its relevance and unlock are
    // final, and enter the maxima that normalise them.
    const double* rel_i = ws.relevance.row(i);
    const double* unl_i = ws.unlock.row(i);
    for (size_t j = 0; j < L; ++j) {
      const double r = rel_i[j], u = unl_i[j];
      ws.max_rel[j] = ws.max_rel[j] < r ? r : ws.max_rel[j];
      ws.max_unl[j] = ws.max_unl[j] < u ? u : ws.max_unl[j];
    }
  }
}

// The sequence term of every item and learner, when the options have a model.
PATHRANK_BATCH_PHASE void SequenceRows(const BatchInputs& in,
                                       std::span<const LearnerState> learners, Buffers& ws) {
  const size_t n = in.catalog.item_count();
  ws.sequence.Resize(n, learners.size());
  ws.sequence_column.resize(n);
  for (size_t j = 0; j < learners.size(); ++j) {
    in.options.sequence->Score(learners[j], ws.sequence_column);
    for (size_t i = 0; i < n; ++i) ws.sequence.row(i)[j] = ws.sequence_column[i];
  }
}

// Normalises, combines (the expression of internal::CombineTerms) and ranks
// (the filter of internal::RankCandidates) in one pass over the items.
PATHRANK_BATCH_PHASE void RankBlock(const BatchInputs& in, Buffers& ws, bool with_sequence,
                                    std::span<TopK> top) {
  const ScoringProfile& p = in.profile;
  const size_t n = in.catalog.item_count();
  const size_t L = top.size();
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
}

// Each learner's list, with the terms of every recommended item.
PATHRANK_BATCH_PHASE void WriteBlock(const BatchInputs& in, const Buffers& ws, bool with_sequence,
                                     std::span<const TopK> top,
                                     std::span<std::vector<Recommendation>> out) {
  const size_t L = top.size();
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

// Scores and ranks one block of learners into `out` (one list per learner).
// Compiled for AVX-512, AVX2 and the baseline x86-64, the best chosen at
// load time: the lane loops are the same IEEE operations whatever the width
// (the engine is built with -ffp-contract=off, so no FMA), so results do not
// depend on it. The phases and lane kernels are inlined into each clone.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
void ScoreBlock(const BatchInputs& in, std::span<const LearnerState> learners, Buffers& ws,
                std::span<std::vector<Recommendation>> out) {
  const size_t L = learners.size();
  GatherBlock(in, learners, ws);
  FusedPass(in, ws, L);
  const bool with_sequence = in.options.sequence != nullptr;
  if (with_sequence) SequenceRows(in, learners, ws);
  std::vector<TopK> top(L);
  RankBlock(in, ws, with_sequence, top);
  WriteBlock(in, ws, with_sequence, top, out);
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
