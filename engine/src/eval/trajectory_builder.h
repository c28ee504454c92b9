// Shared by the CSV and JSON-lines trajectory readers: field parsers and the
// per-learner checks (steps never decrease, no item twice). Private to
// engine/src.

#ifndef PATHRANK_SRC_EVAL_TRAJECTORY_BUILDER_H_
#define PATHRANK_SRC_EVAL_TRAJECTORY_BUILDER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pathrank/eval/trajectory.h"
#include "util/text.h"

namespace pathrank::internal {

// A non-negative integer.
Result<int64_t> ParseStepNumber(std::string_view text);
// A number in [0, 1]; "" is 1.
Result<double> ParseMastery(std::string_view text);
// "id[:weight];id[:weight]..." against the catalog's goals; "" is none.
Result<std::vector<std::pair<uint32_t, double>>> ParseGoalList(const Catalog& catalog,
                                                               std::string_view text);

class TrajectoryBuilder {
 public:
  TrajectoryBuilder(const Catalog& catalog, std::string_view source)
      : catalog_(catalog), source_(source) {}

  // Appends `step` to `learner`'s trajectory. `where` ("file: line 7")
  // prefixes errors.
  Status Add(const std::string& learner, TrajectoryStep step, const std::string& where) {
    auto [it, added] = index_.try_emplace(learner, out_.size());
    if (added) {
      out_.push_back({learner, {}});
      seen_.emplace_back();
    }
    Trajectory& t = out_[it->second];
    if (!t.steps.empty() && step.step < t.steps.back().step) {
      return Status::InvalidArgument(where + ": learner " + Quoted(learner) + ": step " +
                                     std::to_string(step.step) + " comes after step " +
                                     std::to_string(t.steps.back().step) +
                                     " (steps must not decrease)");
    }
    if (auto [at, fresh] = seen_[it->second].try_emplace(step.item, step.step); !fresh) {
      return Status::InvalidArgument(where + ": learner " + Quoted(learner) + ": item " +
                                     Quoted(catalog_.item(step.item).id) +
                                     " was already reached at step " + std::to_string(at->second));
    }
    t.steps.push_back(std::move(step));
    return Status::Ok();
  }

  std::vector<Trajectory> Finish() { return std::move(out_); }

 private:
  const Catalog& catalog_;
  std::string source_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<Trajectory> out_;
  std::vector<std::unordered_map<ItemId, int64_t>> seen_;
};

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_EVAL_TRAJECTORY_BUILDER_H_
