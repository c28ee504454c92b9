// Evaluator: replays trajectories (replay.h) through rankers and measures
// them — HitRate@k, NDCG@k, MRR (metrics.h), catalog coverage and the share
// of recommendations whose `requires` clauses are unmet.
//
// Every ranker, pathrank's scorer and the baselines (baselines.h) alike,
// orders the same candidates through one interface. Results are kept per
// learner so that two rankers can be compared with a paired test
// (significance.h).
//
// Thread safety: Evaluate() is a pure function of its arguments; rankers must
// allow concurrent Rank() calls (every ranker in baselines.h does).

#ifndef PATHRANK_EVAL_EVALUATOR_H_
#define PATHRANK_EVAL_EVALUATOR_H_

#include <span>
#include <string>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/eval/metrics.h"
#include "pathrank/eval/replay.h"
#include "pathrank/eval/trajectory.h"
#include "pathrank/export.h"
#include "pathrank/status.h"

namespace pathrank {

class PATHRANK_EXPORT Ranker {
 public:
  virtual ~Ranker() = default;
  // A short name for reports: "pathrank", "random", "transition", ...
  virtual const std::string& name() const = 0;
  // Writes a permutation of step.candidates into `ranking`, best first, and
  // returns how many leading items the ranker would actually recommend (the
  // rest only completes the order so that every truth gets a position).
  // Coverage and unmet requires count the first min(k, that) items.
  // Evaluate calls Rank from options.threads threads at once: an
  // implementation must be safe to call concurrently (const, no shared
  // mutable state without a lock).
  virtual size_t Rank(const ReplayStep& step, std::vector<ItemId>* ranking) const = 0;
};

struct EvalOptions {
  size_t k = 10;  // the cut-off of HitRate@k, NDCG@k, coverage and unmet requires
  // A recommended item has unmet requires when one of its `requires`
  // clauses has satisfaction (best mastery of its alternatives) below this.
  double theta_req = 0.6;
  size_t threads = 1;  // learners are spread over this many threads
};

struct RankerResult {
  std::string name;
  MetricSums total;                     // over every replayed step
  std::vector<MetricSums> per_learner;  // indexed like the trajectories
  // Share of the catalog's items that appear in at least one top-k list of
  // recommended items.
  double coverage = 0;
  // Share of top-k recommended items (over all steps) with unmet requires.
  double unmet_requires = 0;
  size_t recommendations = 0;  // top-k recommended items over all steps
};

// Replays every trajectory through every ranker. Fails with InvalidArgument
// when k is 0 or a ranker is null. Results are in the order of `rankers`
// and do not depend on `options.threads`. REQUIRES: every trajectory was
// read against `catalog` (its dense ids); the rankers outlive the call and are
// shared by the worker threads (see Ranker::Rank). The results own their data.
PATHRANK_EXPORT Result<std::vector<RankerResult>> Evaluate(const Catalog& catalog,
                                                           std::span<const Trajectory> trajectories,
                                                           std::span<const Ranker* const> rankers,
                                                           const EvalOptions& options);

// True when some `requires` clause of `item` has satisfaction below
// `theta_req` for `mastery`. REQUIRES: mastery.size() == catalog.item_count()
// and item < catalog.item_count().
PATHRANK_EXPORT bool HasUnmetRequires(const Catalog& catalog, std::span<const double> mastery,
                                      ItemId item, double theta_req);

}  // namespace pathrank

#endif  // PATHRANK_EVAL_EVALUATOR_H_
