#include "pathrank/eval/evaluator.h"

#include <algorithm>

#include "util/parallel.h"

namespace pathrank {

bool HasUnmetRequires(const Catalog& catalog, std::span<const double> mastery, ItemId item,
                      double theta_req) {
  for (const Clause& clause : catalog.clauses_of(item)) {
    if (clause.type != ClauseType::kRequires) continue;
    double best = 0;
    for (ItemId a : catalog.alternatives(clause)) best = std::max(best, mastery[a]);
    if (best < theta_req) return true;
  }
  return false;
}

namespace {

// What one thread accumulates for one ranker.
struct Partial {
  std::vector<uint8_t> recommended;  // per item
  size_t unmet = 0;
  size_t recommendations = 0;
};

void EvaluateRange(const Catalog& catalog, std::span<const Trajectory> trajectories,
                   std::span<const Ranker* const> rankers, const EvalOptions& options, size_t begin,
                   size_t end, std::vector<RankerResult>* results, std::vector<Partial>* partials) {
  std::vector<ItemId> ranking;
  std::vector<uint32_t> positions;
  std::vector<uint32_t> position_of(catalog.item_count(), 0);
  for (size_t l = begin; l < end; ++l) {
    ReplayTrajectory(catalog, trajectories[l], l, [&](const ReplayStep& step) {
      for (size_t r = 0; r < rankers.size(); ++r) {
        ranking.clear();
        const size_t shown = rankers[r]->Rank(step, &ranking);
        for (size_t p = 0; p < ranking.size(); ++p) {
          position_of[ranking[p]] = static_cast<uint32_t>(p + 1);
        }
        positions.clear();
        for (ItemId t : step.truth) positions.push_back(position_of[t]);
        for (ItemId i : ranking) position_of[i] = 0;
        (*results)[r].per_learner[l].Add(RankMetrics::Of(positions, options.k));
        Partial& part = (*partials)[r];
        const size_t top = std::min({options.k, ranking.size(), shown});
        for (size_t p = 0; p < top; ++p) {
          part.recommended[ranking[p]] = 1;
          if (HasUnmetRequires(catalog, step.state.mastery, ranking[p], options.theta_req)) {
            ++part.unmet;
          }
        }
        part.recommendations += top;
      }
    });
  }
}

}  // namespace

Result<std::vector<RankerResult>> Evaluate(const Catalog& catalog,
                                           std::span<const Trajectory> trajectories,
                                           std::span<const Ranker* const> rankers,
                                           const EvalOptions& options) {
  if (options.k == 0) return Status::InvalidArgument("k must be at least 1");
  for (const Ranker* r : rankers) {
    if (r == nullptr) return Status::InvalidArgument("null ranker");
  }
  std::vector<RankerResult> results(rankers.size());
  for (size_t r = 0; r < rankers.size(); ++r) {
    results[r].name = rankers[r]->name();
    results[r].per_learner.resize(trajectories.size());
  }
  const size_t threads =
      std::max<size_t>(1, std::min(options.threads, std::max<size_t>(1, trajectories.size())));
  std::vector<std::vector<Partial>> partials(
      threads, std::vector<Partial>(rankers.size(),
                                    Partial{std::vector<uint8_t>(catalog.item_count(), 0), 0, 0}));
  if (threads == 1) {
    EvaluateRange(catalog, trajectories, rankers, options, 0, trajectories.size(), &results,
                  &partials[0]);
  } else {
    // Interleaved blocks of learners balance long and short trajectories.
    const size_t n = trajectories.size();
    internal::RunOnWorkers(threads, [&](size_t t) {
      constexpr size_t kBlock = 16;
      for (size_t begin = t * kBlock; begin < n; begin += threads * kBlock) {
        EvaluateRange(catalog, trajectories, rankers, options, begin, std::min(n, begin + kBlock),
                      &results, &partials[t]);
      }
    });
  }
  for (size_t r = 0; r < rankers.size(); ++r) {
    RankerResult& out = results[r];
    for (const MetricSums& m : out.per_learner) out.total.Add(m);
    std::vector<uint8_t> seen(catalog.item_count(), 0);
    size_t unmet = 0;
    for (const auto& part : partials) {
      for (size_t i = 0; i < seen.size(); ++i) seen[i] |= part[r].recommended[i];
      unmet += part[r].unmet;
      out.recommendations += part[r].recommendations;
    }
    const size_t distinct = static_cast<size_t>(std::count(seen.begin(), seen.end(), 1));
    out.coverage = catalog.item_count() == 0
                       ? 0.0
                       : static_cast<double>(distinct) / static_cast<double>(catalog.item_count());
    out.unmet_requires = out.recommendations == 0 ? 0.0
                                                  : static_cast<double>(unmet) /
                                                        static_cast<double>(out.recommendations);
  }
  return results;
}

}  // namespace pathrank
