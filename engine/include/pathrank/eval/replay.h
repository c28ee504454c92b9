// Replay: turns a trajectory into the predictions an evaluator scores.
//
// A learner's steps are grouped by step number into events. For event e the
// replay hands over:
//   - state: what came before, and nothing else —
//       mastery: the mastery column (1 when absent) of every item reached at
//                an earlier event, 0 elsewhere;
//       recent:  the items of the earlier events, newest first (within one
//                event, later rows first);
//       goals:   the goals named on rows of this event or earlier ones (a
//                stated goal, in effect from the step whose row names it;
//                the weight is the latest one given);
//   - truth: the items reached at event e;
//   - candidates: every item not reached at an earlier event, in catalog
//     order (the truth is among them).
// The state for event e is a function of events 0..e-1 (and the goal column
// up to e) only; replay_test.cc proves it by changing the future.
//
// Thread safety: a pure function of its arguments.

#ifndef PATHRANK_EVAL_REPLAY_H_
#define PATHRANK_EVAL_REPLAY_H_

#include <cstddef>
#include <functional>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/eval/trajectory.h"
#include "pathrank/export.h"
#include "pathrank/learner.h"

namespace pathrank {

struct ReplayStep {
  size_t learner = 0;  // index of the trajectory among those replayed
  size_t event = 0;    // 0-based event within the trajectory
  LearnerState state;
  std::vector<ItemId> truth;
  std::vector<ItemId> candidates;
};

// Calls `visit` once per event of `trajectory`, in order. `learner` is
// copied into ReplayStep::learner. The ReplayStep is reused between calls:
// `visit` must not keep a reference to it. REQUIRES: `trajectory` was read
// against `catalog`. Thread-safe for distinct trajectories.
PATHRANK_EXPORT void ReplayTrajectory(const Catalog& catalog, const Trajectory& trajectory,
                                      size_t learner,
                                      const std::function<void(const ReplayStep&)>& visit);

// Number of events (distinct step numbers) of `trajectory`.
PATHRANK_EXPORT size_t CountEvents(const Trajectory& trajectory);

}  // namespace pathrank

#endif  // PATHRANK_EVAL_REPLAY_H_
