// Planner: the ordered path from a learner's state to a set of goals.
//
// The path holds what the goals need: every item whose goal demand (item
// target weight plus matching tag weights, times the goal weight) reaches
// PlanOptions::min_target_demand, plus the closure of their unmet `requires`
// clauses, where a clause with alternatives takes the alternative best for
// this learner (highest mastery, then already needed, then fewest hours, then
// catalog order). Mastered items are left out. The order comes from
// repeatedly taking the best-scoring ready needed item (Scorer ranking),
// assuming it mastered, and deriving the needed set again (so an alternative
// made unnecessary by what was learned drops out). docs/scoring.md has the
// details.
//
// Thread safety: a pure function of its arguments.

#ifndef PATHRANK_PLANNER_H_
#define PATHRANK_PLANNER_H_

#include <span>
#include <string>
#include <vector>

#include "pathrank/export.h"
#include "pathrank/learner.h"
#include "pathrank/scorer.h"

namespace pathrank {

struct PlanOptions {
  double hours_per_week = 10;               // weekly budget, in (0, 168]
  double min_target_demand = 0.5;           // goal demand that makes an item a target
  size_t max_steps = 2000;                  // fails with OutOfRange beyond this many steps
  const SequenceModel* sequence = nullptr;  // not owned; may be null
};

struct PlanStep {
  ItemId item = 0;
  double hours = 0;
  double cumulative_hours = 0;
  int week = 1;        // 1-based week in which the step ends
  double score = 0;    // its score when it was taken
  std::string reason;  // e.g. "target of goal microservices; unlocks grpc"
  // Why it is on the path: goal targets it is, and needed items it is a
  // chosen prerequisite of.
  std::vector<uint32_t> target_of;  // goal indexes
  std::vector<ItemId> required_by;
};

struct Plan {
  std::vector<PlanStep> steps;
  double total_hours = 0;
  int weeks = 0;
  // The learner's inferred mastery (LearnerState::inferred) of direct
  // prerequisites of the steps or of the targets: what the path took as
  // known without the learner saying so. Sorted by item.
  std::vector<InferredMastery> inferred;
};

// Plans the path for `learner` toward its goals. REQUIRES:
// learner.mastery.size() == scorer.catalog().item_count(); options.sequence,
// when set, outlives the call. Fails with InvalidArgument when the learner
// has no goal or hours_per_week is out of range.
PATHRANK_EXPORT Result<Plan> PlanPath(const Scorer& scorer, const LearnerState& learner,
                                      const ScoringProfile& profile, const PlanOptions& options);

// Plans the path to master `targets` (given as item indexes; mastered ones
// are skipped) plus what their `requires` clauses need, in the same way
// (the same REQUIRES as PlanPath).
// Steps for a target carry the reason "target". Fails with InvalidArgument
// for an out-of-range index or hours_per_week.
PATHRANK_EXPORT Result<Plan> PlanToItems(const Scorer& scorer, const LearnerState& learner,
                                         const ScoringProfile& profile,
                                         std::span<const ItemId> targets,
                                         const PlanOptions& options);

}  // namespace pathrank

#endif  // PATHRANK_PLANNER_H_
