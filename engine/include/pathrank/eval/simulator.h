// Simulator: seeded synthetic learners that walk a catalog, written as
// trajectories (trajectory.h). Their behaviour deliberately does not use
// pathrank's scorer, so that evaluating the scorer on them is not circular.
//
// Behaviour model (docs/evaluation.md has the rationale), per learner, from
// its own random stream (seed, learner index):
//   1. Hidden goals: one catalog goal, or two with probability
//      `second_goal`. Targets: the items whose demand under a goal is at
//      least 0.5 (for a catalog without goals: 1-3 items of the last third of
//      the topological order).
//   2. Wanted items: the targets and, recursively, for each clause of a wanted
//      item one alternative (an already wanted one, else one drawn uniformly).
//      Each soft (`recommends`) clause is skipped — neither wanted nor waited
//      for — with probability `skip_soft`.
//   3. Each step: with probability `noise` a detour — any unreached item
//      whose `requires` clauses are met, uniformly. Otherwise a wanted item
//      whose kept clauses are all met, drawn with probability proportional to
//      exp(follow_on * [it names the item reached last] + target_pull *
//      [it is a target] - stage_pull * (its stage - the lowest stage
//      available)) (a Gumbel-max draw).
//   4. Mastery of the item: uniform in [min_mastery, 1].
//   5. After each step the learner drops out with probability `dropout`; it
//      stops when every wanted item is reached.
// The goal column holds the learner's goals on every row unless
// `record_goals` is false (then the goals stay hidden from the evaluation).
//
// Thread safety: a pure function.

#ifndef PATHRANK_EVAL_SIMULATOR_H_
#define PATHRANK_EVAL_SIMULATOR_H_

#include <cstdint>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/eval/trajectory.h"
#include "pathrank/export.h"
#include "pathrank/status.h"

namespace pathrank {

struct SimulationOptions {
  uint32_t learners = 1000;  // in [1, 10'000'000]
  uint64_t seed = 1;
  double second_goal = 0.3;  // probability of a second hidden goal
  double noise = 0.1;        // probability of a detour step
  double skip_soft = 0.2;    // probability of ignoring each soft clause
  double dropout = 0.02;     // probability of stopping after each step
  double follow_on = 1.5;    // pull toward items that build on the last item
  double target_pull = 1.0;  // pull toward goal targets
  double stage_pull = 1.0;   // push away from later stages, per stage
  double min_mastery = 0.7;  // mastery drawn uniformly in [min_mastery, 1]
  bool record_goals = true;  // write the goal column
};

// Fails with InvalidArgument when an option is out of range (probabilities
// in [0, 1], pulls finite and >= 0, min_mastery in (0, 1]) or the catalog is
// empty. Deterministic for a seed; the trajectories hold dense ids of
// `catalog` and own everything else. Thread-safe (no shared state).
PATHRANK_EXPORT Result<std::vector<Trajectory>> SimulateLearners(const Catalog& catalog,
                                                                 const SimulationOptions& options);

}  // namespace pathrank

#endif  // PATHRANK_EVAL_SIMULATOR_H_
