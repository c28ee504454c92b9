// Trajectories: the order in which learners reached a catalog's items, the
// input of the evaluator and the tuner (ARCHITECTURE.md "Evaluation and
// tuning"; docs/evaluation.md documents both file formats).
//
// CSV, one row per item a learner reached, with a header naming the columns
// (learner, step and item required; mastery and goal optional, any order):
//
//   learner,step,item,mastery,goal
//   u1,1,go-basic-syntax,0.9,microservices
//   u1,2,go-data-types,,microservices
//
// - step: a non-negative integer; within one learner steps never decrease.
//   Rows of one learner with the same step were reached together.
// - mastery: in [0, 1]; empty or absent means 1.
// - goal: the learner's stated goals, ';'-separated ids, each optionally
//   "id:weight"; a goal named on a row is in effect from that step on.
// - each item at most once per learner; a learner's rows may be interleaved
//   with other learners' (they are grouped by learner, in order of first
//   appearance).
//
// JSON lines, one learner per line:
//
//   {"learner": "u1", "goals": ["microservices"],
//    "steps": [{"item": "go-basic-syntax", "step": 1, "mastery": 0.9}, ...]}
//
// "goals" is optional (an array of ids or an object id -> weight; in effect
// from the first step); "step" defaults to the position in "steps";
// "mastery" defaults to 1.
//
// Every error names the file's line (and column for CSV) and the record.
//
// Thread safety: free functions; the types are plain values.

#ifndef PATHRANK_EVAL_TRAJECTORY_H_
#define PATHRANK_EVAL_TRAJECTORY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/export.h"
#include "pathrank/learner.h"
#include "pathrank/status.h"

namespace pathrank {

// One item a learner reached.
struct TrajectoryStep {
  int64_t step = 0;
  ItemId item = 0;
  double mastery = 1.0;
  // Goals stated on this row: (index into Catalog::goals(), weight > 0).
  std::vector<std::pair<uint32_t, double>> goals;
  bool operator==(const TrajectoryStep&) const = default;
};

struct Trajectory {
  std::string learner;
  // Steps in order: step numbers never decrease, no item repeats.
  std::vector<TrajectoryStep> steps;
  bool operator==(const Trajectory&) const = default;
};

// Parses CSV text. `source` prefixes every error ("train.csv: line 4,
// column 3: unknown item \"gni\" in catalog \"go-backend\""). Fails with
// InvalidArgument on a missing header column, an unknown column, a
// malformed field, an unknown item or goal, a step lower than the learner's
// previous step, or an item the learner already reached. The trajectories
// hold dense ids of `catalog` (valid for it only) and own everything else;
// `text` is not kept. Thread-safe.
PATHRANK_EXPORT Result<std::vector<Trajectory>> ParseTrajectoriesCsv(
    const Catalog& catalog, std::string_view text, std::string_view source = "trajectories");

// Parses JSON lines (blank lines are skipped). Same checks as the CSV reader.
PATHRANK_EXPORT Result<std::vector<Trajectory>> ParseTrajectoriesJsonl(
    const Catalog& catalog, std::string_view text, std::string_view source = "trajectories");

// Reads `path`: JSON lines when it ends in ".jsonl" or ".ndjson", CSV
// otherwise. Fails with Unavailable when the file cannot be read.
PATHRANK_EXPORT Result<std::vector<Trajectory>> LoadTrajectoriesFile(const Catalog& catalog,
                                                                     const std::string& path);

// Serialises as CSV with the header "learner,step,item,mastery,goal"
// (mastery with up to 4 decimals; goal ids joined by ';' with ":weight" when
// the weight is not 1). Parsing the result gives `trajectories` back (up to
// the rounding of mastery).
PATHRANK_EXPORT std::string FormatTrajectoriesCsv(const Catalog& catalog,
                                                  const std::vector<Trajectory>& trajectories);

// Total number of steps (rows) over `trajectories`.
PATHRANK_EXPORT size_t CountSteps(const std::vector<Trajectory>& trajectories);

}  // namespace pathrank

#endif  // PATHRANK_EVAL_TRAJECTORY_H_
